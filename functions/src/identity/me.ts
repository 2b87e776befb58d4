import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { unauthorized } from '../http/problem';
import { toUser } from './sessions';
import { getUser } from './store';

/**
 * The signed-in person. A token whose user no longer exists answers 401 here, so the app signs out; other
 * routes trust the token until it expires (TOKEN_TTL_SECONDS), without a lookup per request.
 */
export const me: Handler<typeof identityApi.me> = async (_input, { principal }) => {
  const user = await getUser(principal.communityId, principal.userId);
  if (!user) throw unauthorized('账号已不存在，请重新登录');
  return toUser(user);
};

export const health: Handler<typeof identityApi.health> = async (_input, { now }) => ({ status: 'ok', time: now.toISOString() });
