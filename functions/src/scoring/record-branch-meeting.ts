import type { scoringApi } from '../../../shared/api/scoring';
import { problemsOf } from '../../../shared/scoring/problems';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { dateInFuture, unknownProblem } from './problems';
import { getMeeting, putMeeting, type MeetingItem } from './store';

/**
 * The secretary records the branch general meeting (支部大会) that heard the members' views: its date, who
 * attended (a count, names optional), the minutes, and the problems it discussed (linked both ways: each problem
 * lists the meetings). Recorded once it has happened. With an `Idempotency-Key` a retry records it once.
 */
export const recordScoringBranchMeeting: Handler<typeof scoringApi.recordScoringBranchMeeting> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const { period, assessment } = secretaryOnly(await assessmentFor(principal, params.id));
  if (body.date > chinaDate(now)) throw dateInFuture();
  const keys = new Set(problemsOf(period.sheet, assessment.entries).map((p) => p.key));
  const unknown = body.problemKeys.flatMap((k, i) => (keys.has(k) ? [] : [`problemKeys.${i}`]));
  if (unknown.length) throw unknownProblem(unknown);
  const id = newItemId(`recordScoringBranchMeeting\n${assessment.id}`, principal, idempotencyKey);
  const meeting: MeetingItem = {
    id,
    date: body.date,
    attendeeCount: body.attendeeCount,
    ...(body.attendees?.length ? { attendees: body.attendees } : {}),
    minutes: body.minutes,
    problemKeys: body.problemKeys,
    recordedAt: now.toISOString(),
    recordedByName: principal.name,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: meeting, put: (m) => putMeeting(cid, assessment.id, m), read: () => getMeeting(cid, assessment.id, id) });
  const { requestFingerprint: _f, ...out } = stored;
  return out;
};
