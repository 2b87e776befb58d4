import type { teamsApi } from '../../../shared/api/teams';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { leadersTeam, teamPage } from './access';
import { dateInFuture, notMembers, rulesOutdated } from './problems';
import { currentRules, getStudySession, putStudySession, recordAcceptance, setMemberRules, type StudySessionItem } from './store';

/**
 * Its leader records an in-person study of the dance rules (集体学习规章制度): the session is kept, and each
 * attendee's acceptance of the version studied is recorded as if they had accepted it in the app. Only the
 * version in force counts. With an `Idempotency-Key` a retry records the session once (the acceptances are
 * idempotent anyway).
 */
export const recordStudySession: Handler<typeof teamsApi.recordStudySession> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (body.date > chinaDate(now)) throw dateInFuture();
  const strangers = notMembers(body.attendeeIds, team.memberIds);
  if (strangers) throw strangers;
  const rules = await currentRules(cid);
  if (!rules || rules.version !== body.rulesVersion) throw rulesOutdated();
  const at = now.toISOString();
  const id = newItemId(`recordStudySession\n${team.id}`, principal, idempotencyKey);
  const session: StudySessionItem = {
    id,
    date: body.date,
    rulesVersion: rules.version,
    attendeeIds: body.attendeeIds,
    ...(body.note ? { note: body.note } : {}),
    recordedAt: at,
    recordedByName: principal.name,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: session, put: (s) => putStudySession(cid, team.id, s), read: () => getStudySession(cid, team.id, id) });
  await setMemberRules(cid, team.id, stored.attendeeIds, { version: stored.rulesVersion, at: stored.recordedAt, how: 'study-session' });
  const updated = await recordAcceptance(cid, team.id, stored.attendeeIds, stored.rulesVersion);
  if (updated === 'outdated') throw rulesOutdated();
  return teamPage(cid, team.id, 'leader', now);
};
