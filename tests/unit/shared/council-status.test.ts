/**
 * The motion status machine (shared/council/status.ts) as explicit tables: the stored moves, and every act in
 * every phase, by whom; the phase derived from the time; the schedule's limits; and when reminders are due.
 */
import fc from 'fast-check';
import {
  actAllowedFor,
  actAllowedIn,
  canMoveMotion,
  dueReminder,
  effectiveClose,
  MOTION_ACTS,
  MOTION_PHASES,
  MOTION_STATUSES,
  phaseOf,
  scheduleProblems,
  type MotionAct,
  type MotionPhase,
  type MotionStatus,
} from '../../../shared/council/status';

const EXPECTED_MOVES: Record<MotionStatus, MotionStatus[]> = {
  proposed: ['scheduled', 'withdrawn'],
  scheduled: ['scheduled', 'withdrawn', 'decided'],
  withdrawn: [],
  decided: [],
};

const EXPECTED_ACTS: Record<MotionAct, MotionPhase[]> = {
  schedule: ['proposed', 'scheduled', 'discussion'],
  withdraw: ['proposed', 'scheduled', 'discussion'],
  comment: ['discussion'],
  vote: ['voting'],
  'record-in-person': ['voting'],
  'close-early': ['voting'],
  decide: ['counting'],
};

describe('stored moves', () => {
  it.each(MOTION_STATUSES.flatMap((from) => MOTION_STATUSES.map((to) => [from, to, EXPECTED_MOVES[from].includes(to)] as const)))(
    '%s → %s allowed: %s',
    (from, to, allowed) => expect(canMoveMotion(from, to)).toBe(allowed),
  );
});

describe('acts by phase', () => {
  it.each(MOTION_ACTS.flatMap((act) => MOTION_PHASES.map((phase) => [act, phase, EXPECTED_ACTS[act].includes(phase)] as const)))(
    '%s in %s allowed: %s',
    (act, phase, allowed) => expect(actAllowedIn(act, phase)).toBe(allowed),
  );

  it('names who may do what', () => {
    expect(actAllowedFor('schedule', ['chair'])).toBe(true);
    expect(actAllowedFor('schedule', ['member', 'proposer'])).toBe(false);
    expect(actAllowedFor('withdraw', ['proposer'])).toBe(true);
    expect(actAllowedFor('comment', ['member'])).toBe(true);
    expect(actAllowedFor('record-in-person', ['member'])).toBe(false);
    expect(actAllowedFor('record-in-person', ['committee'])).toBe(true);
    expect(actAllowedFor('close-early', ['chair'])).toBe(true);
    expect(actAllowedFor('decide', ['committee', 'chair'])).toBe(false);
  });

  it('comments close when voting opens; nothing but deciding happens after close', () => {
    for (const act of MOTION_ACTS) expect([act, actAllowedIn(act, 'counting')]).toEqual([act, act === 'decide']);
    for (const act of MOTION_ACTS) expect([act, actAllowedIn(act, 'decided') || actAllowedIn(act, 'withdrawn')]).toEqual([act, false]);
  });
});

describe('the phase, from the time', () => {
  const times = { discussionStartsAt: '2026-05-01T00:00:00.000Z', votingOpensAt: '2026-05-03T00:00:00.000Z', votingClosesAt: '2026-05-05T00:00:00.000Z' };
  const scheduled = { status: 'scheduled' as const, times };

  it.each([
    ['2026-04-30T23:59:59.999Z', 'scheduled'],
    ['2026-05-01T00:00:00.000Z', 'discussion'],
    ['2026-05-02T23:59:59.999Z', 'discussion'],
    ['2026-05-03T00:00:00.000Z', 'voting'],
    ['2026-05-04T23:59:59.999Z', 'voting'],
    ['2026-05-05T00:00:00.000Z', 'counting'],
  ])('at %s: %s', (now, phase) => expect(phaseOf(scheduled, now)).toBe(phase));

  it('an early close ends voting then; the stored statuses speak for themselves', () => {
    expect(phaseOf({ ...scheduled, closedEarlyAt: '2026-05-04T00:00:00.000Z' }, '2026-05-04T00:00:01.000Z')).toBe('counting');
    expect(effectiveClose(times, '2026-05-04T00:00:00.000Z')).toBe('2026-05-04T00:00:00.000Z');
    expect(effectiveClose(times, '2026-05-06T00:00:00.000Z')).toBe(times.votingClosesAt);
    expect(phaseOf({ status: 'proposed' }, '2026-05-04T00:00:00.000Z')).toBe('proposed');
    expect(phaseOf({ status: 'decided', times }, '2026-05-04T00:00:00.000Z')).toBe('decided');
    expect(phaseOf({ status: 'withdrawn', times }, '2026-05-02T00:00:00.000Z')).toBe('withdrawn');
  });

  it('only moves forward as time passes', () => {
    const order = ['scheduled', 'discussion', 'voting', 'counting'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-04-25'), max: new Date('2026-05-10'), noInvalidDate: true }), fc.integer({ min: 0, max: 5 * 86_400_000 }), (a, later) => {
        const b = new Date(a.getTime() + later);
        expect(order.indexOf(phaseOf(scheduled, b.toISOString()))).toBeGreaterThanOrEqual(order.indexOf(phaseOf(scheduled, a.toISOString())));
      }),
    );
  });
});

describe('the schedule’s limits', () => {
  const now = new Date('2026-05-01T08:00:00.000Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

  it('accepts discussion now, voting from tomorrow for two days', () => {
    expect(scheduleProblems({ discussionStartsAt: at(0), votingOpensAt: at(24 * 60), votingClosesAt: at(3 * 24 * 60) }, now)).toEqual([]);
  });

  it('refuses voting that opens in the past, a window under 10 minutes or over 30 days, discussion after voting opens', () => {
    expect(scheduleProblems({ discussionStartsAt: at(-60), votingOpensAt: at(-10), votingClosesAt: at(60) }, now).map((p) => p.path)).toEqual(['votingOpensAt']);
    expect(scheduleProblems({ discussionStartsAt: at(0), votingOpensAt: at(10), votingClosesAt: at(19) }, now).map((p) => p.path)).toEqual(['votingClosesAt']);
    expect(scheduleProblems({ discussionStartsAt: at(0), votingOpensAt: at(10), votingClosesAt: at(10 + 31 * 24 * 60) }, now).map((p) => p.path)).toEqual(['votingClosesAt']);
    expect(scheduleProblems({ discussionStartsAt: at(30), votingOpensAt: at(10), votingClosesAt: at(100) }, now).map((p) => p.path)).toEqual(['discussionStartsAt']);
  });
});

describe('reminders', () => {
  const t = { votingOpensAt: '2026-05-01T00:00:00.000Z' };
  const close = '2026-05-04T00:00:00.000Z';
  const before = (hours: number) => new Date(Date.parse(close) - hours * 3600_000);

  it('are due a day before close, then an hour before, only while voting is open', () => {
    expect(dueReminder(t, close, before(25))).toBeUndefined();
    expect(dueReminder(t, close, before(24))).toBe('day');
    expect(dueReminder(t, close, before(2))).toBe('day');
    expect(dueReminder(t, close, before(1))).toBe('hour');
    expect(dueReminder(t, close, before(0.1))).toBe('hour');
    expect(dueReminder(t, close, before(0))).toBeUndefined();
    expect(dueReminder({ votingOpensAt: before(0.5).toISOString() }, close, before(0.9))).toBeUndefined();
  });

  it('a reminder whose moment was missed is not sent late: the later one is', () => {
    // voting opened 30 minutes before close: only the hour's reminder is due
    expect(dueReminder({ votingOpensAt: before(0.5).toISOString() }, close, before(0.4))).toBe('hour');
  });
});
