import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

/** A table's own keys (`pk`, `sk`, `gsi<N>pk`, `gsi<N>sk`): how an item is found, not what it says. */
const KEY_ATTRIBUTE = /^(pk|sk|gsi\d+(pk|sk))$/;

/** The item without its table and index keys, as the use cases see it. */
export const withoutKeys = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTE.test(k))) as T;

/** A conditional write whose condition failing is an answer, not an error: `undefined` then; anything else throws. */
export const unlessConditionFails = async <T>(write: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

/** Every item a Query finds, its pages followed to the end (a partition read whole: a record, a month's work). */
export const queryAll = async (input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** How many items a Query finds, its pages followed to the end (`Select: COUNT`: nothing but the number comes back). */
export const countAll = async (input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Select'>): Promise<number> => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
};

/**
 * How many items each of several index partitions holds (e.g. one per status): one counting Query each, in
 * parallel, following pages. Exact, and nothing to drift, unlike a counter.
 */
export const countPerPartition = async <K extends string>(
  table: string,
  index: string,
  partitions: Readonly<Record<K, string>>,
): Promise<Record<K, number>> => {
  const counts = await Promise.all(
    (Object.entries(partitions) as [K, string][]).map(
      async ([name, value]) =>
        [name, await countAll({ TableName: table, IndexName: index, KeyConditionExpression: `${index}pk = :p`, ExpressionAttributeValues: { ':p': value } })] as const,
    ),
  );
  return Object.fromEntries(counts) as Record<K, number>;
};
