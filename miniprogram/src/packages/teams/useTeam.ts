import { call } from '../../api';
import { useLoaded } from '../../components/useLoaded';
import { teamsApi } from '@shared/api/teams';

/** Loads one team for its pages: loading and error state, `load` to refresh, `setTeam` after an action. */
export function useTeam(id: string, enabled: boolean) {
  const { data: team, setData: setTeam, error, loading, load } = useLoaded(enabled ? () => call(teamsApi.getTeam, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定要查看的舞队',
  });
  return { team, setTeam, error, loading, load };
}
