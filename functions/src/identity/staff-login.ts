import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { tooManyRequests, unauthorized } from '../http/problem';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { defaultCommunityId, sessionFor } from './sessions';
import { clearFailedLogins, getLogin, getUser, lockLogin, recordFailedLogin } from './store';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

const wrongCredentials = () => unauthorized('账号或密码错误');

/** Committee staff sign in to the admin page. Five wrong passwords lock the account for 15 minutes. */
export const staffLogin: Handler<typeof identityApi.staffLogin> = async ({ body }, { now }) => {
  const communityId = body.communityId ?? defaultCommunityId();
  const username = body.username.toLowerCase();
  const login = await getLogin(communityId, 'staff', username);
  if (!login?.passwordHash) {
    await verifyPassword(body.password, DUMMY_HASH); // same cost as a real check: timing does not reveal accounts
    throw wrongCredentials();
  }
  if (login.lockedUntil && new Date(login.lockedUntil) > now) {
    const minutes = Math.ceil((new Date(login.lockedUntil).getTime() - now.getTime()) / 60000);
    throw tooManyRequests('account-locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  if (!(await verifyPassword(body.password, login.passwordHash))) {
    const failures = await recordFailedLogin(communityId, username);
    if (failures >= MAX_FAILED_ATTEMPTS) {
      await lockLogin(communityId, username, new Date(now.getTime() + LOCKOUT_MINUTES * 60000));
      throw tooManyRequests('account-locked', `登录失败次数过多，账号已锁定，请 ${LOCKOUT_MINUTES} 分钟后再试`);
    }
    throw wrongCredentials();
  }
  if (login.failedAttempts || login.lockedUntil) await clearFailedLogins(communityId, username);
  const user = await getUser(communityId, login.userId);
  if (!user) throw wrongCredentials();
  return sessionFor(user);
};
