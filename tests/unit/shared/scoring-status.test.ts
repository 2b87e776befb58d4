/** The evaluation period's status machine and the studio's, as explicit tables: every (from, to) allowed or not. */
import {
  allowedPeriodMoves,
  ASSESSMENT_STATUSES,
  assessmentMove,
  canSendBack,
  type AssessmentStatus,
  branchesEditable,
  canMovePeriod,
  effectivePeriodStatus,
  PERIOD_MOVE_NEEDS,
  PERIOD_STATUS_LABELS,
  PERIOD_STATUSES,
  resultsPublic,
  reviewOpen,
  secretariesEditable,
  selfAssessmentOpen,
  sheetEditable,
  workingGroupEditable,
  type PeriodStatus,
} from '../../../shared/scoring/status';
import { allowedStudioMoves, canMoveStudioMember, STUDIO_MEMBER_STATUSES, type StudioMemberStatus } from '../../../shared/scoring/studio';

const PERIOD: Record<PeriodStatus, PeriodStatus[]> = {
  setup: ['self-assessment'],
  'self-assessment': ['review'],
  review: ['announcement'],
  announcement: ['final'],
  final: [],
};

describe('the period status machine', () => {
  it.each(PERIOD_STATUSES.flatMap((from) => PERIOD_STATUSES.map((to) => [from, to, PERIOD[from].includes(to)] as const)))(
    '%s → %s allowed: %s',
    (from, to, allowed) => {
      expect(canMovePeriod(from, to)).toBe(allowed);
    },
  );

  it('goes one step forward at a time, never back, and ends in final', () => {
    for (const from of PERIOD_STATUSES) expect([...allowedPeriodMoves(from)]).toEqual(PERIOD[from]);
    expect(PERIOD_STATUSES.filter((s) => allowedPeriodMoves(s).length === 0)).toEqual(['final']);
  });

  it('has a label for each status and a precondition for each step', () => {
    for (const s of PERIOD_STATUSES) expect(PERIOD_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
    for (const s of PERIOD_STATUSES.slice(1)) expect(PERIOD_MOVE_NEEDS[s]).toMatch(/\p{Script=Han}/u);
  });

  it('fixes the sheet and the branches once scoring starts, the working group once reviews start', () => {
    expect(PERIOD_STATUSES.filter(sheetEditable)).toEqual(['setup']);
    expect(PERIOD_STATUSES.filter(branchesEditable)).toEqual(['setup']);
    expect(PERIOD_STATUSES.filter(workingGroupEditable)).toEqual(['setup', 'self-assessment']);
    expect(PERIOD_STATUSES.filter(secretariesEditable)).toEqual(['setup', 'self-assessment', 'review', 'announcement']);
  });

  it('opens self-assessment, review and the public results each in its own stage', () => {
    expect(PERIOD_STATUSES.filter(selfAssessmentOpen)).toEqual(['self-assessment']);
    expect(PERIOD_STATUSES.filter(reviewOpen)).toEqual(['review']);
    expect(PERIOD_STATUSES.filter(resultsPublic)).toEqual(['announcement', 'final']);
  });

  it('reads an announcement whose days have passed as final, and nothing else changes by time', () => {
    const endsAt = '2026-12-08T00:00:00.000Z';
    const announced = { status: 'announcement' as const, announcement: { endsAt } };
    expect(effectivePeriodStatus(announced, new Date('2026-12-07T23:59:59Z'))).toBe('announcement');
    expect(effectivePeriodStatus(announced, new Date(endsAt))).toBe('final');
    for (const status of PERIOD_STATUSES.filter((s) => s !== 'announcement'))
      expect(effectivePeriodStatus({ status, announcement: { endsAt } }, new Date('2030-01-01'))).toBe(status);
  });
});

const STUDIO: Record<StudioMemberStatus, StudioMemberStatus[]> = {
  listed: ['invited'],
  invited: ['member', 'declined'],
  member: ['left'],
  declined: ['listed'],
  left: ['listed'],
};

describe('the studio’s list', () => {
  it.each(STUDIO_MEMBER_STATUSES.flatMap((from) => STUDIO_MEMBER_STATUSES.map((to) => [from, to, STUDIO[from].includes(to)] as const)))(
    '%s → %s allowed: %s',
    (from, to, allowed) => {
      expect(canMoveStudioMember(from, to)).toBe(allowed);
      expect(allowedStudioMoves(from).includes(to)).toBe(allowed);
    },
  );
});

describe('a self-assessment’s moves', () => {
  const MOVES: Record<AssessmentStatus, Partial<Record<AssessmentStatus, string>>> = {
    draft: { submitted: 'submit' },
    submitted: { draft: 'send-back' },
  };
  it.each(ASSESSMENT_STATUSES.flatMap((from) => ASSESSMENT_STATUSES.map((to) => [from, to, MOVES[from][to]] as const)))('%s → %s: %s', (from, to, move) => {
    expect(assessmentMove(from, to)).toBe(move);
  });

  // period status × assessment status: sent back only a submitted one, only while the self-assessment is open
  const SEND_BACK: Record<PeriodStatus, Record<AssessmentStatus, boolean>> = {
    setup: { draft: false, submitted: false },
    'self-assessment': { draft: false, submitted: true },
    review: { draft: false, submitted: false },
    announcement: { draft: false, submitted: false },
    final: { draft: false, submitted: false },
  };
  it.each(PERIOD_STATUSES.flatMap((p) => ASSESSMENT_STATUSES.map((s) => [p, s, SEND_BACK[p][s]] as const)))('in %s, a %s self-assessment may be sent back: %s', (p, s, allowed) => {
    expect(canSendBack(p, s)).toBe(allowed);
  });
});
