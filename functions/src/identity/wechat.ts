import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { runningInLambda } from '../http/auth';
import { HttpProblem, unauthorized } from '../http/problem';

/** What a WeChat login proves: this openid, and the display name to create the user with. */
export interface WechatIdentity {
  openid: string;
  name?: string;
}

const DEV_CODE = /^dev:(.{1,20})$/u;

/**
 * The dev login (`dev:<name>`) exists for `npm start` and the tests only. It needs `GONGZHI_DEV_LOGIN=1` and is
 * impossible inside AWS Lambda whatever the environment says; the CDK stack never sets the variable.
 */
export const devLoginEnabled = (): boolean => process.env.GONGZHI_DEV_LOGIN === '1' && !runningInLambda();

let credentials: Promise<{ appId: string; appSecret: string }> | undefined;
const wechatCredentials = () => {
  credentials ??= (async () => {
    const arn = process.env.WECHAT_SECRET_ARN;
    if (!arn) throw new Error('WECHAT_SECRET_ARN is not set');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    const parsed = JSON.parse(out.SecretString ?? '{}') as { appId?: string; appSecret?: string };
    if (!parsed.appId || !parsed.appSecret) throw new Error('WeChat secret lacks appId/appSecret');
    return { appId: parsed.appId, appSecret: parsed.appSecret };
  })();
  credentials.catch(() => (credentials = undefined));
  return credentials;
};

/** Calls WeChat's code2Session. The session_key it returns is dropped here: it never leaves this function. */
const code2Session = async (code: string): Promise<WechatIdentity> => {
  const { appId, appSecret } = await wechatCredentials();
  const url = new URL('https://api.weixin.qq.com/sns/jscode2session');
  url.search = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
  const unavailable = () => new HttpProblem(502, 'wechat-unavailable', '微信服务暂不可用', '微信登录服务暂不可用，请稍后再试');
  let body: { openid?: string; errcode?: number };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw unavailable();
    body = (await res.json()) as typeof body;
  } catch (err) {
    throw err instanceof HttpProblem ? err : unavailable();
  }
  if (!body.openid) throw unauthorized('微信登录凭证无效或已过期，请重试');
  return { openid: body.openid };
};

/** Turns a login code into an identity: the dev path locally, WeChat in AWS. */
export const resolveWechatCode = async (code: string): Promise<WechatIdentity> => {
  const dev = DEV_CODE.exec(code);
  if (dev) {
    if (!devLoginEnabled()) throw unauthorized('开发登录未开启');
    const name = dev[1]!.trim();
    if (!name) throw unauthorized('请填写姓名');
    return { openid: `dev:${name}`, name };
  }
  return code2Session(code);
};
