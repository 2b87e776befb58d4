/**
 * The whole feedback status machine against an explicit table (issue 11): every (actor, from, to) cell, the
 * order the pages offer the moves in, the reply rule on every cell, what is final, and the words the pages show.
 * A move added, removed or reordered anywhere in shared/feedback/status.ts fails a cell here.
 */
import {
  allowedTransitions,
  autoCloseAt,
  canTransition,
  checkTransition,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  FINAL_STATUSES,
  isFinal,
  NOTE_REQUIRED_FOR,
  RATING_WINDOW_DAYS,
  type FeedbackActor,
  type FeedbackStatus,
} from '../../../shared/feedback/status';

const STATUSES: FeedbackStatus[] = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'withdrawn'];

/** Allowed moves per actor and status, in the order the pages offer them. */
const TABLE: Record<FeedbackActor, Record<FeedbackStatus, FeedbackStatus[]>> = {
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
const ACTORS = Object.keys(TABLE) as FeedbackActor[];

const everyCell = ACTORS.flatMap((actor) => STATUSES.flatMap((from) => STATUSES.map((to) => ({ actor, from, to, allowed: TABLE[actor][from].includes(to) }))));

describe('the feedback status table', () => {
  it('has exactly these statuses, in this order', () => {
    expect([...FEEDBACK_STATUSES]).toEqual(STATUSES);
  });

  it(`has ${everyCell.filter((c) => c.allowed).length} allowed cells of ${everyCell.length}`, () => {
    const allowed = everyCell.filter((c) => canTransition(c.from, c.to, c.actor)).map((c) => `${c.actor}:${c.from}→${c.to}`);
    expect(allowed).toEqual(everyCell.filter((c) => c.allowed).map((c) => `${c.actor}:${c.from}→${c.to}`));
  });

  it.each(everyCell.map((c) => [c.actor, c.from, c.to, c.allowed] as const))('%s %s → %s allowed: %s', (actor, from, to, allowed) => {
    expect(canTransition(from, to, actor)).toBe(allowed);
  });

  it.each(ACTORS.flatMap((actor) => STATUSES.map((from) => [actor, from] as const)))('%s from %s is offered exactly the table, in order', (actor, from) => {
    expect([...allowedTransitions(from, actor)]).toEqual(TABLE[actor][from]);
  });

  it.each(STATUSES)('without an actor, the moves from %s are the staff moves (the admin page)', (from) => {
    expect([...allowedTransitions(from)]).toEqual(TABLE.staff[from]);
    for (const to of STATUSES) expect(canTransition(from, to)).toBe(TABLE.staff[from].includes(to));
  });
});

describe('the reply rule, on every cell staff and the assignee can reach', () => {
  const notes = [undefined, '', '   \n\t', '已安排物业维修'] as const;
  const rows = (['staff', 'assignee'] as const).flatMap((actor) => STATUSES.map((from) => [actor, from] as const));
  const expected = (actor: 'staff' | 'assignee', from: FeedbackStatus, to: FeedbackStatus, note: string | undefined) => {
    if (!TABLE[actor][from].includes(to)) return { ok: false, reason: 'not_allowed' };
    if ((to === 'resolved' || to === 'rejected') && !note?.trim()) return { ok: false, reason: 'note_required' };
    return { ok: true };
  };

  it.each(rows)('%s from %s, to every status, with no, blank and real replies', (actor, from) => {
    for (const to of STATUSES)
      for (const note of notes) expect([to, note, checkTransition(from, to, note, actor)]).toEqual([to, note, expected(actor, from, to, note)]);
  });

  it('staff is the default actor of the check', () => {
    for (const from of STATUSES)
      for (const to of STATUSES) for (const note of notes) expect(checkTransition(from, to, note)).toEqual(expected('staff', from, to, note));
  });

  it('a reply is required to resolve and to refuse, and for nothing else', () => {
    expect([...NOTE_REQUIRED_FOR]).toEqual(['resolved', 'rejected']);
  });
});

describe('what is final', () => {
  it.each(STATUSES.map((s) => [s, ACTORS.every((a) => TABLE[a][s].length === 0)] as const))('%s final: %s', (status, final) => {
    expect(isFinal(status)).toBe(final);
  });

  it('the final statuses are closed, rejected and withdrawn, in the table order', () => {
    expect([...FINAL_STATUSES]).toEqual(['closed', 'rejected', 'withdrawn']);
  });
});

describe('closing an unrated resolution', () => {
  it('the rating window is 7 days', () => {
    expect(RATING_WINDOW_DAYS).toBe(7);
  });

  it.each([
    ['2026-11-01T08:00:00.000Z', '2026-11-08T08:00:00.000Z'],
    ['2026-11-27T23:59:59.999Z', '2026-12-04T23:59:59.999Z'],
    // across a month and a year, to the millisecond
    ['2026-12-30T00:00:00.001Z', '2027-01-06T00:00:00.001Z'],
  ])('resolved at %s closes itself at %s', (resolvedAt, closesAt) => {
    expect(autoCloseAt(resolvedAt)).toBe(closesAt);
  });
});

describe('the words the pages show', () => {
  it('each status has its label', () => {
    expect(FEEDBACK_STATUS_LABELS).toEqual({
      submitted: '待受理',
      accepted: '已受理',
      in_progress: '处理中',
      resolved: '已解决',
      closed: '已办结',
      rejected: '不予受理',
      withdrawn: '已撤回',
    });
  });

  it('each move has the verb on its button', () => {
    expect(FEEDBACK_ACTION_LABELS).toEqual({
      submitted: '退回待受理',
      accepted: '受理',
      in_progress: '开始处理',
      resolved: '标记已解决',
      closed: '办结',
      rejected: '不予受理',
      withdrawn: '撤回',
    });
  });
});
