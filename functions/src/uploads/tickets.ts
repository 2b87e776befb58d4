import { randomUUID } from 'node:crypto';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { IncomingKey, type UploadKind, type UploadTicket } from '../../../shared/api/uploads';
import { publicS3, uploadsBucket } from './client';
import { incomingKey } from './keys';
import { kindRulesFor, type UploadPurpose } from './purposes';

/** How long a ticket can be used: long enough for a slow phone network, short enough not to be kept around. */
export const UPLOAD_TICKET_SECONDS = 10 * 60;

/**
 * A presigned POST for one new object under the caller's own `incoming/` folder (what `wx.uploadFile` sends:
 * a URL, form fields and the file as `file`). Its policy fixes the key, and allows 1 byte up to the limit of the
 * kind of file asked for (a photo unless `kind` says `pdf`, which only some purposes take: the caller checks) and a
 * declared `Content-Type` of that kind. S3 enforces the policy; the local stand-in does not, which is why
 * `verifyUpload` checks every object again before it is linked.
 */
export const createUploadTicket = async (opts: {
  communityId: string;
  userId: string;
  purpose: UploadPurpose;
  kind?: UploadKind;
  now: Date;
}): Promise<UploadTicket> => {
  const rules = kindRulesFor(opts.purpose, opts.kind ?? 'photo');
  if (!rules) throw new Error(`uploads for ${opts.purpose} take no ${opts.kind}`);
  const key = IncomingKey.parse(incomingKey({ communityId: opts.communityId, userId: opts.userId, id: randomUUID() }));
  const { url, fields } = await createPresignedPost(publicS3(), {
    Bucket: uploadsBucket(),
    Key: key,
    Expires: UPLOAD_TICKET_SECONDS,
    Conditions: [
      ['content-length-range', 1, rules.maxBytes],
      ['starts-with', '$Content-Type', rules.declaredTypePrefix],
    ],
  });
  return {
    url,
    // The policy needs a Content-Type field: one of the right kind by default, which a client may replace with
    // the file's own (what the file really is gets decided by its bytes either way).
    fields: { ...fields, 'Content-Type': rules.types[0]! },
    key,
    maxBytes: rules.maxBytes,
    allowedTypes: [...rules.types],
    expiresAt: new Date(opts.now.getTime() + UPLOAD_TICKET_SECONDS * 1000).toISOString(),
  };
};
