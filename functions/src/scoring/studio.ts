import type { StudioMemberItem, SessionItem } from './store';
import { sessionCounts } from '../../../shared/scoring/studio';

/** An old secretary as the caller sees them: health notes and accounts for staff only. */
export const presentStudioMember = (m: StudioMemberItem, sessions: readonly SessionItem[], staff: boolean) => ({
  id: m.id,
  name: m.name,
  ...(m.formerPost ? { formerPost: m.formerPost } : {}),
  strengths: m.strengths,
  ...(staff && m.health ? { health: m.health } : {}),
  ...(staff && m.userId ? { userId: m.userId } : {}),
  status: m.status,
  history: m.history,
  counts: sessionCounts([m.id], sessions)[m.id]!,
  version: m.version,
  createdAt: m.createdAt,
});

/** A session as the caller sees it: the attendees' names for staff only. */
export const presentSession = (s: SessionItem, names: ReadonlyMap<string, string>, staff: boolean) => ({
  id: s.id,
  kind: s.kind,
  topic: s.topic,
  date: s.date,
  mentors: s.mentorIds.map((id) => ({ id, name: names.get(id) ?? '（已移出名单）' })),
  attendeeCount: s.attendeeCount,
  ...(staff && s.attendees?.length ? { attendees: s.attendees } : {}),
  ...(s.note ? { note: s.note } : {}),
  recordedAt: s.recordedAt,
  recordedByName: s.recordedByName,
});
