/**
 * The local HTTP edge: the API Gateway stand-in in front of the handlers and the static server of the H5 app.
 * Raw `node:http` requests throughout: `fetch` would re-encode paths such as `/%ff` and hide what a client sends.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { guardListener } from '../../functions/local/server';
import { aFeedback, Harness } from '../support/harness';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the server sent `100 Continue`. */
  continued: boolean;
}

interface RawOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  /** Sent as is; with `chunked`, in 64 KiB chunks without a content-length. */
  body?: Buffer | string;
  chunked?: boolean;
  /** Send the headers only (the body a content-length announces never comes). */
  headersOnly?: boolean;
}

/** One request on its own connection; resolves with the answer even when the server closes after it. */
const raw = (base: string, path: string, opts: RawOptions = {}): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(base);
    let continued = false;
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false });
    req.on('continue', () => {
      continued = true;
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), continued });
        req.destroy();
      });
      res.on('error', reject);
    });
    // A reset after the answer has arrived is the server closing a refused upload: the answer is what counts.
    req.on('error', (err) => reject(err));
    if (opts.headersOnly) {
      req.flushHeaders();
      return;
    }
    const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
    if (body && opts.chunked) {
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(body);
  });

const json = (a: RawAnswer) => JSON.parse(a.body.toString('utf8'));
const isProblem = (a: RawAnswer, status: number) =>
  a.status === status && String(a.headers['content-type']).startsWith('application/problem+json');

const ASSET = 'app.0123abcd.js';
const ASSET_TEXT = `/* a fake bundle */\n${'console.log("共治");\n'.repeat(200)}`;
const INDEX = '<!doctype html><html lang="zh-CN"><head><title>共治</title></head><body><div id="app"></div></body></html>';

let h: Harness;
let h5Dir: string;
const savedCors = process.env.CORS_ORIGINS;

beforeAll(async () => {
  h5Dir = mkdtempSync(join(tmpdir(), 'gongzhi-edge-'));
  mkdirSync(join(h5Dir, 'js'));
  writeFileSync(join(h5Dir, 'index.html'), INDEX);
  writeFileSync(join(h5Dir, 'js', ASSET), ASSET_TEXT);
  writeFileSync(join(h5Dir, 'js', `${ASSET}.LICENSE.txt`), 'MIT');
  writeFileSync(join(h5Dir, '.env'), 'SECRET=1');
  delete process.env.CORS_ORIGINS; // the default allow-list: the server's own origins
  h = await Harness.start({ h5Dir });
});
afterAll(async () => {
  await h?.close();
  rmSync(h5Dir, { recursive: true, force: true });
  if (savedCors === undefined) delete process.env.CORS_ORIGINS;
  else process.env.CORS_ORIGINS = savedCors;
});

const url = () => h.app.url;
const stillServes = async () => expect((await raw(url(), '/v1/health')).status).toBe(200);

describe('malformed percent-escapes never take the server down', () => {
  it.each(['/%ff', '/%', '/%c0%ae', '/js/%E0%A4%A', '/%00', '/js/%2e%2e/%2e%2e/etc/passwd'])('GET %s (static) → 404', async (path) => {
    const r = await raw(url(), path);
    expect(r.status).toBe(404);
    await stillServes();
  });

  it.each(['/v1/%ff', '/v1/%', '/v1/feedback/%c0%ae', '/v1/feedback/mine%E0%A4%A'])('GET %s (API) → 400 problem', async (path) => {
    const r = await raw(url(), path);
    expect(isProblem(r, 400)).toBe(true);
    expect(json(r)).toMatchObject({ type: 'urn:gongzhi:problem:validation-error', status: 400 });
    await stillServes();
  });

  it('a listener that throws answers 500 and the process lives on', async () => {
    const errors: unknown[] = [];
    const server = createServer(
      guardListener(() => {
        throw new Error('boom');
      }, (err) => errors.push(err)),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await raw(base, '/anything');
      expect(r.status).toBe(500);
      expect(r.body.toString()).not.toMatch(/boom/);
      expect(errors).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('path parameters', () => {
  it('a malformed escape in a path parameter is a 400 for that parameter, before authentication', async () => {
    const r = await raw(url(), '/v1/feedback/%ZZ');
    expect(isProblem(r, 400)).toBe(true);
    const body = json(r);
    expect(body.type).toBe('urn:gongzhi:problem:validation-error');
    expect(body.errors).toEqual([expect.objectContaining({ location: 'params', path: 'id' })]);
  });
});

describe('request bodies over 1 MiB', () => {
  const big = Buffer.alloc(2 * 1024 * 1024, 'a');

  it('a 2 MiB body with its length announced is refused with 413 problem, and the answer arrives', async () => {
    const r = await raw(url(), '/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': big.length }, body: big });
    expect(isProblem(r, 413)).toBe(true);
    expect(json(r).type).toBe('urn:gongzhi:problem:payload-too-large');
    expect(r.headers.connection).toBe('close');
    await stillServes();
  });

  it('a 2 MiB chunked body (no length) is refused with 413 problem', async () => {
    const r = await raw(url(), '/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big, chunked: true });
    expect(isProblem(r, 413)).toBe(true);
    await stillServes();
  });

  it('an announced length above the limit is refused before any of the body is read', async () => {
    const r = await raw(url(), '/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024 },
      headersOnly: true,
    });
    expect(isProblem(r, 413)).toBe(true);
  });

  it('with Expect: 100-continue the body is refused before the client sends it', async () => {
    const r = await raw(url(), '/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': big.length, expect: '100-continue' },
      headersOnly: true,
    });
    expect(isProblem(r, 413)).toBe(true);
    expect(r.continued).toBe(false);
  });

  it('with Expect: 100-continue a small body is asked for and served', async () => {
    const token = await h.resident('王建国');
    const body = Buffer.from(JSON.stringify(aFeedback()));
    const r = await new Promise<RawAnswer>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: h.app.port,
        path: '/v1/feedback',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue', authorization: `Bearer ${token}` },
      });
      req.on('continue', () => req.end(body));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), continued: true }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(r.status).toBe(201);
  });
});

describe('methods and CORS preflight', () => {
  const allowOf = (a: RawAnswer) => String(a.headers.allow).split(/,\s*/).sort();

  it('a known path with a method it does not serve → 405 problem with Allow', async () => {
    const r = await raw(url(), '/v1/health', { method: 'DELETE' });
    expect(isProblem(r, 405)).toBe(true);
    expect(allowOf(r)).toEqual(['GET', 'OPTIONS']);
    const post = await raw(url(), '/v1/feedback', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(isProblem(post, 405)).toBe(true);
    expect(allowOf(post)).toEqual(['OPTIONS', 'POST']);
  });

  it('HEAD on an API path is not served either → 405', async () => {
    const r = await raw(url(), '/v1/health', { method: 'HEAD' });
    expect(r.status).toBe(405);
  });

  it('OPTIONS on an unknown API path → 404 problem', async () => {
    const r = await raw(url(), '/v1/nothing-here', { method: 'OPTIONS', headers: { origin: url(), 'access-control-request-method': 'GET' } });
    expect(isProblem(r, 404)).toBe(true);
  });

  it('OPTIONS without preflight headers on a known path → 204 with Allow', async () => {
    const r = await raw(url(), '/v1/feedback/mine', { method: 'OPTIONS' });
    expect(r.status).toBe(204);
    expect(allowOf(r)).toEqual(['GET', 'OPTIONS']);
  });

  it("a preflight from an allowed origin (by default the server's own) echoes it", async () => {
    for (const origin of [`http://localhost:${h.app.port}`, `http://127.0.0.1:${h.app.port}`]) {
      const r = await raw(url(), '/v1/feedback', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
      expect(r.status).toBe(204);
      expect(r.headers['access-control-allow-origin']).toBe(origin);
      expect(r.headers.vary).toMatch(/\bOrigin\b/i);
      expect(String(r.headers['access-control-allow-methods'])).toMatch(/\bPOST\b/);
      expect(String(r.headers['access-control-allow-headers'])).toMatch(/content-type/);
      expect(String(r.headers['access-control-allow-headers'])).toMatch(/authorization/);
    }
  });

  it('a preflight from any other origin gets no allow-origin (the browser refuses)', async () => {
    const r = await raw(url(), '/v1/feedback', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.headers.vary).toMatch(/\bOrigin\b/i);
  });

  it('CORS_ORIGINS, when set, is the allow-list', async () => {
    process.env.CORS_ORIGINS = 'https://admin.example.cn, https://other.example.cn';
    const other = await Harness.start();
    try {
      const ok = await raw(other.app.url, '/v1/health', { method: 'OPTIONS', headers: { origin: 'https://admin.example.cn', 'access-control-request-method': 'GET' } });
      expect(ok.headers['access-control-allow-origin']).toBe('https://admin.example.cn');
      const own = await raw(other.app.url, '/v1/health', { method: 'OPTIONS', headers: { origin: other.app.url, 'access-control-request-method': 'GET' } });
      expect(own.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await other.close();
      delete process.env.CORS_ORIGINS;
    }
  });
});

describe('the static app', () => {
  const CSP =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

  it.each(['/', '/index.html', `/js/${ASSET}`, '/robots.txt', '/js/missing.js'])('%s carries the security headers', async (path) => {
    const r = await raw(url(), path);
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\)|microphone=\(\).*camera=\(\)/);
    expect(r.headers['permissions-policy']).toMatch(/geolocation=\(\)/);
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('robots.txt keeps search engines out', async () => {
    const r = await raw(url(), '/robots.txt');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.body.toString()).toMatch(/^User-agent: \*\r?\nDisallow: \/\s*$/m);
  });

  it('favicon.ico is an icon', async () => {
    const r = await raw(url(), '/favicon.ico');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/x-icon');
    expect([...r.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)
  });

  it('a missing file with an extension is 404; paths without one get the app', async () => {
    expect((await raw(url(), '/js/missing.js')).status).toBe(404);
    expect((await raw(url(), '/missing.png')).status).toBe(404);
    expect((await raw(url(), '/.env')).status).toBe(404);
    for (const path of ['/', '/packages/admin', '/js']) {
      const r = await raw(url(), path);
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe(INDEX);
    }
  });

  it('other methods than GET and HEAD → 405 with Allow', async () => {
    const r = await raw(url(), '/index.html', { method: 'POST', body: 'x' });
    expect(r.status).toBe(405);
    expect(String(r.headers.allow).split(/,\s*/).sort()).toEqual(['GET', 'HEAD']);
  });

  it('text is gzipped for clients that accept it, streaming; cache headers by kind of file', async () => {
    const gz = await raw(url(), `/js/${ASSET}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(gz.body).toString()).toBe(ASSET_TEXT);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(ASSET_TEXT));
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await raw(url(), `/js/${ASSET}`, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(ASSET_TEXT);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(ASSET_TEXT));

    expect((await raw(url(), '/index.html', { headers: { 'accept-encoding': 'gzip' } })).headers['cache-control']).toBe('no-cache');
    expect((await raw(url(), `/js/${ASSET}.LICENSE.txt`)).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('the API reference is served at /docs/api/, and odd paths near it do not trip it', async () => {
    const r = await raw(url(), '/docs/api/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body.toString()).toMatch(/swagger-ui-bundle\.js/);
    for (const path of ['//[', '/docs/api/%ff', '//docs/api/']) expect((await raw(url(), path)).status).toBeLessThan(500);
    await stillServes();
  });

  it('HEAD answers the headers of GET without a body', async () => {
    const r = await raw(url(), `/js/${ASSET}`, { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(r.headers['content-length'])).toBe(readFileSync(join(h5Dir, 'js', ASSET)).length);
    expect(r.body.length).toBe(0);
    const index = await raw(url(), '/', { method: 'HEAD' });
    expect(index.status).toBe(200);
    expect(Number(index.headers['content-length'])).toBe(Buffer.byteLength(INDEX));
    expect(index.body.length).toBe(0);
  });
});
