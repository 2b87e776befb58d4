import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ROLES, type Role } from '../../shared/roles';
import { api } from '../../shared/api';
import type { Route } from '../../functions/src/http/route';
import { allRoutes } from '../../functions/src/routes';
import { issueToken } from '../../functions/src/http/auth';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, putCommunity } from '../../functions/src/identity/store';
import { aFeedback, Harness, isProblem } from '../support/harness';

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

  it.each(guarded.map((r) => [label(r), r] as const))('%s with an expired, tampered or unsigned token → 401', async (_, route) => {
    const valid = await issueToken(principal([...ROLES]));
    const expired = await issueToken(principal([...ROLES]), -60);
    const [head, payload, sig] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [head, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], sub: 'someone-else' })).toString('base64url'), sig].join('.');
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      payload,
      '',
    ].join('.');
    const otherKey = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('not-our-secret-at-all-000000000000'));
    for (const token of [expired, tampered, unsigned, otherKey, 'not-a-jwt']) {
      const r = await callWith(route, token);
      expect(isProblem(r, 401)).toBe(true);
    }
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

  it('answers carry CORS headers, errors included', async () => {
    const ok = await h.call(api.identity.health, { headers: { origin: 'https://admin.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBeTruthy();
    const err = await h.call(api.identity.me, { headers: { origin: 'https://admin.example' } });
    expect(err.headers.get('access-control-allow-origin')).toBeTruthy();
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
