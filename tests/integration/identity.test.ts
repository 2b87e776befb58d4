import { api } from '../../shared/api';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin } from '../../functions/src/identity/store';
import { Harness, isProblem } from '../support/harness';

const { identity } = api;
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());

describe('signing in from the mini-program (local dev login)', () => {
  it('signs in a demo resident with their roles', async () => {
    const r = await h.call(identity.wechatLogin, { body: { code: 'dev:刘玉兰' } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ name: '刘玉兰', communityId: 'baogong-qingnian', roles: ['resident', 'steward'] });
    expect(r.body.expiresIn).toBeGreaterThan(0);
    const me = await h.call(identity.me, { token: r.body.token });
    expect(me.body).toEqual(r.body.user);
  });

  it('creates a new resident on first sign-in and finds the same one afterwards', async () => {
    const first = await h.call(identity.wechatLogin, { body: { code: 'dev:新来的居民' } });
    const second = await h.call(identity.wechatLogin, { body: { code: 'dev:新来的居民' } });
    expect(first.body.user.roles).toEqual(['resident']);
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it('creates one user even when two sign-ins race', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => h.call(identity.wechatLogin, { body: { code: 'dev:并发居民' } })));
    expect(a!.body.user.id).toBe(b!.body.user.id);
  });

  it('refuses a missing code with 400 and an unknown community with 404, creating nothing', async () => {
    const before = await h.snapshot();
    expect(isProblem(await h.call(identity.wechatLogin, { body: {} }), 400)).toBe(true);
    expect(isProblem(await h.call(identity.wechatLogin, { body: { code: 'dev:某人', communityId: 'no-such-place' } }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses the dev code when the dev login is off', async () => {
    process.env.GONGZHI_DEV_LOGIN = '0';
    try {
      const r = await h.call(identity.wechatLogin, { body: { code: 'dev:王建国' } });
      expect(isProblem(r, 401)).toBe(true);
    } finally {
      process.env.GONGZHI_DEV_LOGIN = '1';
    }
  });
});

describe('committee staff sign in with a password', () => {
  it('signs in with the right password', async () => {
    const r = await h.call(identity.staffLogin, { body: { username: 'committee', password: 'Qingnian@2026' } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ name: '社区工作人员 陈静', roles: ['committee'] });
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await h.call(identity.staffLogin, { body: { username: 'admin', password: 'guess' } });
    const unknown = await h.call(identity.staffLogin, { body: { username: 'nobody', password: 'guess' } });
    expect(isProblem(wrong, 401) && isProblem(unknown, 401)).toBe(true);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    await createUserWithLogin(
      { id: 'lock-test-user', communityId: 'baogong-qingnian', name: '锁定测试', roles: ['committee'], createdAt: new Date().toISOString() },
      { kind: 'staff', name: 'locktest', passwordHash: await hashPassword('Right@2026') },
    );
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push(await h.call(identity.staffLogin, { body: { username: 'locktest', password: `wrong${i}` } }));
    expect(tries.slice(0, 4).map((t) => t.status)).toEqual([401, 401, 401, 401]);
    expect(isProblem(tries[4]!, 429)).toBe(true);
    const right = await h.call(identity.staffLogin, { body: { username: 'locktest', password: 'Right@2026' } });
    expect(isProblem(right, 429)).toBe(true);
    expect(right.body.type).toBe('urn:gongzhi:problem:account-locked');
    expect(right.body.detail).toMatch(/15 分钟/);
  });

  it('refuses an empty form with every field error', async () => {
    const r = await h.call(identity.staffLogin, { body: {} });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['password', 'username']);
  });
});
