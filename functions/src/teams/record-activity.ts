import type { teamsApi } from '../../../shared/api/teams';
import { roundHours } from '../../../shared/teams/activities';
import { holdsPlaces } from '../../../shared/teams/status';
import { recordAudit } from '../audit/trail';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import { forbidden } from '../http/problem';
import type { Handler } from '../http/route';
import { teamNotFound, teamPage, viewerOf } from './access';
import { dateInFuture, notMembers, notRegistered } from './problems';
import { getActivity, getTeam, putActivity, type ActivityItem } from './store';

/**
 * Its leader, or the committee, records what a registered team did: a performance (文艺汇演) or volunteer service
 * (志愿服务), with its date, hours (counted in half hours) and the members who took part; the team page adds up
 * each member's hours and the team's. The committee's records are staff acts, in the audit trail. With an
 * `Idempotency-Key` a retry records it once.
 */
export const recordTeamActivity: Handler<typeof teamsApi.recordTeamActivity> = async ({ params, body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  const team = await getTeam(cid, params.id);
  const viewer = team && viewerOf(team, principal);
  if (!team || !viewer) throw teamNotFound();
  if (viewer === 'member') throw forbidden('只有队长或社区工作人员可以记录活动');
  if (!holdsPlaces(team.status)) throw notRegistered();
  if (body.date > chinaDate(now)) throw dateInFuture();
  const strangers = notMembers(body.attendeeIds, team.memberIds);
  if (strangers) throw strangers;
  const id = newItemId(`recordTeamActivity\n${team.id}`, principal, idempotencyKey);
  const activity: ActivityItem = {
    id,
    kind: body.kind,
    title: body.title,
    date: body.date,
    hours: roundHours(body.hours),
    attendeeIds: body.attendeeIds,
    ...(body.note ? { note: body.note } : {}),
    recordedAt: now.toISOString(),
    recordedById: principal.userId,
    recordedByName: principal.name,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: activity, put: (a) => putActivity(cid, team.id, a), read: () => getActivity(cid, team.id, id) });
  if (stored === activity && viewer === 'committee')
    await recordAudit({ action: 'team-activity', actor: principal, at: now, sourceIp, target: { kind: 'team', id: team.id }, change: `${body.kind} ${activity.hours} h × ${body.attendeeIds.length}` });
  return teamPage(cid, team.id, viewer, now);
};
