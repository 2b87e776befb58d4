import { IncomingKey } from '../../../shared/api/uploads';
import type { UploadPurpose } from './purposes';

/**
 * Object keys. An upload lands at `incoming/<community>/<user>/<uuid>` (the lifecycle rule forgets it after a
 * day); once checked it moves to `stored/<community>/<purpose>/<uuid>`, keeping its uuid, so a retried request
 * can find what its first attempt moved.
 */
export const INCOMING_PREFIX = 'incoming/';
export const STORED_PREFIX = 'stored/';

export interface IncomingParts {
  communityId: string;
  userId: string;
  id: string;
}

export const incomingKey = (p: IncomingParts): string => `${INCOMING_PREFIX}${p.communityId}/${p.userId}/${p.id}`;

/** The parts of an incoming key, or undefined when it is not one. */
export const parseIncomingKey = (key: string): IncomingParts | undefined => {
  if (!IncomingKey.safeParse(key).success) return undefined;
  const [, communityId, userId, id] = key.split('/') as [string, string, string, string];
  return { communityId, userId, id };
};

/** True only for an incoming key of the caller's own: their community, their user id. */
export const isOwnIncomingKey = (key: string, caller: { communityId: string; userId: string }): boolean => {
  const parts = parseIncomingKey(key);
  return parts !== undefined && parts.communityId === caller.communityId && parts.userId === caller.userId;
};

export const storedKeyFor = (incoming: IncomingParts, purpose: UploadPurpose): string =>
  `${STORED_PREFIX}${incoming.communityId}/${purpose}/${incoming.id}`;

/** An S3 action the uploads code calls, with the objects it calls it on (IAM wildcard syntax). */
export interface UploadGrant {
  actions: readonly string[];
  keyPattern: string;
}

/**
 * Exactly what a context that uses these purposes calls, on exactly the keys it touches; CDK grants this and
 * nothing more. Incoming: PutObject (a presigned POST acts with the signer's rights), GetObject (HeadObject, the
 * first bytes, the copy's source), DeleteObject (after the copy). Stored: PutObject (the copy) and GetObject
 * (signed URLs, and finding what a retried request moved already).
 */
export const uploadGrants = (purposes: readonly UploadPurpose[]): UploadGrant[] =>
  purposes.length === 0
    ? []
    : [
        { actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], keyPattern: `${INCOMING_PREFIX}*` },
        ...purposes.map((p) => ({ actions: ['s3:PutObject', 's3:GetObject'], keyPattern: `${STORED_PREFIX}*/${p}/*` })),
      ];
