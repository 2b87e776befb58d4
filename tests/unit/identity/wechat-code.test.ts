/**
 * WeChat's code2Session cannot be reached from here, so this is the one place that stands in for it (and for
 * Secrets Manager): it checks what we send WeChat and what we keep of its answer.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { resolveWechatCode } from '../../../functions/src/identity/wechat';
import { HttpProblem } from '../../../functions/src/http/problem';

const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let fetchSpy: jest.SpyInstance;
beforeEach(() => {
  process.env.WECHAT_SECRET_ARN = 'arn:aws:secretsmanager:cn-north-1:000000000000:secret:gongzhi/wechat';
  jest
    .spyOn(SecretsManagerClient.prototype, 'send')
    .mockImplementation(async () => ({ SecretString: JSON.stringify({ appId: 'wx-app-id', appSecret: 'app-secret' }) }));
  fetchSpy = jest.spyOn(globalThis, 'fetch');
});
afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.WECHAT_SECRET_ARN;
});

describe('a wx.login code', () => {
  it('is exchanged with code2Session using the credentials from Secrets Manager', async () => {
    fetchSpy.mockResolvedValue(answer({ openid: 'o-resident-1', session_key: 'SECRET-SESSION-KEY' }));
    const identity = await resolveWechatCode('0a1B2c3D');
    const url = new URL(String(fetchSpy.mock.calls[0]![0]));
    expect(`${url.origin}${url.pathname}`).toBe('https://api.weixin.qq.com/sns/jscode2session');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: 'wx-app-id',
      secret: 'app-secret',
      js_code: '0a1B2c3D',
      grant_type: 'authorization_code',
    });
    expect(identity).toEqual({ openid: 'o-resident-1' });
    expect(JSON.stringify(identity)).not.toContain('SECRET-SESSION-KEY');
  });

  it('that WeChat refuses (expired, used twice) answers 401', async () => {
    fetchSpy.mockResolvedValue(answer({ errcode: 40029, errmsg: 'invalid code' }));
    await expect(resolveWechatCode('used-code')).rejects.toMatchObject({ status: 401 });
  });

  it('answers 502 when WeChat cannot be reached or fails', async () => {
    fetchSpy.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(resolveWechatCode('code-1')).rejects.toMatchObject({ status: 502, slug: 'wechat-unavailable' });
    fetchSpy.mockResolvedValueOnce(answer({}, 503));
    await expect(resolveWechatCode('code-2')).rejects.toMatchObject({ status: 502, slug: 'wechat-unavailable' });
    fetchSpy.mockResolvedValueOnce(new Response('<html>', { status: 200 }));
    await expect(resolveWechatCode('code-3')).rejects.toBeInstanceOf(HttpProblem);
  });

  it('where WeChat is not set up (a local run) is refused with a 401 that says so, without calling WeChat', async () => {
    delete process.env.WECHAT_SECRET_ARN;
    await expect(resolveWechatCode('0a1B2c3D')).rejects.toMatchObject({ status: 401, slug: 'wechat-login-unavailable' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('is never taken for a dev login when the dev login is off', async () => {
    process.env.GONGZHI_DEV_LOGIN = '0';
    try {
      await expect(resolveWechatCode('dev:王建国')).rejects.toMatchObject({ status: 401 });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      process.env.GONGZHI_DEV_LOGIN = '1';
    }
  });
});
