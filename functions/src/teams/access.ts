import type { Team } from '../../../shared/api/teams';
import { isStaff } from '../../../shared/roles';
import { chinaDate } from '../feedback/china-time';
import type { Principal } from '../http/auth';
import { forbidden, notFound } from '../http/problem';
import { presentTeam, type Viewer } from './present';
import { currentRules, getTeam, getVenue, readTeamPartition, type TeamItem } from './store';

/**
 * Object-level checks: the route table lets residents (or staff) in; these decide which team is whose. A team
 * the caller may not see does not exist for them (404), so ids cannot be probed; a member who may see the team
 * but tries a leader's act is told so (403).
 */
export const teamNotFound = () => notFound('舞队不存在');

/** How the caller sees the team, or undefined when they may not see it at all. */
export const viewerOf = (t: Pick<TeamItem, 'leaderId' | 'memberIds'>, principal: Pick<Principal, 'userId' | 'roles'>): Viewer | undefined => {
  if (t.leaderId === principal.userId) return 'leader';
  if (isStaff(principal.roles)) return 'committee';
  if (t.memberIds.includes(principal.userId)) return 'member';
  return undefined;
};

/** The team, if the caller leads it: 404 for strangers, 403 for its members. */
export const leadersTeam = async (principal: Principal, id: string): Promise<TeamItem> => {
  const team = await getTeam(principal.communityId, id);
  const viewer = team && viewerOf(team, principal);
  if (!team || !viewer) throw teamNotFound();
  if (viewer !== 'leader') throw forbidden('只有队长可以进行此操作');
  return team;
};

/** The team, if the caller belongs to it (the leader included): 404 otherwise. */
export const membersTeam = async (principal: Principal, id: string): Promise<TeamItem> => {
  const team = await getTeam(principal.communityId, id);
  if (!team || !team.memberIds.includes(principal.userId)) throw teamNotFound();
  return team;
};

/**
 * The team's page as `viewer` sees it: its partition (team, members, activities, sessions, complaints), the rules
 * in force and the venue's current name, read together.
 */
export const teamPage = async (cid: string, id: string, viewer: Viewer, now: Date): Promise<Team> => {
  const [partition, rules] = await Promise.all([readTeamPartition(cid, id), currentRules(cid)]);
  if (!partition) throw teamNotFound();
  const venue = await getVenue(cid, partition.team.venueId);
  return presentTeam(partition, viewer, { rules, venueName: venue?.name, today: chinaDate(now), now });
};

/** The page for whoever the caller is to this team (after an act that may have changed what they see). */
export const pageFor = (principal: Principal, team: TeamItem, now: Date): Promise<Team> => {
  const viewer = viewerOf(team, principal);
  if (!viewer) throw teamNotFound();
  return teamPage(principal.communityId, team.id, viewer, now);
};
