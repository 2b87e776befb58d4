import { SESSION_KIND_LABELS, STUDIO_MEMBER_STATUS_LABELS, type SessionKind, type StudioMemberStatus } from '../../../../../shared/scoring/studio';

/*
 * Words of the Old Secretary Studio's admin pages (老书记工作室): each move as the committee's act, the sessions an
 * old secretary led. Pure, so the unit tests load it (relative import of shared/).
 */

export const STUDIO_PAGES = { members: '/packages/admin/studio-members/index', sessions: '/packages/admin/studio-sessions/index' } as const;

export interface StudioMove {
  to: StudioMemberStatus;
  /** The button: what the committee does or records. */
  act: string;
  /** The confirmation's button (at most 4 characters: WeChat's modal cuts longer ones). */
  short: string;
  /** Moves that take someone off the studio ask first. */
  destructive: boolean;
  /** What the page says once it is done. */
  done: (name: string) => string;
}

const MOVES: Record<StudioMemberStatus, StudioMove> = {
  listed: { to: 'listed', act: '重新列入名单', short: '列入', destructive: false, done: (n) => `已把 ${n} 重新列入名单。` },
  invited: { to: 'invited', act: '邀请加入', short: '邀请', destructive: false, done: (n) => `已记录邀请 ${n} 加入工作室。` },
  member: { to: 'member', act: '记录已加入', short: '加入', destructive: false, done: (n) => `${n} 已成为工作室成员。` },
  declined: { to: 'declined', act: '记录婉拒', short: '婉拒', destructive: true, done: (n) => `已记录 ${n} 婉拒邀请。` },
  left: { to: 'left', act: '记录退出', short: '退出', destructive: true, done: (n) => `已记录 ${n} 退出工作室。` },
};

export const studioMove = (to: StudioMemberStatus): StudioMove => MOVES[to];

/** The question before a move that takes an old secretary off the studio, or undefined when none is asked. */
export const moveQuestion = (move: StudioMove, name: string): { title: string; content: string } | undefined =>
  move.to === 'declined'
    ? { title: `记录 ${name} 婉拒邀请吗？`, content: '记录后不再是待答复的邀请；以后可以把他（她）重新列入名单。' }
    : move.to === 'left'
      ? { title: `记录 ${name} 退出工作室吗？`, content: '退出后不能再作为主讲人记录带教活动；已记录的活动和次数保留。以后可以重新列入名单。' }
      : undefined;

export const statusText = (s: StudioMemberStatus): string => STUDIO_MEMBER_STATUS_LABELS[s];
export const kindText = (k: SessionKind): string => SESSION_KIND_LABELS[k];

/** `主题党课 2 次，座谈会 1 次，带教 34 人次`; none yet: `还没有主讲过带教活动`. */
export const countsText = (c: { 'party-lesson': number; symposium: number; attendees: number }): string =>
  c['party-lesson'] + c.symposium ? `主题党课 ${c['party-lesson']} 次，座谈会 ${c.symposium} 次，带教 ${c.attendees} 人次` : '还没有主讲过带教活动';

/** Names typed in one field, split at the separators people use (、，, space, new line); empty parts dropped. */
export const namesOf = (typed: string): string[] =>
  typed
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
