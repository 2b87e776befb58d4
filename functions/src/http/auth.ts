import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '../../../shared/roles';
import { unauthorized } from './problem';

/** Who is calling, as the token says. */
export interface Principal {
  userId: string;
  communityId: string;
  /** Display name, so a use case can sign what it writes without asking the identity context. */
  name: string;
  roles: Role[];
}

const ISSUER = 'gongzhi';
const AUDIENCE = 'gongzhi-api';
/** Access tokens are short-lived; the mini-program signs in again with a fresh wx.login code. */
export const TOKEN_TTL_SECONDS = 2 * 60 * 60;

const LOCAL_DEV_SECRET = 'gongzhi-local-development-secret-not-for-aws';

/** True inside AWS Lambda: the runtime always sets this, and nothing local does. */
export const runningInLambda = (): boolean => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

let secretPromise: Promise<Uint8Array> | undefined;

/** The HMAC key: from Secrets Manager in AWS (fetched once per cold start), a fixed key only when local. */
const signingKey = (): Promise<Uint8Array> => {
  secretPromise ??= (async () => {
    const arn = process.env.JWT_SECRET_ARN;
    if (arn) {
      const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
      if (!out.SecretString) throw new Error('JWT secret is empty');
      return new TextEncoder().encode(out.SecretString);
    }
    if (process.env.JWT_SECRET) return new TextEncoder().encode(process.env.JWT_SECRET);
    if (runningInLambda()) throw new Error('JWT_SECRET_ARN is not set');
    return new TextEncoder().encode(LOCAL_DEV_SECRET);
  })();
  secretPromise.catch(() => (secretPromise = undefined));
  return secretPromise;
};

export const issueToken = async (p: Principal, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> =>
  new SignJWT({ cid: p.communityId, name: p.name, roles: p.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(p.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await signingKey());

/** Verifies `Authorization: Bearer <jwt>`; every failure is a 401 that says only what the caller can fix. */
export const authenticate = async (authorization: string | undefined): Promise<Principal> => {
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw unauthorized('请先登录');
  try {
    const { payload } = await jwtVerify(match[1], await signingKey(), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    const { sub, cid, name } = payload;
    if (typeof sub !== 'string' || typeof cid !== 'string' || typeof name !== 'string' || !roles.every((r) => ROLES.includes(r)))
      throw unauthorized('登录凭证无效，请重新登录');
    return { userId: sub, communityId: cid, name, roles: roles as Role[] };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('登录已过期，请重新登录');
    if (err instanceof joseErrors.JOSEError) throw unauthorized('登录凭证无效，请重新登录');
    throw err;
  }
};
