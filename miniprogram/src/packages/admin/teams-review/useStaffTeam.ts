import { useCallback, useEffect, useState } from 'react';
import type { Team } from '@shared/api/teams';
import { errorMessage, staffCall } from '../../../api';
import { teamsApi } from '@shared/api/teams';

/** Loads one team as the committee sees it (phone numbers whole), with `load` to read it again. */
export function useStaffTeam(id: string) {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    if (!id) {
      setError('没有指定要查看的舞队');
      return;
    }
    setError(undefined);
    try {
      setTeam(await staffCall(teamsApi.getTeam, { params: { id } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  return { team, setTeam, error, load };
}
