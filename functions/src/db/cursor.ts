import { badRequest } from '../http/problem';

type Key = Record<string, string>;

/** Encodes a DynamoDB LastEvaluatedKey as an opaque, URL-safe cursor. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;

/**
 * Decodes a cursor and checks it before it reaches DynamoDB: exactly the key attributes of this query, all
 * strings, and the partition the query reads. A cursor from another list or another community is refused.
 */
export const decodeCursor = (
  cursor: string | undefined,
  expect: { attributes: readonly string[]; partition: { name: string; value: string } },
): Key | undefined => {
  if (!cursor) return undefined;
  const invalid = () => badRequest('分页标记无效，请从第一页重新加载', [{ location: 'query', path: 'cursor', message: '分页标记无效' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const key = parsed as Record<string, unknown>;
  const names = Object.keys(key).sort();
  if (names.join() !== [...expect.attributes].sort().join()) throw invalid();
  if (!names.every((n) => typeof key[n] === 'string' && (key[n] as string).length <= 512)) throw invalid();
  if (key[expect.partition.name] !== expect.partition.value) throw invalid();
  return key as Key;
};
