import { DEV_CODE_PREFIX } from '../../../shared/api/identity';
import { runningInLambda } from '../http/auth';
import { wechatCredentials } from '../wechat/credentials';
import { HttpProblem, unauthorized } from '../http/problem';

/** What a WeChat login proves: this openid, and the display name to create the user with. */
export interface WechatIdentity {
  openid: string;
  name?: string;
}

/**
 * The dev login (`dev:<name>`) exists for `npm start` and the tests only. It needs `GONGZHI_DEV_LOGIN=1` and is
 * impossible inside AWS Lambda whatever the environment says; the CDK stack never sets the variable.
 */
export const devLoginEnabled = (): boolean => process.env.GONGZHI_DEV_LOGIN === '1' && !runningInLambda();

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

/** Where WeChat is not set up (a local run), a real code cannot be exchanged: the caller is told so, not a 500. */
const wechatNotConfigured = () =>
  new HttpProblem(401, 'wechat-login-unavailable', '无法使用微信登录', '本地运行未接入微信登录：请用开发登录（dev:姓名）');

/**
 * Turns a login code into an identity: the dev path locally, WeChat in AWS. The contract has already checked
 * the code's shape (`dev:` + a name of 1–20 visible characters, or a printable WeChat code).
 */
export const resolveWechatCode = async (code: string): Promise<WechatIdentity> => {
  if (code.startsWith(DEV_CODE_PREFIX)) {
    if (!devLoginEnabled()) throw unauthorized('开发登录未开启');
    const name = code.slice(DEV_CODE_PREFIX.length).trim();
    return { openid: `${DEV_CODE_PREFIX}${name}`, name };
  }
  if (!process.env.WECHAT_SECRET_ARN && !runningInLambda()) throw wechatNotConfigured();
  return code2Session(code);
};
