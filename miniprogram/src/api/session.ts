import Taro from '@tarojs/taro';
import type { Session, User } from '../../../shared/api/identity';
import { isStaff } from '../../../shared/roles';

/**
 * Who is signed in. Residents and committee staff keep separate sessions ("realms"), so a staff member who
 * opens the admin page in the same browser does not sign the resident out, and each 401 knows where to go.
 */
export type Realm = 'resident' | 'staff';

export interface StoredSession {
  token: string;
  user: User;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const KEY: Record<Realm, string> = { resident: 'gongzhi.session.resident', staff: 'gongzhi.session.staff' };

export const LOGIN_PAGE: Record<Realm, string> = {
  resident: '/pages/login/index',
  staff: '/packages/admin/login/index',
};

export const saveSession = (realm: Realm, session: Session): StoredSession => {
  const stored: StoredSession = {
    token: session.token,
    user: session.user,
    expiresAt: Date.now() + session.expiresIn * 1000,
  };
  Taro.setStorageSync(KEY[realm], stored);
  return stored;
};

/** The stored session, or null when there is none or it has expired. */
export const getSession = (realm: Realm): StoredSession | null => {
  let stored: StoredSession | '' | undefined;
  try {
    stored = Taro.getStorageSync(KEY[realm]) as StoredSession | '';
  } catch {
    return null;
  }
  if (!stored || typeof stored !== 'object' || !stored.token) return null;
  if (stored.expiresAt && stored.expiresAt <= Date.now()) {
    clearSession(realm);
    return null;
  }
  if (realm === 'staff' && !isStaff(stored.user.roles)) return null;
  return stored;
};

export const clearSession = (realm: Realm): void => {
  try {
    Taro.removeStorageSync(KEY[realm]);
  } catch {
    /* storage unavailable: nothing to clear */
  }
};

/** Sends the person to the login page of their realm; the page they were on is replaced. */
export const goToLogin = (realm: Realm): void => {
  void Taro.reLaunch({ url: LOGIN_PAGE[realm] });
};

/** For pages that need a session: returns it, or sends the person to log in and returns null. */
export const requireSession = (realm: Realm): StoredSession | null => {
  const s = getSession(realm);
  if (!s) goToLogin(realm);
  return s;
};
