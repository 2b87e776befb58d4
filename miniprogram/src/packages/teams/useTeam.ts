import { api, call } from '../../api';
import { useLoaded } from '../../components/useLoaded';

/** Loads one team for its pages: loading and error state, `load` to refresh, `setTeam` after an action. */
export function useTeam(id: string, enabled: boolean) {
  const { data: team, setData: setTeam, error, loading, load } = useLoaded(enabled ? () => call(api.teams.getTeam, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定要查看的舞队',
  });
  return { team, setTeam, error, loading, load };
}
