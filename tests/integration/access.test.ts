import { randomUUID } from 'node:crypto';
import { createHmac, generateKeyPairSync, sign as signWith } from 'node:crypto';
import { ROLES, type Role } from '../../shared/roles';
import { api } from '../../shared/api';
import type { Route } from '../../functions/src/http/route';
import { allRoutes } from '../../functions/src/routes';
import { issueToken } from '../../functions/src/http/auth';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, putCommunity } from '../../functions/src/identity/store';
import { tokenKeys } from '../../functions/src/http/token-keys';
import { aFeedback, Harness, isProblem } from '../support/harness';
import { goodClaims, signClaims } from '../support/tokens';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());

const guarded = allRoutes().filter((r) => r.endpoint.access !== 'public');
const roleGuarded = guarded.filter((r) => Array.isArray(r.endpoint.access));
const label = (r: Route) => `${r.endpoint.method} ${r.endpoint.path}`;
const someId = '00000000-0000-4000-8000-000000000000';
const callWith = (r: Route, token?: string) =>
  h.call(r.endpoint, { token, params: { id: someId }, ...(r.endpoint.body ? { body: {} } : {}) });

const principal = (roles: Role[]) => ({ userId: randomUUID(), communityId: 'baogong-qingnian', name: '测试', roles });

describe('every guarded route refuses callers who are not signed in', () => {
  it.each(guarded.map((r) => [label(r), r] as const))('%s without a token → 401', async (_, route) => {
    const before = await h.snapshot();
    const r = await callWith(route);
    expect(isProblem(r, 401)).toBe(true);
    expect(r.body).toMatchObject({ type: 'urn:gongzhi:problem:unauthorized', status: 401, requestId: expect.any(String) });
    expect(await h.snapshot()).toEqual(before);
  });

  it.each(guarded.map((r) => [label(r), r] as const))('%s with an expired, tampered, unsigned or foreign token → 401', async (_, route) => {
    const before = await h.snapshot();
    for (const [, token] of await badTokens()) {
      const r = await callWith(route, token);
      expect(isProblem(r, 401)).toBe(true);
    }
    expect(await h.snapshot()).toEqual(before);
  });
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Every way a token can be wrong; each must be refused by every guarded route. */
const badTokens = async (): Promise<[string, string][]> => {
  const claims = goodClaims();
  const without = (name: keyof typeof claims) => {
    const { [name]: _dropped, ...rest } = claims;
    return signClaims(rest);
  };
  const valid = await signClaims(claims);
  const [head, payload, sig] = valid.split('.');
  const publicPem = (await tokenKeys().publicKey()).export({ format: 'pem', type: 'spki' }).toString();
  const hs256 = `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}`;
  const foreign = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const foreignInput = `${head}.${payload}`;
  return [
    ['expired', await signClaims({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 60 })],
    ['without exp', await without('exp')],
    ['without iat', await without('iat')],
    ['without sub', await without('sub')],
    ['another issuer', await signClaims({ ...claims, iss: 'someone-else' })],
    ['another audience', await signClaims({ ...claims, aud: 'another-api' })],
    ['tampered payload', [head, b64({ ...claims, sub: 'someone-else' }), sig].join('.')],
    ['alg none', [b64({ alg: 'none', typ: 'JWT' }), payload, ''].join('.')],
    // the public key is public: signing HS256 with it as the secret must not pass as ES256
    ['HS256 with the public key as secret', `${hs256}.${createHmac('sha256', publicPem).update(hs256).digest('base64url')}`],
    ['signed by another key', `${foreignInput}.${signWith('sha256', Buffer.from(foreignInput), { key: foreign, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`],
    ['unknown role', await signClaims({ ...claims, roles: ['superuser'] })],
    ['not a JWT', 'not-a-jwt'],
  ];
};

describe('token attacks, one by one', () => {
  it.each([['expired'], ['without exp'], ['without iat'], ['without sub'], ['another issuer'], ['another audience'], ['tampered payload'], ['alg none'], ['HS256 with the public key as secret'], ['signed by another key'], ['unknown role'], ['not a JWT']])(
    'a token %s is refused on GET /v1/me',
    async (name) => {
      const token = new Map(await badTokens()).get(name)!;
      const r = await h.call(api.identity.me, { token });
      expect(isProblem(r, 401)).toBe(true);
    },
  );

  it('a well-formed token of this process is accepted (the attacks above differ from it in one thing each)', async () => {
    const token = await issueToken(principal(['resident']));
    const r = await h.call(api.feedback.listMyFeedback, { token });
    expect(r.status).toBe(200);
  });

  it("a token whose user no longer exists gets 401 from /v1/me, so the app signs out", async () => {
    const r = await h.call(api.identity.me, { token: await issueToken(principal(['resident'])) });
    expect(isProblem(r, 401)).toBe(true);
  });
});

describe('every role-guarded route refuses the wrong role', () => {
  it.each(roleGuarded.map((r) => [label(r), r] as const))('%s → 403 for every role it does not list', async (_, route) => {
    const allowed = route.endpoint.access as readonly Role[];
    const before = await h.snapshot();
    for (const role of ROLES.filter((x) => !allowed.includes(x))) {
      const r = await callWith(route, await issueToken(principal([role])));
      expect(isProblem(r, 403)).toBe(true);
    }
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('errors are RFC 9457 problem details', () => {
  it('an unknown route answers 404 problem+json', async () => {
    const r = await fetch(`${h.app.url}/v1/nothing-here`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('a failure of the store answers 500 with the request id, and no internals', async () => {
    const token = await h.resident('王建国');
    process.env.TABLE_FEEDBACK = 'no-such-table';
    try {
      const r = await h.call(api.feedback.listMyFeedback, { token });
      expect(isProblem(r, 500)).toBe(true);
      expect(r.body).toMatchObject({ type: 'urn:gongzhi:problem:internal-error', requestId: r.headers.get('apigw-requestid') });
      expect(JSON.stringify(r.body)).not.toMatch(/no-such-table|ResourceNotFound|at /);
    } finally {
      delete process.env.TABLE_FEEDBACK;
    }
  });

  it('health answers without a token', async () => {
    const r = await h.call(api.identity.health);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });

  it('answers carry CORS headers for an allowed origin only, errors included', async () => {
    const own = h.app.url;
    const ok = await h.call(api.identity.health, { headers: { origin: own } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(own);
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    const err = await h.call(api.identity.me, { headers: { origin: own } });
    expect(err.headers.get('access-control-allow-origin')).toBe(own);
    const stranger = await h.call(api.identity.health, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers carry the API security headers, errors included', async () => {
    for (const r of [await h.call(api.identity.health), await h.call(api.identity.me), await fetch(`${h.app.url}/v1/nothing-here`)]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});

describe('communities are kept apart', () => {
  it("another community's committee cannot read, list or change this community's feedback", async () => {
    await putCommunity({ id: 'other-community', name: '另一个社区', subdistrict: '某街道', district: '某区' });
    await createUserWithLogin(
      { id: randomUUID(), communityId: 'other-community', name: '外社区工作人员', roles: ['committee'], createdAt: new Date().toISOString() },
      { kind: 'staff', name: 'outsider', passwordHash: await hashPassword('Outsider@2026') },
    );
    const outsider = (await h.call(api.identity.staffLogin, { body: { username: 'outsider', password: 'Outsider@2026', communityId: 'other-community' } })).body.token;
    const resident = await h.resident('王建国');
    const f = (await h.call(api.feedback.submitFeedback, { token: resident, body: aFeedback() })).body;

    expect(isProblem(await h.call(api.feedback.getFeedback, { token: outsider, params: { id: f.id } }), 404)).toBe(true);
    const before = await h.snapshot();
    const move = await h.call(api.feedback.transitionFeedback, { token: outsider, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    expect(isProblem(move, 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    const queue = await h.call(api.feedback.listFeedbackQueue, { token: outsider, query: { limit: 50 } });
    expect(queue.body.items).toEqual([]);
  });
});
