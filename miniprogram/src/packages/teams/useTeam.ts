import { useCallback, useEffect, useState } from 'react';
import type { Team } from '@shared/api/teams';
import { api, call, errorMessage } from '../../api';

/** Loads one team for its pages: loading and error state, `load` to refresh, `setTeam` after an action. */
export function useTeam(id: string, enabled: boolean) {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    if (!enabled) return;
    if (!id) {
      setError('没有指定要查看的舞队');
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      setTeam(await call(api.teams.getTeam, { params: { id } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [id, enabled]);

  useEffect(() => {
    void load();
  }, [load]);

  return { team, setTeam, error, loading, load };
}
