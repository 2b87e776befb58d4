/**
 * What sign-ins leave in the store, not only what they answer (issue 11): a good staff sign-in clears its
 * counters, account names are one account whatever their case, the loser of a first-sign-in race leaves no user
 * behind, and a WeChat outage is exactly a 502 that writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, getLogin, getUser } from '../../functions/src/identity/store';
import { ACCOUNT_ADDRESS_POLICY } from '../../functions/src/identity/throttle-rules';
import { Harness, isProblem } from '../support/harness';

const { identity } = api;
const CID = 'baogong-qingnian';
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
}, 30_000);
afterAll(() => h.close());

type Item = Record<string, unknown> & { pk: string; sk: string };
/** Every item of the identity table, as the store keeps it (the harness's snapshot keeps them marshalled). */
const identityItems = async () => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: tableName('identity'), ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};
/** The sign-in records of one account name and one address: counters and the owner's notice. */
const signInRecords = async (username: string, address: string) =>
  (await identityItems())
    .filter((i) => i.pk === `C#${CID}#SIGNIN#${username}` || (i.pk === `C#${CID}#SIGNIN-ADDR#${address}` && i.sk === 'ADDR'))
    .map((i) => ({ pk: i.pk, sk: i.sk, failures: i.failures, failedSinceSignIn: i.failedSinceSignIn }))
    .sort((a, b) => (`${a.pk}|${a.sk}` < `${b.pk}|${b.sk}` ? -1 : 1));

const staffAccount = async (username: string, password: string) =>
  createUserWithLogin(
    { id: `user-${username}`, communityId: CID, name: `测试 ${username}`, roles: ['committee'], createdAt: new Date().toISOString() },
    { kind: 'staff', name: username, passwordHash: await hashPassword(password) },
  );
const login = (username: string, password: string, from: string) => h.call(identity.staffLogin, { body: { username, password }, from });

describe('a good staff sign-in clears what the wrong ones counted', () => {
  it('wrong passwords are counted per account and address, per address, and for the owner', async () => {
    await staffAccount('state-a', 'Right@2026');
    for (let i = 0; i < 3; i++) expect((await login('state-a', `wrong-${i}`, '127.0.0.71')).status).toBe(401);
    expect(await signInRecords('state-a', '127.0.0.71')).toEqual([
      { pk: `C#${CID}#SIGNIN#state-a`, sk: 'ACCOUNT', failures: undefined, failedSinceSignIn: 3 },
      { pk: `C#${CID}#SIGNIN#state-a`, sk: 'ADDR#127.0.0.71', failures: 3, failedSinceSignIn: undefined },
      { pk: `C#${CID}#SIGNIN-ADDR#127.0.0.71`, sk: 'ADDR', failures: 3, failedSinceSignIn: undefined },
    ]);
  });

  it('then the right password removes the account-and-address counter and the notice, and gives back its own attempt on the address', async () => {
    const ok = await login('state-a', 'Right@2026', '127.0.0.71');
    expect(ok.status).toBe(200);
    expect(ok.body.notice).toEqual({ failedAttempts: 3, lastFailedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // the address keeps its three failures: only the attempt the right password was charged is given back
    expect(await signInRecords('state-a', '127.0.0.71')).toEqual([{ pk: `C#${CID}#SIGNIN-ADDR#127.0.0.71`, sk: 'ADDR', failures: 3, failedSinceSignIn: undefined }]);
  });

  it('so the next wrong passwords start again from the first free attempt', async () => {
    const tries = [];
    for (let i = 0; i < ACCOUNT_ADDRESS_POLICY.free; i++) tries.push((await login('state-a', `again-${i}`, '127.0.0.71')).status);
    expect(tries).toEqual(Array(ACCOUNT_ADDRESS_POLICY.free).fill(401));
    expect(isProblem(await login('state-a', 'again-x', '127.0.0.71'), 429)).toBe(true);
  });

  it('a right password with nothing counted leaves nothing behind', async () => {
    await staffAccount('state-b', 'Right@2026');
    expect((await login('state-b', 'Right@2026', '127.0.0.72')).status).toBe(200);
    expect(await signInRecords('state-b', '127.0.0.72')).toEqual([{ pk: `C#${CID}#SIGNIN-ADDR#127.0.0.72`, sk: 'ADDR', failures: 0, failedSinceSignIn: undefined }]);
  });
});

describe('account names are one account whatever their case', () => {
  it.each(['COMMITTEE', 'Committee', ' committee '])('%s signs in as committee', async (username) => {
    const r = await h.call(identity.staffLogin, { body: { username, password: 'Qingnian@2026' }, from: '127.0.0.73' });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ name: '社区工作人员 陈静', roles: ['committee'] });
  });

  it('the password is not: the right password in another case is wrong', async () => {
    expect(isProblem(await login('committee', 'QINGNIAN@2026', '127.0.0.74'), 401)).toBe(true);
  });

  it('wrong passwords under any spelling count on the one lower-case account', async () => {
    await staffAccount('state-c', 'Right@2026');
    const spellings = ['STATE-C', 'State-C', 'state-c', 'sTaTe-c', 'STATE-c'];
    for (const [i, name] of spellings.entries()) expect((await login(name, `wrong-${i}`, '127.0.0.75')).status).toBe(401);
    expect(await signInRecords('state-c', '127.0.0.75')).toEqual([
      { pk: `C#${CID}#SIGNIN#state-c`, sk: 'ACCOUNT', failures: undefined, failedSinceSignIn: 5 },
      { pk: `C#${CID}#SIGNIN#state-c`, sk: 'ADDR#127.0.0.75', failures: 5, failedSinceSignIn: undefined },
      { pk: `C#${CID}#SIGNIN-ADDR#127.0.0.75`, sk: 'ADDR', failures: 5, failedSinceSignIn: undefined },
    ]);
    expect((await identityItems()).filter((i) => /#SIGNIN#state-c$/i.test(i.pk) && !i.pk.endsWith('#SIGNIN#state-c'))).toEqual([]);
    // and the sixth, under yet another spelling, waits like any other
    expect(isProblem(await login('State-c', 'Right@2026', '127.0.0.75'), 429)).toBe(true);
  });
});

describe('the local dev login', () => {
  it('takes the name after dev: without the spaces around it: one resident, however it is typed', async () => {
    const plain = await h.call(identity.wechatLogin, { body: { code: 'dev:空格居民' } });
    const spaced = await h.call(identity.wechatLogin, { body: { code: 'dev:  空格居民 ' } });
    expect(spaced.status).toBe(200);
    expect(spaced.body.user).toEqual(plain.body.user);
    expect(spaced.body.user.name).toBe('空格居民');
    expect(await getLogin(CID, 'wx', 'dev:空格居民')).toEqual({ userId: plain.body.user.id });
    expect(await getLogin(CID, 'wx', 'dev:  空格居民')).toBeUndefined();
  });

  it('is refused, saying why, when the dev login is off; an unknown community is told apart', async () => {
    process.env.GONGZHI_DEV_LOGIN = '0';
    try {
      const off = await h.call(identity.wechatLogin, { body: { code: 'dev:王建国' } });
      expect([off.status, off.body.detail]).toEqual([401, '开发登录未开启']);
    } finally {
      process.env.GONGZHI_DEV_LOGIN = '1';
    }
    const nowhere = await h.call(identity.wechatLogin, { body: { code: 'dev:王建国', communityId: 'no-such-place' } });
    expect([nowhere.status, nowhere.body.detail]).toEqual([404, '社区不存在']);
    const local = await h.call(identity.wechatLogin, { body: { code: '0a1B2c3D4e5F' } });
    expect(local.body).toMatchObject({ status: 401, title: '无法使用微信登录', detail: '本地运行未接入微信登录：请用开发登录（dev:姓名）' });
  });
});

describe('the loser of a first-sign-in race is cleaned up', () => {
  const usersNamed = async (name: string) => (await identityItems()).filter((i) => i.sk === 'USER' && i.name === name);
  const loginsOf = async (openid: string) => (await identityItems()).filter((i) => i.pk === `C#${CID}#LOGIN#wx#${openid}`);

  it('a user written for a login already taken is removed again, and the taken one is returned', async () => {
    const now = new Date().toISOString();
    const winner = { id: randomUUID(), communityId: CID, name: '抢先的居民', roles: ['resident' as const], createdAt: now };
    const loser = { ...winner, id: randomUUID() };
    expect(await createUserWithLogin(winner, { kind: 'wx', name: 'o-race-1' })).toEqual({ created: true, userId: winner.id });
    expect(await createUserWithLogin(loser, { kind: 'wx', name: 'o-race-1' })).toEqual({ created: false, userId: winner.id });
    expect(await getUser(CID, loser.id)).toBeUndefined();
    expect(await getUser(CID, winner.id)).toMatchObject({ id: winner.id, name: '抢先的居民' });
    expect(await getLogin(CID, 'wx', 'o-race-1')).toEqual({ userId: winner.id });
    expect((await usersNamed('抢先的居民')).map((u) => u.id)).toEqual([winner.id]);
  });

  it('ten simultaneous first sign-ins leave exactly one user and one login, the one every answer names', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call(identity.wechatLogin, { body: { code: 'dev:赛跑的居民' } })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const ids = new Set(answers.map((a) => a.body.user.id));
    expect(ids.size).toBe(1);
    const users = await usersNamed('赛跑的居民');
    expect(users.map((u) => u.id)).toEqual([...ids]);
    expect((await loginsOf('dev:赛跑的居民')).map((l) => l.userId)).toEqual([...ids]);
  });

  it('a steward who loses the race is not left in the stewards list either', async () => {
    const now = new Date().toISOString();
    const base = { communityId: CID, name: '赛跑的管家', roles: ['resident' as const, 'steward' as const], createdAt: now };
    const first = await createUserWithLogin({ ...base, id: randomUUID() }, { kind: 'wx', name: 'o-race-steward' });
    await createUserWithLogin({ ...base, id: randomUUID() }, { kind: 'wx', name: 'o-race-steward' });
    const stewards = await h.call(identity.listStewards, { token: await h.staff() });
    expect(stewards.body.items.filter((s: { name: string }) => s.name === '赛跑的管家')).toEqual([{ id: first.userId, name: '赛跑的管家' }]);
  });
});

describe('a WeChat outage', () => {
  const realFetch = globalThis.fetch;
  let wechat: (url: string) => Promise<Response>;
  beforeEach(() => {
    process.env.WECHAT_SECRET_ARN = 'arn:aws:secretsmanager:cn-north-1:000000000000:secret:gongzhi/wechat';
    jest.spyOn(SecretsManagerClient.prototype, 'send').mockImplementation(async () => ({ SecretString: JSON.stringify({ appId: 'wx-app', appSecret: 'secret' }) }));
    // Only WeChat is stood in for: the test's own requests to the local server pass through.
    jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return url.startsWith('https://api.weixin.qq.com/') ? wechat(url) : realFetch(input, init);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env.WECHAT_SECRET_ARN;
  });

  const exactly502 = {
    type: 'urn:gongzhi:problem:wechat-unavailable',
    title: '微信服务暂不可用',
    status: 502,
    detail: '微信登录服务暂不可用，请稍后再试',
    requestId: expect.any(String),
  };

  it.each([
    ['cannot be reached', () => Promise.reject(new TypeError('fetch failed'))],
    ['times out', () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))],
    ['answers 503', async () => new Response('busy', { status: 503 })],
    ['answers 500 with JSON', async () => new Response(JSON.stringify({ openid: 'o-should-not-count' }), { status: 500 })],
    ['answers an HTML error page with 200', async () => new Response('<html>系统繁忙</html>', { status: 200 })],
  ])('that %s is answered exactly 502 wechat-unavailable, and nothing is written', async (_, outage) => {
    wechat = outage;
    const before = await h.snapshot();
    const r = await h.call(identity.wechatLogin, { body: { code: '0a1B2c3D4e5F' } });
    expect(r.status).toBe(502);
    expect(isProblem(r, 502)).toBe(true);
    expect(r.body).toEqual(exactly502);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a code WeChat refuses is 401, not 502; a code it accepts signs in', async () => {
    wechat = async () => new Response(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }), { status: 200 });
    const refused = await h.call(identity.wechatLogin, { body: { code: 'used-code' } });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: 'urn:gongzhi:problem:unauthorized', detail: '微信登录凭证无效或已过期，请重试' });
    const asked: string[] = [];
    wechat = async (url) => {
      asked.push(url);
      return new Response(JSON.stringify({ openid: 'o-wechat-ok', session_key: 'never-kept' }), { status: 200 });
    };
    const ok = await h.call(identity.wechatLogin, { body: { code: 'good-code' } });
    expect(asked).toHaveLength(1);
    // WeChat is never waited on for long: the call carries a time limit
    const init = (globalThis.fetch as jest.Mock).mock.calls.find(([input]) => String(input).startsWith('https://api.weixin.qq.com/'))?.[1];
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ name: '微信居民', roles: ['resident'] });
    expect(await getLogin(CID, 'wx', 'o-wechat-ok')).toEqual({ userId: ok.body.user.id });
    expect(JSON.stringify(await identityItems())).not.toContain('never-kept');
  });
});
