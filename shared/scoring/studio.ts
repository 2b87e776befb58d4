/**
 * The Old Secretary Studio (老书记工作室): retired branch secretaries invited from a list by their health and
 * strengths, who mentor young cadres through themed Party lessons (主题党课) and symposiums (座谈会). Their
 * face-to-face work log of residents' problems is feedback's (logged on a resident's behalf), not the studio's.
 *
 *   listed ──invite──▶ invited ──joins──▶ member ──leaves──▶ left
 *                         └──declines──▶ declined      (a declined or departed old secretary can be listed again)
 */
export const STUDIO_MEMBER_STATUSES = ['listed', 'invited', 'member', 'declined', 'left'] as const;
export type StudioMemberStatus = (typeof STUDIO_MEMBER_STATUSES)[number];

export const STUDIO_MEMBER_STATUS_LABELS: Record<StudioMemberStatus, string> = {
  listed: '名单中',
  invited: '已邀请',
  member: '工作室成员',
  declined: '婉拒',
  left: '已退出',
};

const MOVES: Record<StudioMemberStatus, readonly StudioMemberStatus[]> = {
  listed: ['invited'],
  invited: ['member', 'declined'],
  member: ['left'],
  declined: ['listed'],
  left: ['listed'],
};

export const allowedStudioMoves = (from: StudioMemberStatus): readonly StudioMemberStatus[] => MOVES[from];
export const canMoveStudioMember = (from: StudioMemberStatus, to: StudioMemberStatus): boolean => MOVES[from].includes(to);

export const SESSION_KINDS = ['party-lesson', 'symposium'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { 'party-lesson': '主题党课', symposium: '座谈会' };

export interface SessionCounts {
  'party-lesson': number;
  symposium: number;
  /** Young cadres reached: attendances added up over the sessions this member mentored. */
  attendees: number;
}

/** Per member, the sessions they mentored by kind and the attendances they reached. */
export const sessionCounts = (
  memberIds: readonly string[],
  sessions: readonly { kind: SessionKind; mentorIds: readonly string[]; attendeeCount: number }[],
): Record<string, SessionCounts> => {
  const out: Record<string, SessionCounts> = Object.fromEntries(memberIds.map((id) => [id, { 'party-lesson': 0, symposium: 0, attendees: 0 }]));
  for (const s of sessions)
    for (const id of new Set(s.mentorIds)) {
      const c = out[id];
      if (!c) continue;
      c[s.kind]++;
      c.attendees += s.attendeeCount;
    }
  return out;
};
