import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Feedback, FeedbackSummary, HistoryEntry } from '../../../shared/api/feedback';
import { autoCloseAt, type FeedbackStatus } from '../../../shared/feedback/status';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';
import type { StoredUpload } from '../uploads';

/**
 * A feedback item holds everything that must change together: its status, its whole history and its version,
 * so a transition is one conditional write.
 */
export interface FeedbackItem extends Feedback {
  communityId: string;
  reporterId: string;
  /** What the creating request asked (with an Idempotency-Key only): tells a retry from a reused key. */
  requestFingerprint?: string;
  /** The report's photos as stored (keys into the uploads bucket): answers show signed URLs instead. */
  photoKeys?: StoredUpload[];
}

const table = () => tableName('feedback');

export const keys = {
  item: (cid: string, id: string) => ({ pk: communityKey(cid, 'FB', id), sk: 'FB' }),
  /** gsi1: a reporter's feedback, newest first. */
  byReporter: (cid: string, userId: string) => communityKey(cid, 'REPORTER', userId),
  /** gsi2: the committee's queue of one status, oldest waiting first. */
  byStatus: (cid: string, status: FeedbackStatus) => communityKey(cid, 'FBSTATUS', status),
  /** gsi3: resolved items by the time they close themselves unless rated (one partition for the job). */
  autoClose: 'DUE#AUTOCLOSE',
};

const indexKeys = (f: FeedbackItem, statusSince: string) => ({
  gsi1pk: keys.byReporter(f.communityId, f.reporterId),
  gsi1sk: `${f.createdAt}#${f.id}`,
  gsi2pk: keys.byStatus(f.communityId, f.status),
  gsi2sk: `${statusSince}#${f.id}`,
});

const fromItem = (item: Record<string, unknown>): FeedbackItem => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, ...rest } = item;
  const f = rest as unknown as FeedbackItem;
  // Derived, never stored: a resolved item closes itself RATING_WINDOW_DAYS after it was resolved.
  const resolvedAt = f.status === 'resolved' ? f.history?.at(-1)?.at : undefined;
  return resolvedAt ? { ...f, autoCloseAt: autoCloseAt(resolvedAt) } : f;
};

export const toSummary = (f: FeedbackItem): FeedbackSummary => ({
  id: f.id,
  category: f.category,
  title: f.title,
  compound: f.compound,
  status: f.status,
  reporterName: f.reporterName,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

/** The stored form of new feedback: the item with its table and index keys. */
export const newFeedbackRecord = (f: FeedbackItem) => ({ ...keys.item(f.communityId, f.id), ...indexKeys(f, f.createdAt), ...f });

export const putNewFeedback = async (f: FeedbackItem): Promise<void> => {
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: newFeedbackRecord(f),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

export const getFeedback = async (cid: string, id: string): Promise<FeedbackItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.item(cid, id), ConsistentRead: true }));
  return out.Item ? fromItem(out.Item) : undefined;
};

/**
 * Moves feedback to a new status in one conditional write: only if nobody changed it since `expectedVersion`.
 * Returns undefined when the version is stale.
 */
export const applyTransition = async (
  current: FeedbackItem,
  expectedVersion: number,
  entry: HistoryEntry,
  /** Set in the same write: the reporter's rating that made the move. */
  also: { rating?: FeedbackItem['rating'] } = {},
): Promise<FeedbackItem | undefined> => {
  const next = { ...current, status: entry.to };
  const ix = indexKeys(next, entry.at);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.item(current.communityId, current.id),
        UpdateExpression:
          'SET #status = :to, history = list_append(history, :entry), version = version + :one, updatedAt = :at, gsi2pk = :g2pk, gsi2sk = :g2sk' +
          (also.rating ? ', rating = :rating' : '') +
          (entry.to === 'resolved' ? ', gsi3pk = :g3pk, gsi3sk = :g3sk' : ' REMOVE gsi3pk, gsi3sk'),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': entry.to,
          ':entry': [entry],
          ':one': 1,
          ':at': entry.at,
          ':g2pk': ix.gsi2pk,
          ':g2sk': ix.gsi2sk,
          ':expected': expectedVersion,
          ...(also.rating ? { ':rating': also.rating } : {}),
          ...(entry.to === 'resolved' ? { ':g3pk': keys.autoClose, ':g3sk': `${autoCloseAt(entry.at)}#${current.communityId}#${current.id}` } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

const listPage = (index: 'gsi1' | 'gsi2', partition: string, newestFirst: boolean, limit: number, cursor: string | undefined) =>
  queryPage<FeedbackSummary>({
    table: table(),
    index: { name: index, sortKey: `${index}sk` },
    partition: { name: `${index}pk`, value: partition },
    newestFirst,
    limit,
    cursor,
    toItem: (i) => toSummary(fromItem(i)),
  });

export const listByReporter = (cid: string, userId: string, limit: number, cursor?: string) =>
  listPage('gsi1', keys.byReporter(cid, userId), true, limit, cursor);

export const listByStatus = (cid: string, status: FeedbackStatus, limit: number, cursor?: string) =>
  listPage('gsi2', keys.byStatus(cid, status), false, limit, cursor);

/** Resolved items whose rating window ended before `now`, soonest due first (their keys only). */
export const listDueToClose = async (now: Date, limit: number): Promise<{ communityId: string; id: string }[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :p AND gsi3sk < :now',
      ExpressionAttributeValues: { ':p': keys.autoClose, ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => {
    const [, communityId, id] = String(i.gsi3sk).split('#');
    return { communityId: communityId!, id: id! };
  });
};
