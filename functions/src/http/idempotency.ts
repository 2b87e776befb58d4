import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Principal } from './auth';
import { HttpProblem } from './problem';

/**
 * Idempotency lives in the created item itself (DESIGN.md): with an `Idempotency-Key`, the new item's id is
 * derived from (route, caller, key), so the conditional put of the item *is* the guard. A retry finds the item
 * the first call wrote; no separate record exists that could diverge from it after a crash.
 */

/** A UUID (version 8, RFC 9562) made from a hash: the same inputs always give the same id. */
const uuidFromHash = (text: string): string => {
  const b = createHash('sha256').update(text).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** The id of a new item: derived from the key when the caller sent one (scoped to route and caller), else random. */
export const newItemId = (route: string, caller: Pick<Principal, 'communityId' | 'userId'>, key: string | undefined): string =>
  key ? uuidFromHash(`${route}\n${caller.communityId}\n${caller.userId}\n${key}`) : randomUUID();

/** A fingerprint of what was asked, so a key reused for other content is told apart from a retry. */
export const requestFingerprint = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value) ?? '').digest('base64url');

export const keyReused = () => new HttpProblem(422, 'idempotency-key-reused', '请求重复', '此 Idempotency-Key 已用于另一份内容');

/**
 * Creates an item once. `put` must be a conditional put (`attribute_not_exists`) that throws
 * ConditionalCheckFailedException when the item exists; then the stored item is read back and returned if it
 * was made from the same request, and 422 if the key was used for something else.
 */
export const createOnce = async <T extends { requestFingerprint?: string }>(opts: {
  item: T;
  put: (item: T) => Promise<void>;
  read: () => Promise<T | undefined>;
}): Promise<T> => {
  try {
    await opts.put(opts.item);
    return opts.item;
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const existing = await opts.read();
    if (!existing) throw err;
    if (existing.requestFingerprint !== opts.item.requestFingerprint) throw keyReused();
    return existing;
  }
};
