/**
 * The life of a piece of resident feedback. One table of allowed moves; the server enforces it, the admin page
 * reads it to offer only the buttons that can succeed.
 */
export const FEEDBACK_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已办结',
  rejected: '不予受理',
};

/** The verb shown on the button that moves feedback into a status. */
export const FEEDBACK_ACTION_LABELS: Record<FeedbackStatus, string> = {
  submitted: '退回待受理',
  accepted: '受理',
  in_progress: '开始处理',
  resolved: '标记已解决',
  closed: '办结',
  rejected: '不予受理',
};

const MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  submitted: ['accepted', 'rejected'],
  // Simple problems are often fixed the same day: accepted may go straight to resolved.
  accepted: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  // A resident who is not satisfied can have it reopened.
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
};

/** Moves that must carry a note the resident reads: the answer, or the reason for refusing. */
export const NOTE_REQUIRED_FOR: readonly FeedbackStatus[] = ['resolved', 'rejected'];

export const allowedTransitions = (from: FeedbackStatus): readonly FeedbackStatus[] => MOVES[from];

export const canTransition = (from: FeedbackStatus, to: FeedbackStatus): boolean => MOVES[from].includes(to);

export const isFinal = (status: FeedbackStatus): boolean => MOVES[status].length === 0;

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' | 'note_required' };

/** Decides whether feedback in `from` may move to `to` with this note. Pure: the server and the page share it. */
export const checkTransition = (from: FeedbackStatus, to: FeedbackStatus, note: string | undefined): TransitionCheck => {
  if (!canTransition(from, to)) return { ok: false, reason: 'not_allowed' };
  if (NOTE_REQUIRED_FOR.includes(to) && !note?.trim()) return { ok: false, reason: 'note_required' };
  return { ok: true };
};
