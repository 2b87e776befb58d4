import type { teamsApi } from '../../../shared/api/teams';
import { isJoinable } from '../../../shared/teams/status';
import { conflict, notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { teamPage } from './access';
import { notJoinable } from './problems';
import { addToRoster, deleteMember, getInviteTeamId, getTeam, putMember } from './store';

const noSuchCode = () => notFound('邀请码无效或已过期，请向队长索取新的邀请码');

/**
 * A resident joins a team with its invite code, consenting to their name being kept. Their member id is their
 * user id, so one person is on a roster once. The details are written first, then the roster names them (only
 * while the code is still the team's and unexpired); if the roster refuses, the details go again.
 */
export const joinTeam: Handler<typeof teamsApi.joinTeam> = async ({ body }, { principal, now }) => {
  const cid = principal.communityId;
  const at = now.toISOString();
  const teamId = await getInviteTeamId(cid, body.code);
  const team = teamId ? await getTeam(cid, teamId) : undefined;
  if (!team || team.invite?.code !== body.code || team.invite.expiresAt <= at) throw noSuchCode();
  if (team.memberIds.includes(principal.userId)) throw conflict('already-member', '您已经是这支队伍的队员');
  if (!isJoinable(team.status)) throw notJoinable();
  // replaces what an earlier membership cut short may have left (a member item the roster does not name)
  await putMember(cid, { teamId: team.id, memberId: principal.userId, name: principal.name, userId: principal.userId, via: 'invite', joinedAt: at, consentRecordedAt: at });
  if (!(await addToRoster(cid, team.id, principal.userId, { inviteCode: body.code, now: at }))) {
    const again = await getTeam(cid, team.id);
    if (!again?.memberIds.includes(principal.userId)) {
      await deleteMember(cid, team.id, principal.userId);
      throw again && !isJoinable(again.status) ? notJoinable() : noSuchCode();
    }
  }
  return teamPage(cid, team.id, 'member', now);
};
