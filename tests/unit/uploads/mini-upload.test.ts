/**
 * The mini-program's upload helper (miniprogram/src/api/uploads.ts): one photo with a ticket through
 * `Taro.uploadFile`, failures as the client's ApiError. `@tarojs/taro` is replaced by a fake.
 */
let answer: () => Promise<{ statusCode: number; data: unknown }>;
const uploads: Array<{ url: string; filePath: string; name: string; formData: Record<string, string> }> = [];

jest.mock('@tarojs/taro', () => {
  const taro = {
    uploadFile: jest.fn(async (o: { url: string; filePath: string; name: string; formData: Record<string, string> }) => {
      uploads.push(o);
      return answer();
    }),
  };
  return { __esModule: true, default: taro, ...taro };
});

import type { UploadTicket } from '../../../shared/api/uploads';
import { ApiError } from '../../../miniprogram/src/api/errors';
import { uploadPhoto } from '../../../miniprogram/src/api/uploads';

const ticket: UploadTicket = {
  url: 'https://bucket.s3.cn-north-1.amazonaws.com.cn/',
  fields: { key: 'incoming/c/u/k', Policy: 'p', 'X-Amz-Signature': 's', 'Content-Type': 'image/jpeg' },
  key: 'incoming/baogong-qingnian/u1/7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
  maxBytes: 5 * 1024 * 1024,
  allowedTypes: ['image/jpeg', 'image/png'],
  expiresAt: '2026-11-27T20:00:00.000Z',
};
const s3Error = (code: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>…</Message></Error>`;

beforeEach(() => {
  uploads.length = 0;
  answer = async () => ({ statusCode: 204, data: '' });
});

it('posts the ticket’s fields and the file as `file`, and resolves with the key to send', async () => {
  await expect(uploadPhoto(ticket, 'wxfile://tmp_abc.jpg')).resolves.toBe(ticket.key);
  expect(uploads).toEqual([
    expect.objectContaining({ url: ticket.url, filePath: 'wxfile://tmp_abc.jpg', name: 'file', formData: ticket.fields }),
  ]);
});

it('declares the photo’s own type when its name tells it, and keeps the ticket’s otherwise', async () => {
  await uploadPhoto(ticket, 'http://tmp/photo.PNG');
  await uploadPhoto(ticket, 'http://tmp/IMG_0001.heic');
  await uploadPhoto(ticket, 'blob:http://localhost:3000/1f2e');
  expect(uploads.map((u) => u.formData['Content-Type'])).toEqual(['image/png', 'image/heic', 'image/jpeg']);
  expect(uploads.every((u) => u.formData.Policy === 'p')).toBe(true);
});

it.each<[string, number, unknown, string, RegExp]>([
  ['too large', 400, s3Error('EntityTooLarge'), 'upload-too-large', /5 MB/],
  ['empty', 400, s3Error('EntityTooSmall'), 'upload-empty', /空/],
  ['an expired ticket', 403, s3Error('AccessDenied'), 'upload-expired', /过期/],
  ['a store failure', 503, s3Error('SlowDown'), 'upload-failed', /稍后/],
  ['an answer that is not XML', 400, { weird: true }, 'upload-failed', /重新选择/],
])('turns %s into an ApiError a page can show', async (_, statusCode, data, kind, message) => {
  answer = async () => ({ statusCode, data });
  const err = await uploadPhoto(ticket, 'wxfile://tmp_abc.jpg').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: statusCode, kind });
  expect((err as ApiError).message).toMatch(message);
});

it('reports a network failure as status 0', async () => {
  answer = async () => {
    throw new Error('uploadFile:fail timeout');
  };
  await expect(uploadPhoto(ticket, 'wxfile://tmp_abc.jpg')).rejects.toMatchObject({ status: 0, kind: 'network' });
});
