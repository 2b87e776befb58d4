import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let credentials: Promise<{ appId: string; appSecret: string }> | undefined;

/**
 * The mini-program's app id and secret, from Secrets Manager (`WECHAT_SECRET_ARN`), read once per cold start.
 * Shared by sign-in (code2Session) and notifications (subscription messages).
 */
export const wechatCredentials = () => {
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
