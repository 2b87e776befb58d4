import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { UploadContentType } from '../../../shared/api/uploads';
import { logger } from '../http/logger';
import { badRequest, type FieldError } from '../http/problem';
import { s3, uploadsBucket } from './client';
import { parseIncomingKey, storedKeyFor } from './keys';
import { largestAllowed, rulesFor, rulesForType, type PurposeRules, type UploadPurpose } from './purposes';
import { SNIFF_BYTES, sniffContentType } from './sniff';

/** A checked upload, moved out of `incoming/`: what the record that links it keeps. */
export interface StoredUpload {
  key: string;
  contentType: UploadContentType;
  size: number;
}

export interface UploadCaller {
  communityId: string;
  userId: string;
}

export interface VerifyOptions {
  /** The body field the keys came in (`photos`): a refusal names `photos.<i>`. */
  field: string;
  /**
   * What the uploads are being linked to (the new record's id, derived from the `Idempotency-Key` when there is
   * one). It is written on each stored object, so a retry of the same request, whose incoming objects the first
   * attempt already moved, takes them from `stored/` instead of being refused.
   */
  claim: string;
}

type Refusal = keyof PurposeRules['messages'];
type Checked = StoredUpload & { incoming?: string };

/**
 * S3 answers a missing key with 404, or with 403 when the caller may not list the bucket (the functions may
 * not: they only ever name keys). Either way there is no object the caller can use.
 */
const isMissing = (err: unknown): boolean =>
  err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.$metadata.httpStatusCode === 403);

const orMissing = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await call;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
};

/** The object the same request moved already, if it did. */
const alreadyStored = async (storedKey: string, claim: string, rules: PurposeRules): Promise<Checked | undefined> => {
  const head = await orMissing(s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: storedKey })));
  const contentType = head?.ContentType as UploadContentType | undefined;
  if (!head || head.Metadata?.claim !== claim || !contentType || !rulesForType(rules, contentType)) return undefined;
  return { key: storedKey, contentType, size: head.ContentLength ?? 0 };
};

/** Checks one key without changing anything: whose it is, that it exists, its size, and its type by its bytes. */
const check = async (key: string, caller: UploadCaller, purpose: UploadPurpose, claim: string): Promise<Checked | Refusal> => {
  const rules = rulesFor(purpose);
  const parts = parseIncomingKey(key);
  if (!parts || parts.communityId !== caller.communityId || parts.userId !== caller.userId) return 'invalid';
  const stored = storedKeyFor(parts, purpose);
  const bucket = uploadsBucket();
  const head = await orMissing(s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
  if (!head) return (await alreadyStored(stored, claim, rules)) ?? 'invalid';
  const size = head.ContentLength ?? 0;
  if (size < 1) return 'invalid';
  if (size > largestAllowed(rules)) return 'size';
  const first = await orMissing(s3().send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` })));
  // Gone between the two calls: a simultaneous twin of this request moved it.
  if (!first?.Body) return (await alreadyStored(stored, claim, rules)) ?? 'invalid';
  const contentType = sniffContentType(await first.Body.transformToByteArray());
  const kind = contentType ? rulesForType(rules, contentType) : undefined;
  if (!contentType || !kind) return 'type';
  // each kind has its own limit (a PDF may be larger than a photo), known once the bytes have said which it is
  if (size > kind.maxBytes) return 'size';
  return { key: stored, contentType, size, incoming: key };
};

/** Copies a checked upload to its stored key, with its real type and the claim, then removes the incoming one. */
const move = async (c: Checked, purpose: UploadPurpose, claim: string): Promise<StoredUpload> => {
  const { incoming, ...stored } = c;
  if (!incoming) return stored;
  const bucket = uploadsBucket();
  const copied = await orMissing(
    s3().send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: stored.key,
        CopySource: `${bucket}/${incoming}`,
        MetadataDirective: 'REPLACE',
        ContentType: stored.contentType,
        Metadata: { claim },
      }),
    ),
  );
  if (!copied) {
    const twin = await alreadyStored(stored.key, claim, rulesFor(purpose));
    if (twin) return twin;
    throw new Error('an upload vanished between its check and its move');
  }
  try {
    await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: incoming }));
  } catch (err) {
    // The copy is what counts; an incoming object left behind is removed by the lifecycle rule within a day.
    logger.warn('incoming upload not deleted after its copy', { error: err instanceof Error ? err.name : String(err) });
  }
  return stored;
};

const verifyAll = async (
  keys: readonly string[],
  caller: UploadCaller,
  purpose: UploadPurpose,
  claim: string,
  pathOf: (index: number) => string,
): Promise<StoredUpload[]> => {
  const rules = rulesFor(purpose);
  const results = await Promise.all(
    keys.map((key, i) => (keys.indexOf(key) !== i ? ('duplicate' as const) : check(key, caller, purpose, claim))),
  );
  const errors: FieldError[] = results.flatMap((r, i) =>
    typeof r === 'string' ? [{ location: 'body', path: pathOf(i), message: rules.messages[r] }] : [],
  );
  if (errors.length) {
    const first = errors[0]!;
    throw badRequest(errors.length === 1 ? first.message : `${first.message}（共 ${errors.length} 处需要修改）`, errors);
  }
  return Promise.all((results as Checked[]).map((c) => move(c, purpose, claim)));
};

/**
 * Checks the uploads a request names, then links them. Every key must be the caller's own incoming upload,
 * exist, be of an allowed type **by its first bytes** and within that type's size for the purpose (the local stand-in
 * enforces no upload policy, and a policy cannot see bytes anyway). Any refusal answers 400 with a field error
 * per bad key (`<field>.<i>`), and then nothing has moved. Only when all pass are they moved to `stored/`; the
 * stored keys come back in order, with the type found and the size.
 */
export const verifyUploads = (
  keys: readonly string[],
  caller: UploadCaller,
  purpose: UploadPurpose,
  opts: VerifyOptions,
): Promise<StoredUpload[]> => verifyAll(keys, caller, purpose, opts.claim, (i) => `${opts.field}.${i}`);

/** One upload, checked and linked as `verifyUploads` does; a refusal names `opts.field` itself. */
export const verifyUpload = async (
  key: string,
  caller: UploadCaller,
  purpose: UploadPurpose,
  opts: VerifyOptions,
): Promise<StoredUpload> => (await verifyAll([key], caller, purpose, opts.claim, () => opts.field))[0]!;
