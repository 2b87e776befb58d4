import { tokenKeys } from '../../functions/src/http/token-keys';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims of a well-formed token for the demo community, to be varied one at a time. */
export const goodClaims = () => {
  const iat = Math.floor(Date.now() / 1000);
  return { sub: 'user-1', cid: 'baogong-qingnian', name: '测试', roles: ['admin'], iss: 'gongzhi', aud: 'gongzhi-api', iat, exp: iat + 600 };
};

/** A token over exactly these claims and header, signed with this process's real token key. */
export const signClaims = async (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'ES256', typ: 'JWT' }) => {
  const input = `${b64url(header)}.${b64url(claims)}`;
  const signature = await tokenKeys().sign(Buffer.from(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
};
