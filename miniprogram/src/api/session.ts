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

/** Where each realm lands after signing in when it was not on its way anywhere. */
export const HOME_PAGE: Record<Realm, string> = {
  resident: '/pages/home/index',
  staff: '/packages/admin/queue/index',
};

/** Taro's own parameters on a page (a cache-busting stamp): not part of where the person was going. */
const OWN_PARAMS = new Set(['stamp', '$taroTimestamp']);

/** A page and its parameters as one address: `/pages/feedback/detail/index?id=…`. */
export const pageAddress = (route: string, params: Record<string, string | undefined> = {}): string => {
  const path = `/${route.replace(/^\/+/, '').split('?')[0]}`;
  const query = Object.entries(params)
    .filter(([k, v]) => v !== undefined && !OWN_PARAMS.has(k))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
};

/**
 * Where to go after signing in, if `returnTo` is a page of this app the realm may return to: a page address only
 * (never another site), not a login page. Anything else lands on the realm's home.
 */
export const afterSignIn = (realm: Realm, returnTo: string | undefined): string => {
  if (!returnTo) return HOME_PAGE[realm];
  let address: string;
  try {
    address = decodeURIComponent(returnTo);
  } catch {
    return HOME_PAGE[realm];
  }
  const path = address.split('?')[0]!;
  const ours = /^\/(pages|packages)\/[a-z0-9-]+(\/[a-z0-9-]+)*\/index$/.test(path);
  const login = Object.values(LOGIN_PAGE).includes(path);
  const staffOnly = path.startsWith('/packages/admin/');
  if (!ours || login || (realm === 'resident' && staffOnly) || (realm === 'staff' && !staffOnly)) return HOME_PAGE[realm];
  return address;
};

/** The page shown now, as an address (empty outside a page, e.g. in tests). */
const currentAddress = (): string | undefined => {
  const router = Taro.getCurrentInstance().router;
  return router?.path ? pageAddress(router.path, router.params) : undefined;
};

/**
 * Sends the person to the login page of their realm; the page they were on is replaced, and is where the login
 * page sends them back (a deep link, or a page whose session expired mid-way).
 */
export const goToLogin = (realm: Realm): void => {
  const here = currentAddress();
  const back = here && afterSignIn(realm, here) === here && here !== HOME_PAGE[realm] ? `?returnTo=${encodeURIComponent(here)}` : '';
  void Taro.reLaunch({ url: `${LOGIN_PAGE[realm]}${back}` });
};

/** For pages that need a session: returns it, or sends the person to log in and returns null. */
export const requireSession = (realm: Realm): StoredSession | null => {
  const s = getSession(realm);
  if (!s) goToLogin(realm);
  return s;
};
