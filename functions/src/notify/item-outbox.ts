import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import type { DeliveryState, OutboxMessage, OutboxStore } from './outbox';

/** An item holding an outbox: its table key, and its community (every key starts with it). */
export interface ItemRef {
  key: { pk: string; sk: string };
  communityId: string;
}

/**
 * The `OutboxStore` of a table whose items keep their pending messages in an `outbox` list and appear in a sparse
 * index while they have any (`index`/`indexKey` = `partition`): written with the change that queued them. The
 * delivery ledger lives in the same table, one item per message (`C#<community>#DELIVERY#<message id>`).
 */
export const itemOutbox = (opts: {
  table: () => string;
  index: { name: string; partitionKey: string; sortKey: string };
  partition: string;
}): OutboxStore<ItemRef> => {
  const { index } = opts;
  const delivery = (ref: ItemRef, message: OutboxMessage) => ({ pk: communityKey(ref.communityId, 'DELIVERY', message.id), sk: 'DELIVERY' });
  const ignoreFailedCondition = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  };
  return {
    async pending(limit) {
      const out = await db().send(
        new QueryCommand({
          TableName: opts.table(),
          IndexName: index.name,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': index.partitionKey },
          ExpressionAttributeValues: { ':p': opts.partition },
          Limit: limit,
        }),
      );
      // every key starts with its community: `C#<community>#…`
      return (out.Items ?? []).map((i) => ({ key: { pk: String(i.pk), sk: String(i.sk) }, communityId: String(i.pk).split('#')[1]! }));
    },
    async messages(ref) {
      const out = await db().send(new GetCommand({ TableName: opts.table(), Key: ref.key, ConsistentRead: true }));
      return (out.Item?.outbox as OutboxMessage[] | undefined) ?? [];
    },
    async claim(ref, message, now) {
      const key = delivery(ref, message);
      try {
        await db().send(
          new PutCommand({
            TableName: opts.table(),
            Item: { ...key, state: 'sending', claimedAt: now.toISOString(), itemPk: ref.key.pk, itemSk: ref.key.sk, kind: message.kind },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { claimed: true };
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        const found = (await db().send(new GetCommand({ TableName: opts.table(), Key: key, ConsistentRead: true }))).Item;
        return { claimed: false, state: (found?.state ?? 'sending') as DeliveryState, claimedAt: String(found?.claimedAt ?? now.toISOString()) };
      }
    },
    async settle(ref, message, state, reason) {
      await db().send(
        new UpdateCommand({
          TableName: opts.table(),
          Key: delivery(ref, message),
          UpdateExpression: 'SET #state = :state, settledAt = :now' + (reason ? ', reason = :reason' : ''),
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':state': state, ':now': new Date().toISOString(), ...(reason ? { ':reason': reason } : {}) },
        }),
      );
    },
    async release(ref, message) {
      await db().send(new DeleteCommand({ TableName: opts.table(), Key: delivery(ref, message) }));
    },
    async remove(ref, message) {
      // someone else may have taken it off already
      await ignoreFailedCondition(() =>
        db().send(
          new UpdateCommand({
            TableName: opts.table(),
            Key: ref.key,
            UpdateExpression: 'REMOVE outbox[0]',
            ConditionExpression: 'outbox[0].id = :id',
            ExpressionAttributeValues: { ':id': message.id },
          }),
        ),
      );
      // the last one gone: the item leaves the notifier's index (more to send: the condition fails)
      await ignoreFailedCondition(() =>
        db().send(
          new UpdateCommand({
            TableName: opts.table(),
            Key: ref.key,
            UpdateExpression: `REMOVE #p, #s`,
            ConditionExpression: 'size(outbox) = :zero',
            ExpressionAttributeNames: { '#p': index.partitionKey, '#s': index.sortKey },
            ExpressionAttributeValues: { ':zero': 0 },
          }),
        ),
      );
    },
  };
};
