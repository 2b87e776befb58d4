import type { Session } from '../../../shared/api/identity';
import { issueToken, TOKEN_TTL_SECONDS } from '../http/auth';
import type { UserItem } from './store';

export const toUser = (u: UserItem) => ({ id: u.id, communityId: u.communityId, name: u.name, roles: u.roles });

/** A signed-in session for a user: our own short-lived JWT, never WeChat's session key. */
export const sessionFor = async (u: UserItem, openid?: string): Promise<Session> => ({
  token: await issueToken({ userId: u.id, communityId: u.communityId, name: u.name, roles: u.roles, ...(openid ? { openid } : {}) }),
  expiresIn: TOKEN_TTL_SECONDS,
  user: toUser(u),
});

/** The community a login belongs to when the client does not say: the one this deployment serves first. */
export const defaultCommunityId = (): string => process.env.DEFAULT_COMMUNITY_ID ?? 'baogong-qingnian';
