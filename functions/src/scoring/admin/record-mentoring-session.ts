import type { scoringApi } from '../../../../shared/api/scoring';
import { recordAudit } from '../../audit/trail';
import { chinaDate } from '../../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { dateInFuture, unprocessableWith } from '../problems';
import { getSession, listStudioMembers, putSession, type SessionItem } from '../store';
import { presentSession } from '../studio';

/**
 * The committee records a session in which old secretaries mentor young cadres: a themed Party lesson (主题党课) or
 * a symposium (座谈会), its topic and date, the studio members who led it and how many attended. Recorded once it
 * has happened. With an `Idempotency-Key` a retry records it once.
 */
export const recordMentoringSession: Handler<typeof scoringApi.recordMentoringSession> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  if (body.date > chinaDate(now)) throw dateInFuture();
  const members = await listStudioMembers(cid);
  const strangers = body.mentorIds.flatMap((id, i) => (members.some((m) => m.id === id && m.status === 'member') ? [] : [i]));
  if (strangers.length)
    throw unprocessableWith('not-studio-member', '主讲人须是工作室成员', strangers.map((i) => ({ location: 'body', path: `mentorIds.${i}`, message: '不是工作室成员' })));
  const id = newItemId('recordMentoringSession', principal, idempotencyKey);
  const session: SessionItem = {
    id,
    kind: body.kind,
    topic: body.topic,
    date: body.date,
    mentorIds: body.mentorIds,
    attendeeCount: body.attendeeCount,
    ...(body.attendees?.length ? { attendees: body.attendees } : {}),
    ...(body.note ? { note: body.note } : {}),
    recordedAt: now.toISOString(),
    recordedByName: principal.name,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: session, put: (s) => putSession(cid, s), read: () => getSession(cid, id) });
  if (stored === session) await recordAudit({ action: 'studio-update', actor: principal, at: now, sourceIp, target: { kind: 'studio-session', id }, change: `${body.kind}, ${body.attendeeCount} attended` });
  return presentSession(stored, new Map(members.map((m) => [m.id, m.name])), true);
};
