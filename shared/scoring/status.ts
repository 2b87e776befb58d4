/**
 * The life of an evaluation period, as an explicit table: the committee moves it forward one step at a time; the
 * server enforces the table and each step's precondition, the pages read it to offer only the button that can
 * succeed.
 *
 *   setup ──open──▶ self-assessment ──start review──▶ review ──publish──▶ announcement (公示, N days) ──▶ final (亮星)
 *
 * The announcement ends by itself: once its days have passed the period reads as final (derived on every read),
 * and the committee's move to final only writes down what time already decided.
 */
export const PERIOD_STATUSES = ['setup', 'self-assessment', 'review', 'announcement', 'final'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  setup: '筹备',
  'self-assessment': '自评荐星',
  review: '工作小组复核',
  announcement: '结果公示',
  final: '亮星（已定）',
};

const MOVES: Record<PeriodStatus, readonly PeriodStatus[]> = {
  setup: ['self-assessment'],
  'self-assessment': ['review'],
  review: ['announcement'],
  announcement: ['final'],
  final: [],
};

export const allowedPeriodMoves = (from: PeriodStatus): readonly PeriodStatus[] => MOVES[from];
export const canMovePeriod = (from: PeriodStatus, to: PeriodStatus): boolean => MOVES[from].includes(to);

/** What must hold before a move, beyond the table (the use case checks each and names what is missing). */
export const PERIOD_MOVE_NEEDS: Record<PeriodStatus, string> = {
  setup: '',
  'self-assessment': '考评表完整（每个类别都有指标），至少一个党支部参加',
  review: '工作小组有组长，每个参评党支部都有复核人',
  announcement: '每个参评党支部都已由组长确定最终得分和星级',
  final: '公示期已满',
};

/** The sheet can be edited only before the branches start scoring against it. */
export const sheetEditable = (status: PeriodStatus): boolean => status === 'setup';
/** Branches taking part and the working group are set up before the reviews begin. */
export const branchesEditable = (status: PeriodStatus): boolean => status === 'setup';
export const workingGroupEditable = (status: PeriodStatus): boolean => status === 'setup' || status === 'self-assessment';
/** Secretaries can be (re)assigned until the period is final: a secretary may change during the rectification. */
export const secretariesEditable = (status: PeriodStatus): boolean => status !== 'final';
/** Branches write their self-assessment only while it is open. */
export const selfAssessmentOpen = (status: PeriodStatus): boolean => status === 'self-assessment';
export const reviewOpen = (status: PeriodStatus): boolean => status === 'review';
/** Results are public to the community's residents from the announcement on. */
export const resultsPublic = (status: PeriodStatus): boolean => status === 'announcement' || status === 'final';

/** The status a period is in at `now`: an announcement whose days have passed is final. */
export const effectivePeriodStatus = (p: { status: PeriodStatus; announcement?: { endsAt: string } }, now: Date): PeriodStatus =>
  p.status === 'announcement' && p.announcement && Date.parse(p.announcement.endsAt) <= now.getTime() ? 'final' : p.status;

/** A branch's own self-assessment: a draft until its secretary submits it (then it is fixed). */
export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = { draft: '自评中', submitted: '已提交' };

/**
 * A self-assessment's moves, as an explicit table: its secretary submits a draft; the committee or the working
 * group's lead sends a submitted one back (退回) with a reason, and the secretary corrects and submits it again.
 * Both only while the self-assessment is open: once the review begins, what the branch submitted is what is reviewed.
 */
export type AssessmentMove = 'submit' | 'send-back';
const ASSESSMENT_MOVES: Record<AssessmentStatus, Partial<Record<AssessmentStatus, AssessmentMove>>> = {
  draft: { submitted: 'submit' },
  submitted: { draft: 'send-back' },
};
/** The move that takes a self-assessment from one status to another, if the table has one. */
export const assessmentMove = (from: AssessmentStatus, to: AssessmentStatus): AssessmentMove | undefined => ASSESSMENT_MOVES[from][to];
/** A self-assessment in this status, in a period in this status, may be sent back to its secretary. */
export const canSendBack = (period: PeriodStatus, assessment: AssessmentStatus): boolean =>
  selfAssessmentOpen(period) && assessmentMove(assessment, 'draft') === 'send-back';
