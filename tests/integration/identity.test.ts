import { api } from '../../shared/api';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin } from '../../functions/src/identity/store';
import { ACCOUNT_ADDRESS_POLICY, ADDRESS_POLICY } from '../../functions/src/identity/throttle-rules';
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

  it('refuses an empty form with every field error', async () => {
    const r = await h.call(identity.staffLogin, { body: {} });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['password', 'username']);
  });
});

describe('refusing codes that cannot be exchanged, with a clear 4xx', () => {
  it.each([
    ['dev: with no name', 'dev:'],
    ['dev: with only spaces', 'dev:   '],
    ['dev: with only zero-width characters', 'dev:\u200b\u2060'],
    ['a dev name of 21 characters', `dev:${'名'.repeat(21)}`],
    ['a code with a control character', 'abc\u0000def'],
    ['a code with spaces inside', 'abc def'],
  ])('%s → 400 naming the code field, nothing written', async (_, code) => {
    const before = await h.snapshot();
    const r = await h.call(identity.wechatLogin, { body: { code } });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors).toEqual([expect.objectContaining({ location: 'body', path: 'code' })]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a dev name of exactly 20 characters signs in', async () => {
    const r = await h.call(identity.wechatLogin, { body: { code: `dev:${'长'.repeat(20)}` } });
    expect(r.status).toBe(200);
    expect(r.body.user.name).toBe('长'.repeat(20));
  });

  it('a real wx.login code where WeChat is not set up (a local run) → 401 that says to use the dev login', async () => {
    const before = await h.snapshot();
    const r = await h.call(identity.wechatLogin, { body: { code: '0a1B2c3D4e5F6g7H8i9J' } });
    expect(isProblem(r, 401)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:wechat-login-unavailable');
    expect(r.body.detail).toMatch(/dev:姓名/);
    expect(await h.snapshot()).toEqual(before);
  });
});

const staffAccount = async (username: string, password: string) =>
  createUserWithLogin(
    { id: `user-${username}`, communityId: 'baogong-qingnian', name: `测试 ${username}`, roles: ['committee'], createdAt: new Date().toISOString() },
    { kind: 'staff', name: username, passwordHash: await hashPassword(password) },
  );
const login = (username: string, password: string, from = '127.0.0.1') => h.call(identity.staffLogin, { body: { username, password }, from });
const statuses = (rs: { status: number }[]) => rs.map((r) => r.status);

describe('staff sign-in slows guessing down without locking the staff out', () => {
  const FREE = ACCOUNT_ADDRESS_POLICY.free;

  it(`evaluates ${FREE} wrong passwords from one address, then refuses without checking (429 + Retry-After)`, async () => {
    await staffAccount('slowtest', 'Right@2026');
    const tries = [];
    for (let i = 0; i < FREE; i++) tries.push(await login('slowtest', `wrong${i}`, '127.0.0.11'));
    expect(statuses(tries)).toEqual(Array(FREE).fill(401));
    const next = await login('slowtest', 'Right@2026', '127.0.0.11');
    expect(isProblem(next, 429)).toBe(true);
    expect(next.body.type).toBe('urn:gongzhi:problem:sign-in-slowed');
    expect(next.body.detail).toMatch(/30 秒后再试/);
    expect(next.headers.get('retry-after')).toBe('30');
  });

  it('100 parallel guesses: at most the free attempts are evaluated, the rest refused, and the count is exact', async () => {
    await staffAccount('paralleltest', 'Right@2026');
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login('paralleltest', `guess-${i}`, '127.0.0.12')));
    const evaluated = answers.filter((a) => a.status === 401).length;
    expect(evaluated).toBeLessThanOrEqual(FREE);
    expect(evaluated).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 401 || isProblem(a, 429))).toBe(true);
    // the right password now waits too: it is not evaluated
    expect(isProblem(await login('paralleltest', 'Right@2026', '127.0.0.12'), 429)).toBe(true);
    const throttles = await h.call(identity.listSignInThrottles, { token: await h.staff('admin', 'Admin@2026') });
    const counter = throttles.body.items.find((t: { username?: string; address: string }) => t.username === 'paralleltest' && t.address === '127.0.0.12');
    expect(counter.failures).toBe(evaluated);
  }, 30_000);

  it("a guesser at one address cannot lock the owner out: the owner signs in from another address, and is told of the attempts", async () => {
    await staffAccount('ownertest', 'Right@2026');
    for (let i = 0; i < FREE + 3; i++) await login('ownertest', `wrong${i}`, '127.0.0.13');
    expect(isProblem(await login('ownertest', 'Right@2026', '127.0.0.13'), 429)).toBe(true);
    const owner = await login('ownertest', 'Right@2026', '127.0.0.14');
    expect(owner.status).toBe(200);
    expect(owner.body.notice).toEqual({ failedAttempts: FREE, lastFailedAt: expect.any(String) });
    const again = await login('ownertest', 'Right@2026', '127.0.0.14');
    expect(again.body.notice).toBeUndefined();
  });

  it('answers an unknown account exactly as an existing one, attempt for attempt', async () => {
    await staffAccount('realname', 'Right@2026');
    const real = [];
    const unknown = [];
    for (let i = 0; i <= FREE; i++) {
      real.push(await login('realname', `wrong${i}`, '127.0.0.15'));
      unknown.push(await login('ghostname', `wrong${i}`, '127.0.0.15'));
    }
    expect(statuses(unknown)).toEqual(statuses(real));
    expect(unknown.map((r) => [r.body.type, r.body.detail])).toEqual(real.map((r) => [r.body.type, r.body.detail]));
    expect(statuses(real).at(-1)).toBe(429);
  });

  it('a right password clears its account-and-address counter', async () => {
    await staffAccount('cleartest', 'Right@2026');
    for (let i = 0; i < FREE - 1; i++) await login('cleartest', `wrong${i}`, '127.0.0.16');
    expect((await login('cleartest', 'Right@2026', '127.0.0.16')).status).toBe(200);
    const tries = [];
    for (let i = 0; i < FREE; i++) tries.push(await login('cleartest', `wrong-again${i}`, '127.0.0.16'));
    expect(statuses(tries)).toEqual(Array(FREE).fill(401));
  });

  it(`slows one address down across accounts after ${ADDRESS_POLICY.free} failures`, async () => {
    const tries = [];
    for (let i = 0; i < ADDRESS_POLICY.free; i++) tries.push(await login(`spray-${i}`, 'Password1', '127.0.0.17'));
    expect(statuses(tries)).toEqual(Array(ADDRESS_POLICY.free).fill(401));
    const next = await login('committee', 'Qingnian@2026', '127.0.0.17');
    expect(isProblem(next, 429)).toBe(true);
    expect((await login('committee', 'Qingnian@2026', '127.0.0.18')).status).toBe(200);
  });

  it('an admin lifts the slow-down on an account from every address; the addresses stay counted', async () => {
    await staffAccount('unlocktest', 'Right@2026');
    for (const from of ['127.0.0.19', '127.0.0.20'])
      for (let i = 0; i < FREE; i++) await login('unlocktest', `wrong${i}`, from);
    expect(isProblem(await login('unlocktest', 'Right@2026', '127.0.0.19'), 429)).toBe(true);
    const admin = await h.staff('admin', 'Admin@2026');
    const unlocked = await h.call(identity.unlockSignIn, { token: admin, body: { username: 'UnlockTest' } });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ cleared: 2 });
    expect((await login('unlocktest', 'Right@2026', '127.0.0.19')).status).toBe(200);
  });

  it('only an admin may list or lift throttles', async () => {
    const committee = await h.staff();
    expect(isProblem(await h.call(identity.listSignInThrottles, { token: committee }), 403)).toBe(true);
    expect(isProblem(await h.call(identity.unlockSignIn, { token: committee, body: { username: 'committee' } }), 403)).toBe(true);
  });
});

describe('password hashing cannot starve the server', () => {
  it('runs at most one scrypt at a time and turns away a crowd beyond the queue with 429 sign-in-busy', async () => {
    const { peakConcurrentHashes, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES } = await import('../../functions/src/identity/passwords');
    // distinct addresses and accounts, so no throttle counter refuses them first
    const crowd = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`crowd-${i}`, 'Password1', `127.0.1.${i + 1}`)),
    );
    expect(peakConcurrentHashes()).toBe(MAX_CONCURRENT_HASHES);
    const busy = crowd.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((r) => r.body.type === 'urn:gongzhi:problem:sign-in-busy' && r.headers.get('retry-after') === '1')).toBe(true);
    expect(crowd.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(MAX_WAITING_HASHES);
    expect(crowd.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  }, 30_000);
});
