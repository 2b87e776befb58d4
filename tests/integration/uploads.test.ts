/**
 * Uploads, end to end through the real local gateway and the real S3 stand-in (s3rver): a ticket from the API, a
 * multipart POST to the ticket's URL through the app's own port (as the browser sends it), the report that links
 * the photo, and signed URLs that show it to its reporter and staff only. The stand-in enforces no upload policy,
 * so every refusal below is the server's own check; a refused report writes nothing and moves nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { api } from '../../shared/api';
import type { UploadTicket } from '../../shared/api/uploads';
import { newItemId } from '../../functions/src/http/idempotency';
import { s3, uploadsBucket } from '../../functions/src/uploads/client';
import { verifyUploads } from '../../functions/src/uploads';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback } = api;
const MiB = 1024 * 1024;
const INVALID = '照片无效或已过期，请重新上传';
const WRONG_TYPE = '只能上传 JPG、PNG、WebP 或 HEIC 图片';
const TOO_LARGE = '照片不能超过 5 MB';

let h: Harness;
let resident: string;
let neighbour: string;
let committee: string;

beforeAll(async () => {
  h = await Harness.start();
  [resident, neighbour, committee] = await Promise.all([h.resident('王建国'), h.resident('李秀英'), h.staff()]);
});
afterAll(() => h.close());

/** Files that are what they say by their first bytes, padded to `size` with random bytes. */
const file = (head: number[] | string, size: number): Buffer => {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
  return Buffer.concat([start, randomBytes(Math.max(0, size - start.length))]).subarray(0, size);
};
const jpeg = (size = 20_000) => file([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10], size);
const png = (size = 20_000) => file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
const heic = (size = 20_000) => file([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1')], size);

const ticketFor = async (token = resident): Promise<UploadTicket> => {
  const r = await h.call(feedback.createFeedbackPhotoUpload, { token });
  expect(r.status).toBe(201);
  return r.body;
};

/** What the browser sends: the ticket's fields, then the file as `file`, to the ticket's URL. */
const post = async (ticket: UploadTicket, bytes: Buffer, declared?: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, k === 'Content-Type' && declared ? declared : v);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'photo');
  // The harness calls 127.0.0.1 (the server listens there); the URL names localhost, as the app's origin.
  return fetch(ticket.url.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', body: form });
};

/** A ticket and an upload with it: the key to submit. */
const uploaded = async (bytes: Buffer, token = resident, declared?: string): Promise<string> => {
  const ticket = await ticketFor(token);
  const r = await post(ticket, bytes, declared);
  expect(r.status).toBe(204);
  return ticket.key;
};

const exists = async (key: string): Promise<boolean> => {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: key }));
    return true;
  } catch {
    return false;
  }
};
const storedKeyOf = (incoming: string) => {
  const [, community, , id] = incoming.split('/');
  return `stored/${community}/feedback-photo/${id}`;
};
const fetchBytes = async (url: string) => {
  const r = await fetch(url.replace('//localhost:', '//127.0.0.1:'));
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
};
const submit = (photos: string[], token = resident, headers: Record<string, string> = {}, overrides = {}) =>
  h.call(feedback.submitFeedback, { token, body: aFeedback({ ...overrides, photos } as never), headers });
const userIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;

describe('an upload ticket', () => {
  it('is a presigned POST into the caller’s own incoming folder, through the app’s port, for 10 minutes', async () => {
    const before = Date.now();
    const t = await ticketFor();
    expect(t.url).toBe(`${h.app.url}/s3/gongzhi-uploads`);
    expect(t.key).toMatch(new RegExp(`^incoming/baogong-qingnian/${userIdOf(resident)}/[0-9a-f-]{36}$`));
    expect(t.fields).toMatchObject({ key: t.key, Policy: expect.any(String), 'X-Amz-Signature': expect.any(String) });
    expect(t).toMatchObject({ maxBytes: 5 * MiB, allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] });
    expect(Date.parse(t.expiresAt) - before).toBeGreaterThan(9 * 60_000);
    expect(Date.parse(t.expiresAt) - before).toBeLessThanOrEqual(10 * 60_000 + 1000);
    // The policy S3 enforces: this key only, 1 B to 5 MiB, an image Content-Type, 10 minutes.
    const policy = JSON.parse(Buffer.from(t.fields.Policy!, 'base64').toString());
    expect(policy.conditions).toEqual(
      expect.arrayContaining([{ key: t.key }, ['content-length-range', 1, 5 * MiB], ['starts-with', '$Content-Type', 'image/']]),
    );
    expect(Date.parse(policy.expiration) - before).toBeLessThanOrEqual(10 * 60_000 + 1000);
  });

  it('is new each time, and is refused to staff (they report nothing) and to callers without a token', async () => {
    const [a, b] = await Promise.all([ticketFor(), ticketFor()]);
    expect(a.key).not.toBe(b.key);
    expect(isProblem(await h.call(feedback.createFeedbackPhotoUpload, { token: committee }), 403)).toBe(true);
    expect(isProblem(await h.call(feedback.createFeedbackPhotoUpload, {}), 401)).toBe(true);
  });
});

describe('a report with photos', () => {
  it('links the uploaded photo, and its reporter and staff see it through a signed URL with the same bytes', async () => {
    const bytes = jpeg();
    const key = await uploaded(bytes);
    const r = await submit([key]);
    expect(r.status).toBe(201);
    expect(r.body.photos).toEqual([{ url: expect.stringContaining('/s3/gongzhi-uploads/stored/'), contentType: 'image/jpeg' }]);
    expect(r.body).not.toHaveProperty('photoKeys');

    // Moved out of incoming/ (which the lifecycle rule empties), kept under stored/.
    expect(await exists(key)).toBe(false);
    expect(await exists(storedKeyOf(key))).toBe(true);

    for (const token of [resident, committee]) {
      const seen = await h.call(feedback.getFeedback, { token, params: { id: r.body.id } });
      expect(seen.status).toBe(200);
      expect(seen.body.photos).toHaveLength(1);
      const url = new URL(seen.body.photos[0].url);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
      // The reporter's user id is not in the URL (the stored key drops it).
      expect(url.pathname).not.toContain(userIdOf(resident));
      const got = await fetchBytes(seen.body.photos[0].url);
      expect(got.status).toBe(200);
      expect(got.type).toBe('image/jpeg');
      expect(got.bytes.equals(bytes)).toBe(true);
    }

    // Lists carry no photos.
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 50 } });
    expect(mine.body.items.find((i: { id: string }) => i.id === r.body.id)).not.toHaveProperty('photos');
  });

  it('takes the type from the bytes, not from what was declared', async () => {
    const asJpeg = await uploaded(png(), resident, 'image/jpeg');
    const phone = await uploaded(heic(), resident, 'image/heic');
    const r = await submit([asJpeg, phone]);
    expect(r.status).toBe(201);
    expect(r.body.photos.map((p: { contentType: string }) => p.contentType)).toEqual(['image/png', 'image/heic']);
    expect((await fetchBytes(r.body.photos[0].url)).type).toBe('image/png');
  });

  it('accepts exactly 3 photos, and a photo of exactly 5 MiB', async () => {
    const keys = await Promise.all([jpeg(5 * MiB), jpeg(), png()].map((b) => uploaded(b)));
    const r = await submit(keys);
    expect(r.status).toBe(201);
    expect(r.body.photos).toHaveLength(3);
    const big = await fetchBytes(r.body.photos[0].url);
    expect(big.bytes.length).toBe(5 * MiB);
  });

  it('is stored once when retried with the same Idempotency-Key and the same photos: the first item, photos and all', async () => {
    const keys = await Promise.all([uploaded(jpeg()), uploaded(png())]);
    const headers = { 'idempotency-key': `photo-retry-${randomUUID()}` };
    const body = { title: `带照片重试 ${randomUUID().slice(0, 8)}` };
    const first = await submit(keys, resident, headers, body);
    expect(first.status).toBe(201);
    const again = await submit(keys, resident, headers, body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.photos.map((p: { contentType: string }) => p.contentType)).toEqual(['image/jpeg', 'image/png']);
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 50 } });
    expect(mine.body.items.filter((i: { title: string }) => i.title === body.title)).toHaveLength(1);

    // The same key with other photos is another request: 422, and nothing written or moved.
    const other = await uploaded(jpeg());
    const before = await h.snapshot();
    const reused = await submit([other], resident, headers, body);
    expect(isProblem(reused, 422)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    expect(await exists(other)).toBe(true);
  });

  it('is stored, with its photos, when retried after a crash between moving the photos and writing the item', async () => {
    const keys = await Promise.all([uploaded(jpeg()), uploaded(png())]);
    const idempotencyKey = `photo-crash-${randomUUID()}`;
    // What the first attempt did before it died: its photos checked and moved, under the id its key makes.
    const caller = { communityId: 'baogong-qingnian', userId: userIdOf(resident) };
    const id = newItemId('submitFeedback', caller, idempotencyKey);
    await verifyUploads(keys, caller, 'feedback-photo', { field: 'photos', claim: id });
    expect(await exists(keys[0]!)).toBe(false);

    const retry = await submit(keys, resident, { 'idempotency-key': idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(id);
    expect(retry.body.photos.map((p: { contentType: string }) => p.contentType)).toEqual(['image/jpeg', 'image/png']);

    // Without the key it is a new request: the photos are taken already.
    const fresh = await submit(keys);
    expect(isProblem(fresh, 400)).toBe(true);
    expect(fresh.body.errors.map((e: { path: string }) => e.path)).toEqual(['photos.0', 'photos.1']);
  });

  it('is not shown to a neighbour: the item answers 404, photos and all', async () => {
    const r = await submit([await uploaded(jpeg())]);
    expect(r.status).toBe(201);
    const seen = await h.call(feedback.getFeedback, { token: neighbour, params: { id: r.body.id } });
    expect(isProblem(seen, 404)).toBe(true);
    expect(JSON.stringify(seen.body)).not.toContain('/s3/');
  });
});

describe('a report with photos the server refuses (400, nothing written, nothing moved)', () => {
  /** Submits, expects 400 naming each bad photo, and proves that nothing was written and nothing moved. */
  const refused = async (photos: string[], errors: Array<[string, string]>, stillIncoming: string[] = photos) => {
    const before = await h.snapshot();
    const r = await submit(photos);
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors.map((e: { location: string; path: string; message: string }) => [e.path, e.message])).toEqual(errors);
    expect(r.body.errors.every((e: { location: string }) => e.location === 'body')).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    for (const key of stillIncoming) {
      expect(await exists(key)).toBe(true);
      expect(await exists(storedKeyOf(key))).toBe(false);
    }
    return r;
  };

  it("another resident's upload", async () => {
    const theirs = await uploaded(jpeg(), neighbour);
    await refused([theirs], [['photos.0', INVALID]]);
  });

  it('a key nothing was uploaded with (never, or expired and forgotten)', async () => {
    const { key } = await ticketFor();
    await refused([key], [['photos.0', INVALID]], []);
    expect(await exists(key)).toBe(false);
  });

  it('a text file sent as image/jpeg', async () => {
    const text = Buffer.from('这不是照片，只是一段假装成 JPEG 的文字。'.repeat(20));
    await refused([await uploaded(text, resident, 'image/jpeg')], [['photos.0', WRONG_TYPE]]);
  });

  it('a real PDF, declared as one: feedback takes photos only (a branch’s evidence takes PDF, not a report)', async () => {
    const pdf = file('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 20_000);
    await refused([await uploaded(pdf, resident, 'application/pdf')], [['photos.0', WRONG_TYPE]]);
  });

  it('a file of 5 MiB and 1 byte (the stand-in takes it; S3 would refuse it by the policy; the server refuses it)', async () => {
    await refused([await uploaded(jpeg(5 * MiB + 1))], [['photos.0', TOO_LARGE]]);
  });

  it('an empty file', async () => {
    await refused([await uploaded(Buffer.alloc(0))], [['photos.0', INVALID]]);
  });

  it('a good photo with a bad one: the bad one named, the good one left where it was', async () => {
    const good = await uploaded(jpeg());
    const bad = await uploaded(Buffer.from('GIF89a…'), resident, 'image/gif');
    await refused([good, bad], [['photos.1', WRONG_TYPE]]);
  });

  it('the same photo twice', async () => {
    const key = await uploaded(jpeg());
    await refused([key, key], [['photos.1', '同一张照片不能重复添加']]);
  });

  it('4 photos: refused by the contract before any is looked at', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => uploaded(jpeg())));
    await refused(keys, [['photos', '最多 3 张照片']]);
  });

  it('something that is not an upload key at all', async () => {
    const before = await h.snapshot();
    for (const photos of [['stored/baogong-qingnian/feedback-photo/7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b'], ['../../etc/passwd'], [`${h.app.url}/s3/x`]]) {
      const r = await submit(photos);
      expect(isProblem(r, 400)).toBe(true);
      expect(r.body.errors[0]).toMatchObject({ path: 'photos.0', message: INVALID });
    }
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('the S3 stand-in through the app’s port', () => {
  it('serves only what a private bucket would: form uploads and unexpired signed reads', async () => {
    const r = await submit([await uploaded(jpeg())]);
    const signed = new URL(r.body.photos[0].url);
    const base = `http://127.0.0.1:${h.app.port}`;
    const unsigned = `${base}${signed.pathname}`;
    expect((await fetch(unsigned)).status).toBe(403);
    expect((await fetch(`${base}/s3/gongzhi-uploads`)).status).toBe(403);
    expect((await fetch(`${base}/s3/gongzhi-uploads?list-type=2`)).status).toBe(403);
    expect((await fetch(`${base}/s3/`)).status).toBe(403);
    expect((await fetch(`${base}/s3/gongzhi-uploads?delete`, { method: 'POST', body: '<Delete/>' })).status).toBe(403);
    expect((await fetch(`${base}/s3/other-bucket`, { method: 'POST', body: new FormData() })).status).toBe(403);
    expect((await fetch(unsigned, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect((await fetch(`${base}${signed.pathname}${signed.search}`, { method: 'DELETE' })).status).toBe(403);
    const expired = new URL(signed);
    expired.searchParams.set('X-Amz-Date', '20200101T000000Z');
    expect((await fetch(`${base}${expired.pathname}${expired.search}`)).status).toBe(403);
    const ok = await fetch(`${base}${signed.pathname}${signed.search}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
