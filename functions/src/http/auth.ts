import { jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '../../../shared/roles';
import { unauthorized } from './problem';
import { tokenKeys } from './token-keys';

export { runningInLambda } from './token-keys';

/** Who is calling, as the token says. */
export interface Principal {
  userId: string;
  communityId: string;
  /** Display name, so a use case can sign what it writes without asking the identity context. */
  name: string;
  roles: Role[];
  /** The WeChat openid of a resident signed in through WeChat: where their subscription messages go. */
  openid?: string;
}

const ISSUER = 'gongzhi';
const AUDIENCE = 'gongzhi-api';
/**
 * Access tokens are short-lived; the mini-program signs in again with a fresh wx.login code. A token stays valid
 * until it expires even if its user is removed meanwhile (no per-request user lookup): at most this long.
 */
export const TOKEN_TTL_SECONDS = 2 * 60 * 60;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Mints an ES256 access token. Only contexts allowed to sign (identity) can: elsewhere `kms:Sign` is denied. */
export const issueToken = async (p: Principal, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> => {
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    sub: p.userId,
    cid: p.communityId,
    name: p.name,
    roles: p.roles,
    ...(p.openid ? { oid: p.openid } : {}),
    iss: ISSUER,
    aud: AUDIENCE,
    iat,
    exp: iat + ttlSeconds,
  };
  const input = `${b64url({ alg: 'ES256', typ: 'JWT' })}.${b64url(claims)}`;
  const signature = await tokenKeys().sign(Buffer.from(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
};

/**
 * Verifies `Authorization: Bearer <jwt>`: ES256 only, our issuer and audience, and `sub`, `iat` and `exp` must be
 * present (a token without an expiry would be valid forever). Every failure is a 401 that says only what the
 * caller can fix.
 */
export const authenticate = async (authorization: string | undefined): Promise<Principal> => {
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw unauthorized('请先登录');
  try {
    const { payload } = await jwtVerify(match[1], await tokenKeys().publicKey(), {
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    const { sub, cid, name, oid } = payload;
    if (typeof sub !== 'string' || typeof cid !== 'string' || typeof name !== 'string' || !roles.every((r) => ROLES.includes(r)))
      throw unauthorized('登录凭证无效，请重新登录');
    return { userId: sub, communityId: cid, name, roles: roles as Role[], ...(typeof oid === 'string' ? { openid: oid } : {}) };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('登录已过期，请重新登录');
    if (err instanceof joseErrors.JOSEError) throw unauthorized('登录凭证无效，请重新登录');
    throw err;
  }
};
