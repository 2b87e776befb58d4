import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import { db } from './client';
import { decodeCursor, encodeCursor } from './cursor';

/** A narrowing of a list: a condition on the sort key (`#s < :before`) and/or a filter on other attributes. */
export interface QueryNarrowing {
  sortKeyBefore?: string;
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
}

/** Queries one page runs at most when a filter leaves pages thin: then it answers fewer items and a cursor. */
const MAX_QUERIES_PER_PAGE = 10;

/**
 * One page of one partition, as every list reads it: a Query with `Limit`, and an opaque cursor that is checked
 * against this very partition before it reaches DynamoDB. With a filter, it queries again (from where it
 * stopped, at most MAX_QUERIES_PER_PAGE times) until the page is full; `Limit` counts what DynamoDB reads, so
 * asking for only the missing number never returns more than the page holds.
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
  narrowing?: QueryNarrowing;
}): Promise<Page<T>> => {
  const keyAttributes = ['pk', 'sk', ...(q.index ? [q.partition.name, q.index.sortKey] : [])];
  let start: Record<string, unknown> | undefined = decodeCursor(q.cursor, { attributes: keyAttributes, partition: q.partition });
  const sortKey = q.index?.sortKey ?? 'sk';
  const before = q.narrowing?.sortKeyBefore;
  const filter = q.narrowing?.filter;
  const items: T[] = [];
  for (let round = 0; round < MAX_QUERIES_PER_PAGE; round++) {
    const out = await db().send(
      new QueryCommand({
        TableName: q.table,
        ...(q.index ? { IndexName: q.index.name } : {}),
        KeyConditionExpression: `#p = :p${before ? ' AND #s < :before' : ''}`,
        ExpressionAttributeNames: { '#p': q.partition.name, ...(before ? { '#s': sortKey } : {}), ...filter?.names },
        ExpressionAttributeValues: { ':p': q.partition.value, ...(before ? { ':before': before } : {}), ...filter?.values },
        ...(filter ? { FilterExpression: filter.expression } : {}),
        ScanIndexForward: !q.newestFirst,
        Limit: q.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []).map(q.toItem));
    start = out.LastEvaluatedKey;
    if (!start || items.length >= q.limit || !filter) break;
  }
  return { items, nextCursor: encodeCursor(start) };
};
