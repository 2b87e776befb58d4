/**
 * The exact headers of API answers (issue 11: values, not `toBeTruthy()`): the security headers on successes,
 * refusals and unknown routes alike, and CORS for the allowed origins only.
 */
import { api } from '../../shared/api';
import { API_SECURITY_HEADERS, CORS_ALLOW_HEADERS, corsOrigins } from '../../functions/src/http/stack';
import { Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
}, 30_000);
afterAll(() => h.close());

const SECURITY = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

const pick = (headers: Headers, names: string[]) => Object.fromEntries(names.map((n) => [n, headers.get(n)]));
const CORS_NAMES = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers', 'access-control-allow-headers', 'access-control-max-age', 'access-control-allow-methods'];

describe('security headers', () => {
  it('are exactly these, on every API answer', () => {
    expect(API_SECURITY_HEADERS).toEqual(SECURITY);
  });

  it.each([
    ['a success', () => h.call(api.identity.health)],
    ['a 401', () => h.call(api.identity.me)],
    ['a 400', () => h.call(api.identity.wechatLogin, { body: {} })],
    ['a malformed JSON body', () => h.call(api.identity.staffLogin, { rawBody: '{"username":' })],
    ['an unknown route', async () => {
      const r = await fetch(`${h.app.url}/v1/nothing-here`);
      return { status: r.status, headers: r.headers };
    }],
  ])('on %s', async (_, send) => {
    const r = await send();
    expect(pick(r.headers, Object.keys(SECURITY))).toEqual(SECURITY);
    expect(r.headers.get('vary')).toBe('Origin');
  });

  it('successes are JSON in UTF-8, refusals problem+json in UTF-8', async () => {
    expect((await h.call(api.identity.health)).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await h.call(api.identity.me)).headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });
});

describe('CORS', () => {
  it('lets a browser send exactly the authorization, content-type and idempotency-key headers', () => {
    expect([...CORS_ALLOW_HEADERS]).toEqual(['authorization', 'content-type', 'idempotency-key']);
  });

  it('the allowed origins are the comma-separated CORS_ORIGINS, trimmed, never `*`, none when unset', () => {
    const saved = process.env.CORS_ORIGINS;
    try {
      process.env.CORS_ORIGINS = ' https://a.example , *,https://b.example,, ';
      expect(corsOrigins()).toEqual(['https://a.example', 'https://b.example']);
      delete process.env.CORS_ORIGINS;
      expect(corsOrigins()).toEqual([]);
    } finally {
      process.env.CORS_ORIGINS = saved;
    }
  });

  it('locally, the allowed origins are the server’s own two', () => {
    expect(corsOrigins()).toEqual([`http://localhost:${h.app.port}`, `http://127.0.0.1:${h.app.port}`]);
  });

  it.each([
    ['a success', () => api.identity.health, 200],
    ['a refusal', () => api.identity.me, 401],
  ])('an allowed origin gets exactly its own origin back, on %s', async (_, e, status) => {
    for (const origin of corsOrigins()) {
      const r = await h.call(e(), { headers: { origin } });
      expect(r.status).toBe(status);
      expect(pick(r.headers, CORS_NAMES)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': null,
        'access-control-expose-headers': 'retry-after',
        'access-control-allow-headers': 'authorization,content-type,idempotency-key',
        'access-control-max-age': '600',
        'access-control-allow-methods': null,
      });
      expect(r.headers.get('vary')).toBe('Origin');
    }
  });

  it.each(['https://evil.example', 'null', `http://localhost:${Number(process.pid % 1000) + 1}`])('origin %s gets no CORS grant', async (origin) => {
    const r = await h.call(api.identity.health, { headers: { origin } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('vary')).toBe('Origin');
  });

  it('a 429 exposes its Retry-After to the browser', async () => {
    const origin = corsOrigins()[0]!;
    let last;
    for (let i = 0; i < 6; i++)
      last = await h.call(api.identity.staffLogin, { body: { username: 'corsprobe', password: `wrong-${i}` }, headers: { origin }, from: '127.0.0.61' });
    expect(last!.status).toBe(429);
    expect(pick(last!.headers, ['retry-after', 'access-control-allow-origin', 'access-control-expose-headers'])).toEqual({
      'retry-after': '30',
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'retry-after',
    });
  });
});
