import type { teamsApi } from '../../../shared/api/teams';
import type { Handler } from '../http/route';
import { membersTeam } from './access';
import { leaderStays } from './problems';
import { deleteMember, removeFromRoster } from './store';

/** A member leaves the team: off the roster first, then their details. The leader stays (409). */
export const leaveTeam: Handler<typeof teamsApi.leaveTeam> = async ({ params }, { principal }) => {
  const team = await membersTeam(principal, params.id);
  if (team.leaderId === principal.userId) throw leaderStays();
  await removeFromRoster(principal.communityId, team.id, principal.userId);
  await deleteMember(principal.communityId, team.id, principal.userId);
  return { left: true as const };
};
