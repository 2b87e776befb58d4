import type { teamsApi } from '../../../shared/api/teams';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { leadersTeam, teamPage } from './access';
import { leaderStays } from './problems';
import { deleteMember, removeFromRoster } from './store';

/**
 * Its leader removes a member: off the roster first (one conditional write), then their details. Their past
 * activities still count in the team's hours.
 */
export const removeTeamMember: Handler<typeof teamsApi.removeTeamMember> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (body.memberId === team.leaderId) throw leaderStays();
  if (!team.memberIds.includes(body.memberId)) throw notFound('队员不存在');
  // refused only when someone removed them meanwhile: either way they are off the roster now
  await removeFromRoster(cid, team.id, body.memberId);
  await deleteMember(cid, team.id, body.memberId);
  return teamPage(cid, team.id, 'leader', now);
};
