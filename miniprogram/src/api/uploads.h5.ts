import type { UploadTicket } from '../../../shared/api/uploads';
import { networkError } from './errors';
import { SHRINK_STEPS, fitWithin } from './imageSize';
import { localFile } from './localFiles';
import { refused, uploadError } from './uploadErrors';

/*
 * Browser build of `uploads.ts`. Taro's H5 uploadFile first fetches the `blob:` URL it is given, which the app's
 * CSP (`connect-src 'self'`) forbids; this posts the multipart form with fetch + FormData, the file read from
 * `localFiles`, in the same order WeChat's uploadFile does (the ticket's fields, then the file as `file`).
 */

const UPLOAD_TIMEOUT_MS = 60000;

const toJpeg = (canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

/**
 * A photo larger than the ticket allows, or of a type it does not take (a GIF, a BMP), is redrawn as a smaller
 * JPEG (phone cameras easily make 6–10 MB): the person does not have to know what a megabyte is.
 */
const fitForUpload = async (file: Blob, ticket: UploadTicket): Promise<Blob> => {
  const allowed = (ticket.allowedTypes as readonly string[]).includes(file.type);
  // a document's ticket (a PDF): nothing to redraw, it goes as it is or not at all
  if (!ticket.allowedTypes.some((t) => t.startsWith('image/'))) {
    if (file.size > ticket.maxBytes) throw refused(0, 'upload-too-large', `文件不能超过 ${Math.floor(ticket.maxBytes / (1024 * 1024))} MB，请换一个文件`);
    return file;
  }
  if (file.size <= ticket.maxBytes && (allowed || !file.type)) return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw refused(0, 'upload-unsupported', '这张照片的格式无法上传，请换一张照片');
  }
  try {
    for (const step of SHRINK_STEPS) {
      const size = fitWithin(bitmap.width, bitmap.height, step.maxSide);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
      const blob = await toJpeg(canvas, step.quality);
      if (blob && blob.size <= ticket.maxBytes) return blob;
    }
  } finally {
    bitmap.close();
  }
  throw refused(0, 'upload-too-large', `照片不能超过 ${Math.floor(ticket.maxBytes / (1024 * 1024))} MB，请换一张照片`);
};

/**
 * Uploads one photo (or, with a document's ticket, one PDF) the person picked (`filePath` is the object URL from `rememberLocalFile`) with a ticket from
 * the API. Resolves with the key to send with the form; fails with an ApiError (status 0: network or the file).
 */
export const uploadPhoto = async (ticket: UploadTicket, filePath: string): Promise<string> => {
  const picked = localFile(filePath);
  if (!picked) throw refused(0, 'upload-missing', '照片已失效，请重新选择');
  const file = await fitForUpload(picked, ticket);
  const form = new FormData();
  const type = (ticket.allowedTypes as readonly string[]).includes(file.type) ? file.type : undefined;
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, name === 'Content-Type' && type ? type : value);
  if (type && !('Content-Type' in ticket.fields)) form.append('Content-Type', type);
  form.append('file', file, 'photo');

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), UPLOAD_TIMEOUT_MS);
  let res: Response;
  let text = '';
  try {
    res = await fetch(ticket.url, { method: 'POST', body: form, signal: abort.signal, credentials: 'omit' });
    text = await res.text().catch(() => '');
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return ticket.key;
  throw uploadError(res.status, text, ticket);
};
