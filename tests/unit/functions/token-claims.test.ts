/**
 * Each claim an access token must carry is checked on its own (issue 11: an unchecked audience went unnoticed):
 * tokens that differ from a good one in that claim alone are refused with the exact 401, and the good one
 * gives exactly the caller it names. Tokens are signed with this process's real key.
 */
import { authenticate, issueToken, TOKEN_TTL_SECONDS } from '../../../functions/src/http/auth';
import { newTokenPrivateKeyPem } from '../../../functions/src/http/token-keys';
import { goodClaims, signClaims } from '../../support/tokens';

const saved = { ...process.env };
beforeAll(() => {
  process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
});
afterAll(() => {
  process.env = { ...saved };
});

const INVALID = { status: 401, slug: 'unauthorized', detail: '登录凭证无效，请重新登录' };

describe('the claims of an access token', () => {
  it('a good token names its caller exactly', async () => {
    const claims = { ...goodClaims(), roles: ['committee'], oid: 'o-wechat-1' };
    expect(await authenticate(`Bearer ${await signClaims(claims)}`)).toEqual({
      userId: 'user-1',
      communityId: 'baogong-qingnian',
      name: '测试',
      roles: ['committee'],
      openid: 'o-wechat-1',
    });
  });

  it.each([
    ['audience', { aud: 'gongzhi-admin' }],
    ['audience as a list without ours', { aud: ['another-api'] }],
    ['issuer', { iss: 'gongzhi-staging' }],
    ['subject that is not a string', { sub: 42 }],
    ['community that is not a string', { cid: ['baogong-qingnian'] }],
    ['name that is missing', { name: undefined }],
    ['role unknown', { roles: ['resident', 'root'] }],
  ])('another %s is refused', async (_, change) => {
    const token = await signClaims({ ...goodClaims(), ...change });
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject(INVALID);
  });

  it('an audience list that includes ours is accepted (RFC 7519 allows a list)', async () => {
    const token = await signClaims({ ...goodClaims(), aud: ['another-api', 'gongzhi-api'] });
    await expect(authenticate(`Bearer ${token}`)).resolves.toMatchObject({ userId: 'user-1' });
  });

  it.each(['sub', 'iat', 'exp', 'aud', 'iss'])('a token without %s is refused', async (claim) => {
    const { [claim as keyof ReturnType<typeof goodClaims>]: _dropped, ...rest } = goodClaims();
    await expect(authenticate(`Bearer ${await signClaims(rest)}`)).rejects.toMatchObject({ status: 401 });
  });

  it('a token without roles is a caller with none', async () => {
    const { roles: _none, ...rest } = goodClaims();
    expect((await authenticate(`Bearer ${await signClaims(rest)}`)).roles).toEqual([]);
  });

  it('an expired token is told to sign in again', async () => {
    const iat = Math.floor(Date.now() / 1000) - 7200;
    await expect(authenticate(`Bearer ${await signClaims({ ...goodClaims(), iat, exp: iat + 60 })}`)).rejects.toMatchObject({
      status: 401,
      detail: '登录已过期，请重新登录',
    });
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer abc.def.ghi', 'Bearer a b'])('authorization %j asks to sign in', async (header) => {
    await expect(authenticate(header)).rejects.toMatchObject({ status: 401, detail: '请先登录' });
  });

  it('our own tokens carry exactly these claims, for two hours', async () => {
    const token = await issueToken({ userId: 'u-9', communityId: 'baogong-qingnian', name: '王建国', roles: ['resident'], openid: 'o-9' });
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(payload).toEqual({
      sub: 'u-9',
      cid: 'baogong-qingnian',
      name: '王建国',
      roles: ['resident'],
      oid: 'o-9',
      iss: 'gongzhi',
      aud: 'gongzhi-api',
      iat: expect.any(Number),
      exp: payload.iat + 2 * 60 * 60,
    });
    expect(TOKEN_TTL_SECONDS).toBe(7200);
    const plain = await issueToken({ userId: 'u-8', communityId: 'baogong-qingnian', name: '李秀英', roles: ['resident'] });
    expect(JSON.parse(Buffer.from(plain.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('oid');
  });
});
