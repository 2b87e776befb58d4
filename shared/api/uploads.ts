import * as z from 'zod';

/**
 * Uploads (photos now; evidence and attachments next) go straight from the device to the object store with a
 * short-lived ticket, land under `incoming/`, and are linked only after the server has checked them. A client
 * sends back the ticket's `key`; it never names a stored object, and it sees stored objects only as signed URLs.
 */

/**
 * The types the server recognises by their first bytes (phones send HEIC/HEIF as they shoot; PDF where a purpose
 * takes documents, such as a branch's evidence).
 */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/**
 * What one ticket is for: a photo (every purpose), or a PDF document (only where the purpose takes them). Each
 * kind has its own ticket, since a POST policy cannot allow "an image or a PDF": its conditions all must hold.
 */
export const UPLOAD_KINDS = ['photo', 'pdf'] as const;
export const UploadKind = z.enum(UPLOAD_KINDS, { error: '请选择上传照片或 PDF 文件' });
export type UploadKind = z.infer<typeof UploadKind>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Community ids as identity allows them (`CommunityId`). */
const COMMUNITY = '[a-z0-9-]{2,40}';

/** Where a ticket's upload lands, unchecked: `incoming/<community>/<user>/<uuid>`. Forgotten after a day. */
export const IncomingKey = z
  .string()
  .regex(new RegExp(`^incoming/${COMMUNITY}/[A-Za-z0-9_-]{1,64}/${UUID}$`), '照片无效或已过期，请重新上传');
export type IncomingKey = z.infer<typeof IncomingKey>;

/** Where a checked upload is kept: `stored/<community>/<purpose>/<uuid>`. Only the server handles these. */
export const StoredKey = z.string().regex(new RegExp(`^stored/${COMMUNITY}/[a-z0-9-]{1,40}/${UUID}$`));
export type StoredKey = z.infer<typeof StoredKey>;

/**
 * Permission to upload one file: POST a multipart form to `url` with every entry of `fields` and then the file
 * as `file` (what `wx.uploadFile` does with `formData` and `name: 'file'`), before `expiresAt`. Then send `key`
 * with the form it belongs to. `fields['Content-Type']` may be replaced by the file's own type among `allowedTypes`.
 */
export const UploadTicket = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  key: IncomingKey,
  maxBytes: z.number().int().positive(),
  allowedTypes: z.array(z.enum(UPLOAD_CONTENT_TYPES)),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;
