import type { teamsApi } from '../../../../shared/api/teams';
import { checkTeamDecision } from '../../../../shared/teams/status';
import { recordAudit } from '../../audit/trail';
import { badRequest } from '../../http/problem';
import type { Handler } from '../../http/route';
import { teamNotFound, teamPage } from '../access';
import { releasePlaces } from '../occupancy';
import { moveNotAllowed, staleTeam } from '../problems';
import { applyTeamMove, getTeam } from '../store';
import { approvalStaleBefore, approveTeam } from './approve';

/**
 * The committee decides on a team: approve a submitted filing (approve.ts), reject it or send it back for
 * changes, suspend an approved team (e.g. after repeated noise complaints) or reinstate a suspended one. Every
 * decision but a first approval carries a reason, which the leader reads in the team's history; every decision
 * is in the audit trail. A refused or returned filing gives back any places a failed approval left; a suspended
 * team keeps its places for when it is reinstated.
 */
export const decideTeam: Handler<typeof teamsApi.decideTeam> = async ({ params, body }, { principal, now, sourceIp }) => {
  const team = await getTeam(principal.communityId, params.id);
  if (!team) throw teamNotFound();
  if (team.version !== body.version) throw staleTeam();
  const check = checkTeamDecision(team.status, body.to, body.reason);
  if (!check.ok && check.reason === 'not_allowed') throw moveNotAllowed(team.status, body.to);
  if (!check.ok) throw badRequest('请填写理由，队长会在备案记录中看到', [{ location: 'body', path: 'reason', message: '请填写理由' }]);
  const entry = {
    at: now.toISOString(),
    from: team.status,
    to: body.to,
    ...(body.reason ? { reason: body.reason } : {}),
    byRole: principal.roles.includes('admin') && !principal.roles.includes('committee') ? ('admin' as const) : ('committee' as const),
    byName: principal.name,
  };
  if (check.decision === 'approve') await approveTeam(team, entry, { expectedVersion: body.version, validMonths: body.validMonths, now });
  else {
    // not while an approval of it is under way (one that died long ago does not count)
    const moved = await applyTeamMove(team, entry, { expectedVersion: body.version, noApprovalSince: approvalStaleBefore(now) });
    if (!moved) throw staleTeam();
    if (body.to === 'rejected' || body.to === 'changes_requested') await releasePlaces(team.communityId, team.venueId, team.id, team.slots);
  }
  await recordAudit({
    action: 'team-decision',
    actor: principal,
    at: now,
    sourceIp,
    target: { kind: 'team', id: team.id },
    change: `${team.status} → ${body.to}`,
  });
  return teamPage(principal.communityId, team.id, 'committee', now);
};
