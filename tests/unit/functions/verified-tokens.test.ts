/**
 * A token verified once is not checked with ECDSA again in the same process (the bench showed the check costing
 * more than the rest of the request's stack), but it still expires on time and never outlives the key.
 */
import { authenticate, issueToken } from '../../../functions/src/http/auth';
import { newTokenPrivateKeyPem } from '../../../functions/src/http/token-keys';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  jest.useRealTimers();
});

const principal = { userId: 'u-1', communityId: 'baogong-qingnian', name: '王建国', roles: ['resident' as const] };

describe('verified tokens', () => {
  it('answer the same caller again without being trusted blindly: a changed copy is not kept', async () => {
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    const token = await issueToken(principal);
    const first = await authenticate(`Bearer ${token}`);
    first.roles.push('admin');
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
  });

  it('still expire: a remembered token is refused once its exp has passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    const token = await issueToken(principal, 60);
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
    jest.setSystemTime(new Date('2026-11-27T10:01:00Z'));
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ status: 401, detail: '登录已过期，请重新登录' });
  });

  it('are forgotten with the key: a token remembered under one key is refused under another', async () => {
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    const token = await issueToken(principal);
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ status: 401 });
  });

  it('are only ever the exact string: one character changed is checked, and refused', async () => {
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    const token = await issueToken(principal);
    await authenticate(`Bearer ${token}`);
    const [h, p, s] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['admin'] })).toString('base64url');
    await expect(authenticate(`Bearer ${h}.${other}.${s}`)).rejects.toMatchObject({ status: 401 });
  });
});
