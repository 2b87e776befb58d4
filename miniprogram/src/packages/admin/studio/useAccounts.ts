import { useEffect, useState } from 'react';
import { identityApi } from '@shared/api/identity';
import { staffCall } from '../../../api';

export interface Account {
  id: string;
  name: string;
}

/**
 * The accounts an old secretary can be linked to: the community's red stewards and old secretaries (the steward
 * role), by name — the same list the secretary and seat forms pick from. Read once per page; `null` while loading,
 * and an empty list when it cannot be read (the form then offers no link, and the card says only 已关联).
 */
let accounts: Promise<Account[]> | undefined;
export const useAccounts = (): Account[] | null => {
  const [got, setGot] = useState<Account[] | null>(null);
  useEffect(() => {
    accounts ??= staffCall(identityApi.listStewards).then(
      (s) => s.items,
      () => {
        accounts = undefined;
        return [];
      },
    );
    let live = true;
    void accounts.then((a) => live && setGot(a));
    return () => {
      live = false;
    };
  }, []);
  return got;
};
