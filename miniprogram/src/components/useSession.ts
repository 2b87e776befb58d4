import { useEffect, useState } from 'react';
import { getSession, goToLogin, type Realm, type StoredSession } from '../api/session';

/** The session of a realm for a page that needs one; without one, the person is sent to log in. */
export function useSession(realm: Realm): StoredSession | null {
  const [session] = useState(() => getSession(realm));
  useEffect(() => {
    if (!session) goToLogin(realm);
  }, [realm, session]);
  return session;
}
