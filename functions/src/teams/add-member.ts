import type { teamsApi } from '../../../shared/api/teams';
import { isJoinable } from '../../../shared/teams/status';
import { keyReused, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { leadersTeam, teamPage } from './access';
import { notJoinable } from './problems';
import { addToRoster, deleteMember, getMember, putMember } from './store';

/**
 * Its leader adds a member by name (phone optional), having asked their consent (the contract requires it; the
 * time is recorded). The member's details are written first, then the roster names them; if the roster refuses
 * (the team was refused meanwhile), the details go again. With an `Idempotency-Key`, a retry adds nobody twice.
 */
export const addTeamMember: Handler<typeof teamsApi.addTeamMember> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (!isJoinable(team.status)) throw notJoinable();
  const memberId = newItemId(`addTeamMember\n${team.id}`, principal, idempotencyKey);
  const fingerprint = idempotencyKey ? requestFingerprint(body) : undefined;
  const at = now.toISOString();
  const fresh = await putMember(
    cid,
    {
      teamId: team.id,
      memberId,
      name: body.name,
      ...(body.phone ? { phone: body.phone } : {}),
      via: 'leader',
      joinedAt: at,
      consentRecordedAt: at,
      ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
    },
    { ifAbsent: true },
  );
  if (!fresh && (await getMember(cid, team.id, memberId))?.requestFingerprint !== fingerprint) throw keyReused();
  if (!(await addToRoster(cid, team.id, memberId))) {
    await deleteMember(cid, team.id, memberId);
    throw notJoinable();
  }
  return teamPage(cid, team.id, 'leader', now);
};
