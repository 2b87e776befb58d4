import type { teamsApi } from '../../../shared/api/teams';
import type { Handler } from '../http/route';
import { teamNotFound, teamPage, viewerOf } from './access';
import { getTeam as readTeam } from './store';

/**
 * A team's page: for its leader, its members and the committee; anyone else is told it does not exist. What
 * each sees differs (phone numbers, the invite code, staff notes): present.ts.
 */
export const getTeam: Handler<typeof teamsApi.getTeam> = async ({ params }, { principal, now }) => {
  const team = await readTeam(principal.communityId, params.id);
  const viewer = team && viewerOf(team, principal);
  if (!viewer) throw teamNotFound();
  return teamPage(principal.communityId, params.id, viewer, now);
};
