/**
 * The life of a piece of resident feedback. One table of allowed moves per actor; the server enforces it, the
 * pages read it to offer only the buttons that can succeed.
 */
export const FEEDBACK_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'withdrawn'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

/** The verb shown on the button that moves feedback into a status. */
export const FEEDBACK_ACTION_LABELS: Record<FeedbackStatus, string> = {
  submitted: '退回待受理',
  accepted: '受理',
  in_progress: '开始处理',
  resolved: '标记已解决',
  closed: '办结',
  rejected: '不予受理',
  withdrawn: '撤回',
};

/**
 * Who moves feedback: the committee's staff; the red steward it is assigned to (start work, resolve); its
 * reporter (withdraw before acceptance; say whether a resolved problem is really solved); the system (closing a
 * resolved item nobody rated in time).
 */
export type FeedbackActor = 'staff' | 'assignee' | 'reporter' | 'system';

const MOVES: Record<FeedbackActor, Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  staff: {
    submitted: ['accepted', 'rejected'],
    // Simple problems are often fixed the same day: accepted may go straight to resolved.
    accepted: ['in_progress', 'resolved', 'rejected'],
    in_progress: ['resolved', 'rejected'],
    // Closed on the resident's word given in person, or reopened when they say it is not solved.
    resolved: ['closed', 'in_progress'],
    closed: [],
    rejected: [],
    withdrawn: [],
  },
  assignee: {
    submitted: [],
    accepted: ['in_progress', 'resolved'],
    in_progress: ['resolved'],
    resolved: [],
    closed: [],
    rejected: [],
    withdrawn: [],
  },
  reporter: {
    submitted: ['withdrawn'],
    accepted: [],
    in_progress: [],
    // 解决了 closes it; 没解决 reopens it.
    resolved: ['closed', 'in_progress'],
    closed: [],
    rejected: [],
    withdrawn: [],
  },
  system: {
    submitted: [],
    accepted: [],
    in_progress: [],
    resolved: ['closed'],
    closed: [],
    rejected: [],
    withdrawn: [],
  },
};

/** Staff moves that must carry a note the resident reads: the answer, or the reason for refusing. */
export const NOTE_REQUIRED_FOR: readonly FeedbackStatus[] = ['resolved', 'rejected'];

/** Days a resident has to say whether a resolved problem is solved; after that it closes itself. */
export const RATING_WINDOW_DAYS = 7;

export const allowedTransitions = (from: FeedbackStatus, actor: FeedbackActor = 'staff'): readonly FeedbackStatus[] => MOVES[actor][from];

export const canTransition = (from: FeedbackStatus, to: FeedbackStatus, actor: FeedbackActor = 'staff'): boolean =>
  MOVES[actor][from].includes(to);

/** A status nobody can leave. */
export const isFinal = (status: FeedbackStatus): boolean =>
  (Object.keys(MOVES) as FeedbackActor[]).every((actor) => MOVES[actor][status].length === 0);

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' | 'note_required' };

/**
 * Decides whether staff (or the assignee) may move feedback in `from` to `to` with this note. Pure: the server
 * and the page share it.
 */
export const checkTransition = (
  from: FeedbackStatus,
  to: FeedbackStatus,
  note: string | undefined,
  actor: 'staff' | 'assignee' = 'staff',
): TransitionCheck => {
  if (!canTransition(from, to, actor)) return { ok: false, reason: 'not_allowed' };
  if (NOTE_REQUIRED_FOR.includes(to) && !note?.trim()) return { ok: false, reason: 'note_required' };
  return { ok: true };
};

/** When a resolved item closes itself if its reporter has not rated it: the window after it was resolved. */
export const autoCloseAt = (resolvedAt: string): string =>
  new Date(Date.parse(resolvedAt) + RATING_WINDOW_DAYS * 24 * 3600 * 1000).toISOString();

/** Statuses nobody works on any more: assignment and notes stop there. */
export const FINAL_STATUSES = FEEDBACK_STATUSES.filter((s) => isFinal(s));
