import type { DanceRules, Team, TeamSummary } from '../../../shared/api/teams';
import { maskPhone } from '../../../shared/feedback/contact';
import { hourTotals } from '../../../shared/teams/activities';
import { validityOf } from '../../../shared/teams/registration';
import { sortSlots } from '../../../shared/teams/slots';
import type { TeamItem, TeamPartition } from './store';

/** How the caller sees a team: its leader, one of its members, or the committee (staff). */
export type Viewer = Team['viewer'];

/** Who of the roster accepted the rules in force (`current`: its version; none published: nobody). */
export const acceptedNow = (t: Pick<TeamItem, 'memberIds' | 'rulesAcceptedVersion' | 'rulesAcceptedBy'>, current: number | undefined): Set<string> => {
  if (current === undefined || t.rulesAcceptedVersion !== current) return new Set();
  const roster = new Set(t.memberIds);
  return new Set((t.rulesAcceptedBy ?? []).filter((id) => roster.has(id)));
};

/** Members who still have to accept the rules in force, in roster order. */
export const pendingAcceptance = (t: TeamItem, current: number | undefined): string[] => {
  const accepted = acceptedNow(t, current);
  return t.memberIds.filter((id) => !accepted.has(id));
};

const registrationOf = (t: TeamItem, today: string) =>
  t.registration ? { ...t.registration, validity: validityOf(t.status, t.registration.validUntil, today) } : undefined;

/**
 * A team's page as its viewer may see it. Phone numbers are whole for the committee (and the leader's own
 * contact number for the leader), masked for everyone else; the invite code is the leader's; a complaint's
 * staff note is the committee's. Nothing about who reported a complaint is ever shown.
 */
export const presentTeam = (
  p: TeamPartition,
  viewer: Viewer,
  ctx: { rules: DanceRules | undefined; venueName?: string; today: string; now: Date },
): Team => {
  const { team: t } = p;
  const current = ctx.rules?.version;
  const accepted = acceptedNow(t, current);
  const totals = hourTotals(t.memberIds, p.activities);
  const registration = registrationOf(t, ctx.today);
  return {
    id: t.id,
    name: t.name,
    status: t.status,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    leaderName: t.leaderName,
    phone: viewer === 'member' ? maskPhone(t.phone) : t.phone,
    venue: { id: t.venueId, name: ctx.venueName ?? t.venueName },
    slots: sortSlots(t.slots),
    expectedSize: t.expectedSize,
    usesLoudspeaker: t.usesLoudspeaker,
    ...(t.volumeLimitDb !== undefined ? { volumeLimitDb: t.volumeLimitDb } : {}),
    ...(t.volumeCommitment ? { volumeCommitment: t.volumeCommitment } : {}),
    ...(registration ? { registration } : {}),
    history: t.history,
    members: p.members.map((m) => ({
      id: m.memberId,
      name: m.name,
      ...(m.phone ? { phone: viewer === 'committee' ? m.phone : maskPhone(m.phone) } : {}),
      isLeader: m.memberId === t.leaderId,
      joinedAt: m.joinedAt,
      via: m.via,
      consentRecordedAt: m.consentRecordedAt,
      rules: m.rules ?? null,
      acceptedCurrent: accepted.has(m.memberId),
      hours: totals.members[m.memberId] ?? { performance: 0, volunteer: 0 },
    })),
    rules: { currentVersion: current ?? null, accepted: accepted.size, of: t.memberIds.length, pendingMemberIds: pendingAcceptance(t, current) },
    totals: totals.team,
    activities: p.activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      date: a.date,
      hours: a.hours,
      attendeeIds: a.attendeeIds,
      ...(a.note ? { note: a.note } : {}),
      recordedAt: a.recordedAt,
      recordedByName: a.recordedByName,
    })),
    studySessions: p.studySessions.map((s) => ({
      id: s.id,
      date: s.date,
      rulesVersion: s.rulesVersion,
      attendeeIds: s.attendeeIds,
      ...(s.note ? { note: s.note } : {}),
      recordedAt: s.recordedAt,
      recordedByName: s.recordedByName,
    })),
    complaints: p.complaints.map((c) => ({
      feedbackId: c.feedbackId,
      ...(c.ref ? { ref: c.ref } : {}),
      title: c.title,
      reportedAt: c.reportedAt,
      linkedAt: c.linkedAt,
      linkedByName: c.linkedByName,
      ...(c.note && viewer === 'committee' ? { note: c.note } : {}),
    })),
    ...(viewer === 'leader' && t.invite && t.invite.expiresAt > ctx.now.toISOString() ? { invite: t.invite } : {}),
    viewer,
  };
};

/** A team in a list. */
export const toSummary = (t: TeamItem, current: number | undefined, role?: 'leader' | 'member'): TeamSummary => ({
  id: t.id,
  name: t.name,
  status: t.status,
  venue: { id: t.venueId, name: t.venueName },
  leaderName: t.leaderName,
  memberCount: t.memberIds.length,
  rules: { currentVersion: current ?? null, accepted: acceptedNow(t, current).size, of: t.memberIds.length },
  ...(t.registration ? { registrationNumber: t.registration.number } : {}),
  complaintCount: t.complaintIds?.length ?? 0,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  ...(role ? { role } : {}),
});
