/**
 * The browser build's upload (miniprogram/src/api/uploads.h5.ts): the photo picked in the page (kept by its
 * object URL in localFiles.ts) posted as a multipart form with fetch — the ticket's fields in order, its own
 * type, then the file as `file` — since the app's CSP does not let Taro's H5 uploadFile fetch `blob:` URLs.
 */
import type { UploadTicket } from '../../../shared/api/uploads';
import { ApiError } from '../../../miniprogram/src/api/errors';
import { forgetLocalFile, localFile, rememberLocalFile } from '../../../miniprogram/src/api/localFiles';
import { uploadPhoto } from '../../../miniprogram/src/api/uploads.h5';

const ticket: UploadTicket = {
  url: 'http://localhost:3000/s3/gongzhi-uploads',
  fields: { key: 'incoming/c/u/k', 'Content-Type': 'image/jpeg', Policy: 'p', 'X-Amz-Signature': 's' },
  key: 'incoming/baogong-qingnian/u1/7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
  maxBytes: 5 * 1024 * 1024,
  allowedTypes: ['image/jpeg', 'image/png'],
  expiresAt: '2026-11-27T20:00:00.000Z',
};

const sent: Array<{ url: string; form: FormData }> = [];
let answer: () => Promise<Response>;
const realFetch = global.fetch;

beforeEach(() => {
  sent.length = 0;
  answer = async () => new Response(null, { status: 204 });
  global.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, form: init.body as FormData });
    return answer();
  }) as typeof fetch;
});
afterAll(() => {
  global.fetch = realFetch;
});

const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], { type: 'image/png' });

it('posts the ticket’s fields in order, the photo’s own type, and the file last as `file`', async () => {
  const url = rememberLocalFile(png());
  await expect(uploadPhoto(ticket, url)).resolves.toBe(ticket.key);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.url).toBe(ticket.url);
  const names: string[] = [];
  sent[0]!.form.forEach((_, name) => names.push(name));
  expect(names).toEqual(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'file']);
  expect(sent[0]!.form.get('Content-Type')).toBe('image/png');
  expect((sent[0]!.form.get('file') as Blob).size).toBe(11);
});

it('forgets a photo once told, and refuses one it does not have', async () => {
  const url = rememberLocalFile(png());
  expect(localFile(url)).toBeDefined();
  forgetLocalFile(url);
  expect(localFile(url)).toBeUndefined();
  await expect(uploadPhoto(ticket, url)).rejects.toMatchObject({ kind: 'upload-missing' });
  expect(sent).toHaveLength(0);
});

it('turns what the store answered into an ApiError a page can show', async () => {
  answer = async () => new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
  const err = await uploadPhoto(ticket, rememberLocalFile(png())).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: 403, kind: 'upload-expired' });
});

it('reports a failed network as status 0', async () => {
  answer = async () => {
    throw new TypeError('fetch failed');
  };
  await expect(uploadPhoto(ticket, rememberLocalFile(png()))).rejects.toMatchObject({ status: 0, kind: 'network' });
});

describe('a PDF with a document’s ticket', () => {
  const pdfTicket: UploadTicket = { ...ticket, fields: { ...ticket.fields, 'Content-Type': 'application/pdf' }, maxBytes: 20, allowedTypes: ['application/pdf'] };
  const pdf = (size: number) => new Blob([new Uint8Array(size).fill(0x25)], { type: 'application/pdf' });

  it('goes as it is, declared application/pdf', async () => {
    const url = rememberLocalFile(pdf(20));
    await expect(uploadPhoto(pdfTicket, url)).resolves.toBe(pdfTicket.key);
    expect(sent[0]!.form.get('Content-Type')).toBe('application/pdf');
    expect((sent[0]!.form.get('file') as Blob).size).toBe(20);
  });

  it('is refused before sending when larger than the ticket allows (there is nothing to shrink)', async () => {
    const url = rememberLocalFile(pdf(21));
    await expect(uploadPhoto(pdfTicket, url)).rejects.toMatchObject({ kind: 'upload-too-large' });
    expect(sent).toHaveLength(0);
  });
});
