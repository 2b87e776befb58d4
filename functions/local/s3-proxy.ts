import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import S3rver from 's3rver';
import { requestTarget } from './target';

/**
 * The local stand-in for S3: s3rver in-process, with its files in a folder (`.data/s3` for `npm start`, a
 * temporary one for tests), and a small streaming proxy that serves it through the app's own port under `/s3`.
 * The H5 app's CSP allows `connect-src 'self'` only, so the browser must upload to its own origin; the functions
 * talk to s3rver directly. s3rver enforces no upload policy and no signature: the functions check every object
 * themselves (functions/src/uploads/verify.ts). The proxy does let through only what a private bucket serves to
 * browsers (form uploads, and presigned reads that have not expired), so the bucket cannot be listed or read
 * without a signed URL through the app's port.
 */

/** Where the stand-in is reached through the app's port. */
export const S3_PATH = '/s3';
/** The local bucket (in AWS the stack names it). */
export const LOCAL_UPLOADS_BUCKET = 'gongzhi-uploads';

export interface LocalS3 {
  /** s3rver itself, for the functions (`S3_ENDPOINT`). */
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/** Starts s3rver on a loopback port with the bucket; without `directory`, in a temporary folder removed on close. */
export const startS3 = async (opts: { directory?: string } = {}): Promise<LocalS3> => {
  const temporary = opts.directory ? undefined : mkdtempSync(join(tmpdir(), 'gongzhi-s3-'));
  const directory = opts.directory ?? temporary!;
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    configureBuckets: [{ name: LOCAL_UPLOADS_BUCKET }],
    silent: true,
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: LOCAL_UPLOADS_BUCKET,
    close: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
};

export const isS3Path = (path: string): boolean => path === S3_PATH || path.startsWith(`${S3_PATH}/`);

/** Headers that belong to one connection, not to the request or answer: never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
]);

const forwardable = (headers: IncomingHttpHeaders): IncomingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([k, v]) => v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())));

/** `20261127T191219Z` + `X-Amz-Expires` seconds is still ahead. */
const presignedAndFresh = (query: string): boolean => {
  const q = new URLSearchParams(query);
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') ?? '');
  const expires = Number(q.get('X-Amz-Expires'));
  if (!q.get('X-Amz-Signature') || !date || !Number.isInteger(expires) || expires <= 0) return false;
  const signedAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
  return Date.now() <= signedAt + expires * 1000;
};

const refuse = (res: ServerResponse, status: number, code: string): void => {
  res
    .writeHead(status, { 'content-type': 'application/xml', 'x-content-type-options': 'nosniff' })
    .end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code></Error>`);
};

/**
 * Serves `/s3/<bucket>…` from s3rver at `upstream`, streaming both ways (method, headers and body as sent; the
 * answer as s3rver gives it). Lets through a form upload (`POST /s3/<bucket>`) and presigned GET/HEAD of an
 * object; anything else gets 403, as a private bucket answers.
 */
export const makeS3Proxy = (upstream: string, bucket: string) => {
  const { hostname, port, host } = new URL(upstream);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = requestTarget(req.url);
    if (!target || !isS3Path(target.path)) return refuse(res, 404, 'NoSuchBucket');
    const path = target.path.slice(S3_PATH.length);
    const method = (req.method ?? 'GET').toUpperCase();
    // A form upload has no query (`?uploads`, `?delete` and the like are other, signed, operations).
    const upload = method === 'POST' && (path === `/${bucket}` || path === `/${bucket}/`) && !target.query;
    const read = (method === 'GET' || method === 'HEAD') && path.startsWith(`/${bucket}/`) && presignedAndFresh(target.query);
    if (!upload && !read) return refuse(res, 403, 'AccessDenied');

    // The client waits for 100 Continue before sending a large body: tell it to go on, and stream as it comes.
    if (/^100-continue$/i.test(req.headers.expect ?? '')) res.writeContinue();
    const up = httpRequest(
      { hostname, port, method, path: `${path}${target.query ? `?${target.query}` : ''}`, headers: { ...forwardable(req.headers), host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...forwardable(answer.headers), 'x-content-type-options': 'nosniff' });
        pipeline(answer, res, (err) => {
          if (err) res.destroy();
        });
      },
    );
    up.on('error', () => {
      if (res.headersSent) res.destroy();
      else refuse(res, 502, 'BadGateway');
    });
    // pipe, not pipeline: a failing upstream must not take the client's socket (and so the 502) with it.
    req.on('error', () => up.destroy());
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  };
};
