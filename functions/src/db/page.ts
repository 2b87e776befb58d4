import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import { db } from './client';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * One page of one partition, as every list reads it: a single Query with `Limit`, and an opaque cursor that is
 * checked against this very partition before it reaches DynamoDB.
 */
export const queryPage = async <T>(q: {
  table: string;
  /** The index to read; the table itself when absent. */
  index?: { name: string; sortKey: string };
  partition: { name: string; value: string };
  newestFirst: boolean;
  limit: number;
  cursor: string | undefined;
  toItem: (raw: Record<string, unknown>) => T;
}): Promise<Page<T>> => {
  const keyAttributes = ['pk', 'sk', ...(q.index ? [q.partition.name, q.index.sortKey] : [])];
  const start = decodeCursor(q.cursor, { attributes: keyAttributes, partition: q.partition });
  const out = await db().send(
    new QueryCommand({
      TableName: q.table,
      ...(q.index ? { IndexName: q.index.name } : {}),
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': q.partition.name },
      ExpressionAttributeValues: { ':p': q.partition.value },
      ScanIndexForward: !q.newestFirst,
      Limit: q.limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (out.Items ?? []).map(q.toItem), nextCursor: encodeCursor(out.LastEvaluatedKey) };
};
