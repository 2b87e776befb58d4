/** The feedback status machine, as an explicit table: every (actor, from, to) allowed or not. */
import {
  allowedTransitions,
  autoCloseAt,
  canTransition,
  checkTransition,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  isFinal,
  RATING_WINDOW_DAYS,
  type FeedbackActor,
  type FeedbackStatus,
} from '../../../shared/feedback/status';

const EXPECTED: Record<FeedbackActor, Record<FeedbackStatus, FeedbackStatus[]>> = {
  staff: {
    submitted: ['accepted', 'rejected'],
    accepted: ['in_progress', 'resolved', 'rejected'],
    in_progress: ['resolved', 'rejected'],
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

const cells = (Object.keys(EXPECTED) as FeedbackActor[]).flatMap((actor) =>
  FEEDBACK_STATUSES.flatMap((from) => FEEDBACK_STATUSES.map((to) => [actor, from, to, EXPECTED[actor][from].includes(to)] as const)),
);

describe('the feedback status machine', () => {
  it.each(cells)('%s: %s → %s allowed: %s', (actor, from, to, allowed) => {
    expect(canTransition(from, to, actor)).toBe(allowed);
  });

  it.each(Object.keys(EXPECTED) as FeedbackActor[])('%s: allowedTransitions lists exactly the table', (actor) => {
    for (const from of FEEDBACK_STATUSES) expect([...allowedTransitions(from, actor)].sort()).toEqual([...EXPECTED[actor][from]].sort());
  });

  it('staff is the default actor (what the admin page offers)', () => {
    for (const from of FEEDBACK_STATUSES) expect(allowedTransitions(from)).toEqual(allowedTransitions(from, 'staff'));
  });

  it.each(FEEDBACK_STATUSES)('%s is final exactly when no actor can leave it', (s) => {
    expect(isFinal(s)).toBe(['closed', 'rejected', 'withdrawn'].includes(s));
  });

  it.each([
    ['accepted', 'resolved', undefined, { ok: false, reason: 'note_required' }],
    ['accepted', 'resolved', '   ', { ok: false, reason: 'note_required' }],
    ['in_progress', 'resolved', '', { ok: false, reason: 'note_required' }],
    ['submitted', 'rejected', '', { ok: false, reason: 'note_required' }],
    ['accepted', 'rejected', undefined, { ok: false, reason: 'note_required' }],
    ['accepted', 'resolved', '已安排保洁清运', { ok: true }],
    ['submitted', 'accepted', undefined, { ok: true }],
    ['accepted', 'in_progress', undefined, { ok: true }],
    ['resolved', 'closed', undefined, { ok: true }],
    ['resolved', 'in_progress', undefined, { ok: true }],
    ['closed', 'accepted', '重新打开', { ok: false, reason: 'not_allowed' }],
    ['submitted', 'withdrawn', '居民要撤回', { ok: false, reason: 'not_allowed' }],
  ] as const)('staff %s → %s with note %j: %j', (from, to, note, expected) => {
    expect(checkTransition(from, to, note)).toEqual(expected);
  });

  it.each([
    ['accepted', 'resolved', undefined, { ok: false, reason: 'note_required' }],
    ['in_progress', 'resolved', '已修好', { ok: true }],
    ['accepted', 'in_progress', undefined, { ok: true }],
    ['submitted', 'accepted', undefined, { ok: false, reason: 'not_allowed' }],
    ['in_progress', 'rejected', '不归我们管', { ok: false, reason: 'not_allowed' }],
  ] as const)('the assignee %s → %s with note %j: %j', (from, to, note, expected) => {
    expect(checkTransition(from, to, note, 'assignee')).toEqual(expected);
  });

  it(`an unrated resolution closes itself ${RATING_WINDOW_DAYS} days after it was resolved`, () => {
    expect(autoCloseAt('2026-11-01T08:00:00.000Z')).toBe('2026-11-08T08:00:00.000Z');
  });

  it('has a Chinese label and an action verb for every status', () => {
    for (const s of FEEDBACK_STATUSES) {
      expect(FEEDBACK_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
      expect(FEEDBACK_ACTION_LABELS[s]).toMatch(/\p{Script=Han}/u);
    }
  });
});
