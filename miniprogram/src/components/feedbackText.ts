import type { Assignment, HistoryEntry } from '../../../shared/api/feedback';
import { ROLE_LABELS } from '../../../shared/roles';

/*
 * Sentences about a piece of feedback that are not about its status (statusText.ts has those). Pure, and loaded
 * by the unit tests (relative import of shared/: jest loads this file without the alias).
 */

/** Who follows it up, as the pages say it: `望湖小区党支部、红色小管家 刘玉兰`; '' when nobody is assigned. */
export const assignmentText = (a: Pick<Assignment, 'branch' | 'steward'> | undefined): string =>
  [a?.branch?.name, a?.steward ? `红色小管家 ${a.steward.name}` : ''].filter(Boolean).join('、');

/** The home page's entry to 我的反馈, with the number of reports that changed since they were last opened. */
export const myFeedbackLabel = (unread: number): string => (unread > 0 ? `我的反馈（${unread} 条新进展）` : '我的反馈');

/** When an unrated resolution closes itself, as the resident reads it. */
export const autoCloseText = (monthDay: string): string => `如未评价，将于 ${monthDay} 自动办结`;

/** How long a report has waited, as staff say it: hours for the first two days, then days. */
export const waitingText = (hours: number): string =>
  hours < 1 ? '等待不到 1 小时' : hours < 48 ? `已等待 ${hours} 小时` : `已等待 ${Math.floor(hours / 24)} 天`;

/**
 * Who made a move: residents and stewards with their role (居民 王建国, 红色小管家 刘玉兰); staff accounts carry
 * their title in their display name already (社区工作人员 陈静), and the system's name says what it is.
 */
export const byline = (h: Pick<HistoryEntry, 'byRole' | 'byName'>): string =>
  h.byRole === 'system' || h.byRole === 'committee' || h.byRole === 'admin' ? h.byName : `${ROLE_LABELS[h.byRole]} ${h.byName}`;
