import type { KeyObject } from 'node:crypto';
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
 * Tokens this process has verified, with what they said. An ECDSA check costs more CPU than the rest of a
 * request's stack together (the bench's in-process phase), and a Lambda instance sees the same caller's token
 * request after request; the exact token string (signature included) was verified with this very key, so its answer
 * stands until its `exp`. Bounded; forgotten when the key changes.
 */
const VERIFIED_TOKENS_MAX = 1000;
let verified: { key: KeyObject; tokens: Map<string, { principal: Principal; exp: number }> } | undefined;
const verifiedTokens = (key: KeyObject) => {
  if (verified?.key !== key) verified = { key, tokens: new Map() };
  return verified.tokens;
};
const remember = (token: string, principal: Principal, exp: number) => {
  const tokens = verified!.tokens;
  if (tokens.size >= VERIFIED_TOKENS_MAX) tokens.delete(tokens.keys().next().value!);
  tokens.set(token, { principal: { ...principal, roles: [...principal.roles] }, exp });
};

/**
 * Verifies `Authorization: Bearer <jwt>`: ES256 only, our issuer and audience, and `sub`, `iat` and `exp` must be
 * present (a token without an expiry would be valid forever). Every failure is a 401 that says only what the
 * caller can fix.
 */
export const authenticate = async (authorization: string | undefined): Promise<Principal> => {
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw unauthorized('请先登录');
  const token = match[1];
  const key = await tokenKeys().publicKey();
  const known = verifiedTokens(key).get(token);
  if (known && known.exp > Math.floor(Date.now() / 1000)) return { ...known.principal, roles: [...known.principal.roles] };
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    const { sub, cid, name, oid } = payload;
    if (typeof sub !== 'string' || typeof cid !== 'string' || typeof name !== 'string' || !roles.every((r) => ROLES.includes(r)))
      throw unauthorized('登录凭证无效，请重新登录');
    const principal = { userId: sub, communityId: cid, name, roles: roles as Role[], ...(typeof oid === 'string' ? { openid: oid } : {}) };
    remember(token, principal, payload.exp!);
    return principal;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw unauthorized('登录已过期，请重新登录');
    if (err instanceof joseErrors.JOSEError) throw unauthorized('登录凭证无效，请重新登录');
    throw err;
  }
};
