import type { UploadTicket } from '../../../shared/api/uploads';
import { ApiError } from './errors';

const TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
};

/** The file's type by its name, when the name says (WeChat's temp paths keep the extension; H5 blob URLs do not). */
export const declaredType = (filePath: string): string | undefined => {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1]?.toLowerCase();
  return ext ? TYPE_BY_EXTENSION[ext] : undefined;
};

export const refused = (status: number, slug: string, detail: string): ApiError =>
  new ApiError({ type: `urn:gongzhi:problem:${slug}`, title: '照片上传失败', status, detail });

/** What S3 (or the local stand-in) answered, as an ApiError a page can show: its XML `<Code>` says why. */
export const uploadError = (status: number, data: unknown, ticket: UploadTicket): ApiError => {
  const code = typeof data === 'string' ? /<Code>([^<]+)<\/Code>/.exec(data)?.[1] : undefined;
  if (code === 'EntityTooLarge') return refused(status, 'upload-too-large', `照片不能超过 ${Math.floor(ticket.maxBytes / (1024 * 1024))} MB`);
  if (code === 'EntityTooSmall') return refused(status, 'upload-empty', '照片是空的，请重新选择');
  // An expired ticket is refused as AccessDenied ("Policy expired"), as is a broken form.
  if (status === 403) return refused(status, 'upload-expired', '上传已过期，请重新选择照片');
  return refused(status, 'upload-failed', status >= 500 ? '照片上传失败，请稍后再试' : '照片上传失败，请重新选择照片');
};
