import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { toUser } from './sessions';
import { getUser } from './store';

export const me: Handler<typeof identityApi.me> = async (_input, { principal }) => {
  const user = await getUser(principal.communityId, principal.userId);
  if (!user) throw notFound('用户不存在');
  return toUser(user);
};

export const health: Handler<typeof identityApi.health> = async (_input, { now }) => ({ status: 'ok', time: now.toISOString() });
