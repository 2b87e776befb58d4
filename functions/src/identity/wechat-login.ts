import { randomUUID } from 'node:crypto';
import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { defaultCommunityId, sessionFor } from './sessions';
import { createUserWithLogin, getCommunity, getLogin, getUser } from './store';
import { resolveWechatCode } from './wechat';

/** A resident signs in from the mini-program; the first sign-in creates their user. */
export const wechatLogin: Handler<typeof identityApi.wechatLogin> = async ({ body }, { now }) => {
  const communityId = body.communityId ?? defaultCommunityId();
  if (!(await getCommunity(communityId))) throw notFound('社区不存在');
  const identity = await resolveWechatCode(body.code);
  // Most sign-ins are returning residents: read first, and write only for a first sign-in (the conditional
  // write still settles a race between two first sign-ins).
  const existing = await getLogin(communityId, 'wx', identity.openid);
  const userId =
    existing?.userId ??
    (
      await createUserWithLogin(
        { id: randomUUID(), communityId, name: identity.name ?? '微信居民', roles: ['resident'], createdAt: now.toISOString() },
        { kind: 'wx', name: identity.openid },
      )
    ).userId;
  const user = await getUser(communityId, userId);
  if (!user) throw new Error('login points at a missing user');
  return sessionFor(user, identity.openid);
};
