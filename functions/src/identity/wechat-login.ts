import { randomUUID } from 'node:crypto';
import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { defaultCommunityId, sessionFor } from './sessions';
import { createUserWithLogin, getCommunity, getUser } from './store';
import { resolveWechatCode } from './wechat';

/** A resident signs in from the mini-program; the first sign-in creates their user. */
export const wechatLogin: Handler<typeof identityApi.wechatLogin> = async ({ body }, { now }) => {
  const communityId = body.communityId ?? defaultCommunityId();
  if (!(await getCommunity(communityId))) throw notFound('社区不存在');
  const identity = await resolveWechatCode(body.code);
  const newUser = {
    id: randomUUID(),
    communityId,
    name: identity.name ?? '微信居民',
    roles: ['resident' as const],
    createdAt: now.toISOString(),
  };
  const { userId } = await createUserWithLogin(newUser, { kind: 'wx', name: identity.openid });
  const user = await getUser(communityId, userId);
  if (!user) throw new Error('login points at a missing user');
  return sessionFor(user);
};
