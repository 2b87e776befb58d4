import * as z from 'zod';
import { ROLES, STAFF_ROLES } from '../roles';
import { ASSESSMENT_STATUSES } from '../scoring/status';
import { SESSION_KINDS, STUDIO_MEMBER_STATUSES } from '../scoring/studio';
import { endpoint } from './endpoint';
import { ChinaDate, Month, PageQuery, optionalText, page, text, uuidLike } from './common';
import { AssessmentId, listMyScoringWork, MyScoringWork, PeriodId, PeriodStatusEnum, ScoringBranchId, ScoringPeriodSummary } from './scoring-work';

export { AssessmentId, MyScoringWork, PeriodId, PeriodStatusEnum, ScoringBranchId, ScoringPeriodSummary };
import { IncomingKey, UploadKind, UploadTicket } from './uploads';

/**
 * Branch star rating (星级党支部创评) and the Old Secretary Studio (老书记工作室).
 *
 * The committee sets up an evaluation period: its sheet (量化考评表, copied from the period before and edited
 * until the branches start scoring), the branches taking part, each branch's secretary (支部书记) and the working
 * group (创评工作小组: members, the branches each reviews, its lead), and hands each branch its key tasks
 * (重点工作任务清单). A branch's secretary scores the branch against the sheet and submits; its deductions become
 * the problem list (问题清单), with rectification measures (整改措施) and the branch general meeting (支部大会).
 * Each assigned reviewer re-checks (复核) criterion by criterion; the lead sets the final score and star; the
 * results are announced (公示) to the community's residents for a set number of days, then final (亮星).
 *
 * Who is who is decided per period, not by identity's roles: the secretary of a branch and the working group are
 * people the committee assigned (by account, or with a code they claim). So the person routes let every role in
 * and each use case checks the assignment (403 with the reason; 404 for what does not exist).
 */

/** Person routes: each use case decides by the period's assignments (secretary, reviewer, lead) or staff. */
export const SCORING_PEOPLE = ROLES;

export const KeyTaskId = uuidLike('任务编号无效');
export const MeasureId = uuidLike('整改措施编号无效');
export const MeetingId = uuidLike('支部大会记录编号无效');
export const EvidenceId = uuidLike('佐证材料编号无效');
export const WorkingGroupMemberId = uuidLike('工作小组成员编号无效');
export const StudioMemberId = uuidLike('工作室成员编号无效');
export const MentoringSessionId = uuidLike('活动编号无效');
/** A person's account id (as identity makes them). */
export const ScoringPersonId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '人员编号无效');
/** Ids within a sheet (categories, criteria, deduction rules, veto and bonus items): short and readable. */
export const SheetItemId = z.string({ error: '请填写编号' }).regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '编号须为 1–32 位小写字母、数字或 -（以字母或数字开头）');
/** A problem of the problem list: `<criterionId>.<ruleId>` (`.other` for a direct score). */
export const ProblemKey = z.string({ error: '请选择问题' }).regex(/^[a-z0-9][a-z0-9-]{0,31}\.[a-z0-9][a-z0-9-]{0,31}$/, '问题编号无效');
/** 8 letters and digits without look-alikes (0/O, 1/I); typed in lower case it still counts. */
export const AssignmentCode = z.string().trim().toUpperCase().regex(/^[A-HJ-NP-Z2-9]{8}$/, '认领码为 8 位字母或数字');
export const AssessmentStatusEnum = z.enum(ASSESSMENT_STATUSES);
export const StarNumber = z.number({ error: '请选择星级' }).int().min(1, '星级为 1–5').max(5, '星级为 1–5');
const Version = z.number({ error: '缺少版本号' }).int().min(1);
/** The version of something that may not exist yet (0: the caller saw none). */
const VersionOrNone = z.number({ error: '缺少版本号' }).int().min(0);
const points = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).int(`${label}须为整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`);

// refinements run on whatever the fields hold, even where their own checks failed: each must be total
const distinct = (values: readonly unknown[]): boolean => {
  const texts = values.filter((v): v is string => typeof v === 'string');
  return new Set(texts).size === texts.length;
};
const idsOf = (items: readonly unknown[]): unknown[] => items.map((x) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined));
const datesOrdered = {
  check: (b: { startDate?: unknown; endDate?: unknown }) =>
    typeof b.startDate !== 'string' || typeof b.endDate !== 'string' || b.startDate <= b.endDate,
  issue: { path: ['endDate'], message: '结束日期不能早于开始日期' },
};

export const PeriodIdParams = z.object({ id: PeriodId });
export const AssessmentIdParams = z.object({ id: AssessmentId });
export const StudioMemberIdParams = z.object({ id: StudioMemberId });
export const ScoringBranchParams = z.object({ id: ScoringBranchId });

// ---------------------------------------------------------------------------------------------------------------
// The evaluation sheet (量化考评表)

export const DeductionRuleBody = z.object({
  id: SheetItemId,
  text: text(60, '扣分项'),
  points: points('扣分', 1, 100),
  /** How many times it may apply; 1 unless said. */
  maxTimes: points('次数上限', 1, 20).default(1),
});
export const CriterionBody = z.object({
  id: SheetItemId,
  title: text(60, '指标名称'),
  description: optionalText(200, '考评标准', { multiline: true }),
  maxPoints: points('满分', 1, 100),
  deductions: z
    .array(DeductionRuleBody)
    .max(8, '每个指标最多 8 个扣分项')
    .refine((ds) => distinct(idsOf(ds)), '扣分项编号不能重复')
    .default([]),
});
export const CategoryBody = z.object({
  id: SheetItemId,
  name: text(20, '类别名称'),
  /** Shows the branch's feedback figures beside its criteria (服务群众). */
  residentsVoice: z.boolean().default(false),
  criteria: z
    .array(CriterionBody)
    .min(1, '每个类别至少一个指标')
    .max(10, '每个类别最多 10 个指标')
    .refine((ks) => distinct(idsOf(ks)), '指标编号不能重复'),
});
export type CategoryBody = z.input<typeof CategoryBody>;

export const PutSheetCategoryBody = z.object({
  category: CategoryBody,
  /** Where it goes among the categories (0: first); a category that exists keeps its place unless given. */
  position: z.number().int().min(0).max(20).optional(),
  version: Version,
});
export const RemoveSheetCategoryBody = z.object({ categoryId: SheetItemId, version: Version });

const VetoEffectBody = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('unrated') }), z.object({ kind: z.literal('cap'), maxStar: StarNumber.max(4, '封顶星级须低于五星') })],
  { error: '请选择否决的后果' },
);
export const VetoItemBody = z.object({ id: SheetItemId, text: text(60, '否决项'), effect: VetoEffectBody });
export const BonusItemBody = z.object({ id: SheetItemId, text: text(60, '加分项'), points: points('加分', 1, 50) });
const threshold = (label: string) => points(label, 1, 200);
export const ThresholdsBody = z
  .object({ star2: threshold('二星分数线'), star3: threshold('三星分数线'), star4: threshold('四星分数线'), star5: threshold('五星分数线') })
  .refine(
    (t) => [t.star2, t.star3, t.star4, t.star5].some((n) => typeof n !== 'number') || (t.star2 < t.star3 && t.star3 < t.star4 && t.star4 < t.star5),
    { message: '星级分数线须从二星到五星逐级升高' },
  );
export const SheetRulesBody = z.object({
  vetoItems: z.array(VetoItemBody).max(10, '最多 10 个否决项').refine((vs) => distinct(idsOf(vs)), '否决项编号不能重复'),
  bonusItems: z.array(BonusItemBody).max(10, '最多 10 个加分项').refine((bs) => distinct(idsOf(bs)), '加分项编号不能重复'),
  bonusCap: points('加分上限', 0, 50),
  thresholds: ThresholdsBody,
  caps: z.object({
    /** Residents' satisfaction below a share caps the star; absent: no such cap. */
    satisfaction: z
      .object({
        belowPercent: points('满意度界线', 1, 100),
        maxStar: StarNumber.max(4, '封顶星级须低于五星'),
        minRatings: points('最少评价数', 1, 1000),
      })
      .optional(),
    fiveStarNeedsBonus: z.boolean({ error: '请选择五星是否须有加分项' }),
  }),
  version: Version,
});

const DeductionRuleOut = z.object({ id: z.string(), text: z.string(), points: z.number().int(), maxTimes: z.number().int() });
const CriterionOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  maxPoints: z.number().int(),
  deductions: z.array(DeductionRuleOut),
});
export const SheetSchema = z.object({
  categories: z.array(z.object({ id: z.string(), name: z.string(), residentsVoice: z.boolean(), criteria: z.array(CriterionOut) })),
  vetoItems: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      effect: z.discriminatedUnion('kind', [z.object({ kind: z.literal('unrated') }), z.object({ kind: z.literal('cap'), maxStar: z.number().int() })]),
    }),
  ),
  bonusItems: z.array(z.object({ id: z.string(), text: z.string(), points: z.number().int() })),
  bonusCap: z.number().int(),
  thresholds: z.object({ star2: z.number().int(), star3: z.number().int(), star4: z.number().int(), star5: z.number().int() }),
  caps: z.object({
    satisfaction: z.object({ belowPercent: z.number().int(), maxStar: z.number().int(), minRatings: z.number().int() }).optional(),
    fiveStarNeedsBonus: z.boolean(),
  }),
});

// ---------------------------------------------------------------------------------------------------------------
// Periods

const periodFields = {
  name: text(30, '周期名称'),
  /** The time evaluated (feedback figures are taken over it). */
  startDate: ChinaDate,
  endDate: ChinaDate,
  /** How many days the results are announced (公示) before they are final. */
  announcementDays: points('公示天数', 1, 30).default(7),
};
const branchList = z
  .array(ScoringBranchId)
  .min(1, '请至少选择一个党支部')
  .max(100, '最多 100 个党支部')
  .refine(distinct, '党支部不能重复');

export const CreatePeriodBody = z
  .object({
    ...periodFields,
    /** The branches taking part; all of the community's branches when absent. */
    branchIds: branchList.optional(),
    /** The period whose sheet to copy; the default sheet when absent. */
    copySheetFrom: PeriodId.optional(),
  })
  .refine(datesOrdered.check, datesOrdered.issue);
export type CreatePeriodBody = z.input<typeof CreatePeriodBody>;

export const UpdatePeriodBody = z
  .object({ ...periodFields, branchIds: branchList, version: Version })
  .refine(datesOrdered.check, datesOrdered.issue);

export const AssignSecretaryBody = z.object({
  branchId: ScoringBranchId,
  name: text(20, '书记姓名'),
  /**
   * The person's account, when the committee knows it (a red steward from the stewards list). Without it the
   * assignment gets a code its holder enters in the mini-program (`claimScoringAssignment`).
   */
  userId: ScoringPersonId.optional(),
  version: Version,
});

export const WorkingGroupMemberBody = z.object({
  /** An existing member (keeps their code and their reviews); absent: a new member. */
  id: WorkingGroupMemberId.optional(),
  name: text(20, '成员姓名'),
  userId: ScoringPersonId.optional(),
  /** The branches this member reviews (复核). */
  branchIds: z.array(ScoringBranchId).max(100).refine(distinct, '党支部不能重复').default([]),
  /** The group lead (组长): sets each branch's final score and star. Exactly one. */
  lead: z.boolean().default(false),
});
export const WorkingGroupBody = z.object({
  members: z
    .array(WorkingGroupMemberBody)
    .min(1, '工作小组至少一名成员')
    .max(30, '工作小组最多 30 名成员')
    .refine((ms) => ms.filter((m) => (m as { lead?: unknown } | null)?.lead === true).length === 1, '请指定一名组长')
    .refine((ms) => distinct(ms.map((m) => (m as { userId?: unknown } | null)?.userId)), '同一个人不能重复加入')
    .refine((ms) => distinct(idsOf(ms)), '成员不能重复'),
  version: Version,
});
export type WorkingGroupBody = z.input<typeof WorkingGroupBody>;

export const MovePeriodBody = z.object({ to: PeriodStatusEnum, version: Version });

export const CreateKeyTasksBody = z.object({
  /** The branches handed this task: one task each. */
  branchIds: branchList,
  title: text(60, '任务名称'),
  description: optionalText(500, '任务要求', { multiline: true }),
  dueDate: ChinaDate.optional(),
});

const Assignee = z.object({
  name: z.string(),
  /** Staff only. */
  userId: z.string().optional(),
  /** Staff only, until the person claims it. */
  claimCode: z.string().optional(),
  claimed: z.boolean(),
});

export const PeriodHistoryEntry = z.object({ at: z.string(), from: PeriodStatusEnum.nullable(), to: PeriodStatusEnum, byName: z.string() });


export const ScoringPeriod = ScoringPeriodSummary.extend({
  version: z.number().int(),
  updatedAt: z.string(),
  announcementDays: z.number().int(),
  branches: z.array(
    z.object({
      id: ScoringBranchId,
      name: z.string(),
      assessmentId: AssessmentId,
      secretary: Assignee.nullable(),
      /** The working-group members who review it. */
      reviewers: z.array(z.object({ memberId: WorkingGroupMemberId, name: z.string() })),
    }),
  ),
  workingGroup: z.array(Assignee.extend({ id: WorkingGroupMemberId, branchIds: z.array(ScoringBranchId), lead: z.boolean() })),
  sheet: SheetSchema,
  /** The criteria's maximum points added up (100 for the default sheet). */
  maxBasePoints: z.number().int(),
  copiedFrom: z.object({ periodId: PeriodId, name: z.string() }).optional(),
  history: z.array(PeriodHistoryEntry),
  /** The move the committee can make next (none once final), and what it needs. */
  next: z.object({ to: PeriodStatusEnum, needs: z.string() }).nullable(),
  /** How the caller sees it: the committee (codes, accounts), someone assigned in it, or a resident. */
  viewer: z.enum(['committee', 'participant', 'resident']),
});
export type ScoringPeriod = z.infer<typeof ScoringPeriod>;

export const KeyTask = z.object({
  id: KeyTaskId,
  branchId: ScoringBranchId,
  title: z.string(),
  description: z.string().optional(),
  dueDate: z.string().optional(),
  /** 有计划、有落实、有总结: each stage as the secretary wrote it. */
  plan: z.object({ text: z.string(), at: z.string(), byName: z.string() }).optional(),
  execution: z.object({ text: z.string(), at: z.string(), byName: z.string() }).optional(),
  summary: z.object({ text: z.string(), at: z.string(), byName: z.string() }).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
});

// ---------------------------------------------------------------------------------------------------------------
// A branch's assessment: self-assessment, problems, rectification, meetings, tasks, evidence, review, result

export const ChosenDeductionBody = z.object({ ruleId: SheetItemId, times: points('次数', 1, 20).default(1) });
const entryFields = {
  criterionId: SheetItemId,
  /** Deductions chosen from the criterion's rules. */
  deductions: z
    .array(ChosenDeductionBody)
    .max(8, '最多 8 个扣分项')
    .refine((ds) => distinct(ds.map((d) => (d as { ruleId?: unknown } | null)?.ruleId)), '同一扣分项只能选一次（请改次数）')
    .default([]),
  /** A score given directly (lower than the deductions leave: a shortcoming no rule names). */
  score: points('得分', 0, 100).optional(),
};
export const SelfEntryBody = z.object({ ...entryFields, note: optionalText(300, '自评说明', { multiline: true }), version: Version });
export type SelfEntryBody = z.input<typeof SelfEntryBody>;
const itemChoice = (label: string) => z.array(SheetItemId).max(10, `最多 10 个${label}`).refine(distinct, `${label}不能重复`).default([]);
export const SelfOverallBody = z.object({
  /** Veto items that apply, as the branch declares them. */
  vetoes: itemChoice('否决项'),
  /** Bonus items the branch claims (with evidence). */
  bonuses: itemChoice('加分项'),
  note: optionalText(500, '总体说明', { multiline: true }),
  version: Version,
});
export const SubmitSelfBody = z.object({ version: Version });
/** The committee or the working group's lead sends a submitted self-assessment back (退回), saying why. */
export const SendBackSelfBody = z.object({ reason: text(300, '退回原因', { multiline: true }), version: Version });

/** A reviewer's criterion: their score and private notes (the branch never reads them). */
export const ReviewEntryBody = z.object({ ...entryFields, note: optionalText(300, '复核意见', { multiline: true }), version: VersionOrNone });
export const ReviewOverallBody = z.object({
  vetoes: itemChoice('否决项'),
  bonuses: itemChoice('加分项'),
  note: optionalText(500, '复核意见', { multiline: true }),
  version: VersionOrNone,
});
export const SubmitReviewBody = z.object({ version: Version });

export const FinalResultBody = z.object({
  total: points('最终得分', 0, 200),
  /** null: the branch is not rated this period (a veto). */
  star: StarNumber.nullable(),
  /** Required where the final differs from the branch's own proposal. */
  reason: optionalText(300, '理由', { multiline: true }),
});

export const TASK_STAGES = ['plan', 'execution', 'summary'] as const;
export const TaskStageEnum = z.enum(TASK_STAGES, { error: '请选择计划、落实或总结' });
export const ReportKeyTaskBody = z.object({
  taskId: KeyTaskId,
  stage: TaskStageEnum,
  text: text(1000, '内容', { multiline: true }),
  version: Version,
});

export const AddMeasureBody = z.object({
  problemKey: ProblemKey,
  measure: text(300, '整改措施', { multiline: true }),
  ownerName: text(20, '责任人'),
  deadline: ChinaDate,
});
export const MeasureProgressBody = z.object({
  measureId: MeasureId,
  text: text(500, '进展', { multiline: true }),
  /** The measure is done (整改完成). */
  done: z.boolean().default(false),
  version: Version,
});

export const MeetingBody = z.object({
  date: ChinaDate,
  attendeeCount: points('参会人数', 1, 500),
  /** Who attended, by name (optional: the count is what the record needs). */
  attendees: z.array(text(20, '参会人姓名')).max(60, '最多记录 60 人的姓名').optional(),
  minutes: text(2000, '会议纪要', { multiline: true }),
  /** The problems it discussed. */
  problemKeys: z.array(ProblemKey).max(50).refine(distinct, '问题不能重复').default([]),
});

export const EvidenceTarget = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('criterion'), criterionId: SheetItemId }),
    z.object({ kind: z.literal('bonus'), bonusId: SheetItemId }),
    z.object({ kind: z.literal('task'), taskId: KeyTaskId, stage: TaskStageEnum }),
    z.object({ kind: z.literal('measure'), measureId: MeasureId }),
    z.object({ kind: z.literal('meeting'), meetingId: MeetingId }),
  ],
  { error: '请选择材料所属的指标、任务、整改措施或会议' },
);
export type EvidenceTarget = z.infer<typeof EvidenceTarget>;
export const AddEvidenceBody = z.object({
  target: EvidenceTarget,
  /** The ticket's key (`createScoringEvidenceUpload`). */
  key: IncomingKey,
  caption: optionalText(60, '说明'),
});
export const RemoveEvidenceBody = z.object({ evidenceId: EvidenceId });
/** Which kind of evidence the ticket is for: a photo (JPEG, PNG, WebP or HEIC, 10 MB) or a PDF document (20 MB). */
export const EvidenceUploadQuery = z.object({ kind: UploadKind.default('photo') });

const EntryOut = z.object({
  criterionId: z.string(),
  deductions: z.array(z.object({ ruleId: z.string(), times: z.number().int() })),
  score: z.number().int().optional(),
  note: z.string().optional(),
});
const LimitOut = z.object({ kind: z.enum(['veto', 'satisfaction', 'five-star-needs-bonus']), text: z.string() });
export const AssessedSchema = z.object({
  criteria: z.array(z.object({ criterionId: z.string(), maxPoints: z.number().int(), deducted: z.number().int(), score: z.number().int(), scored: z.boolean() })),
  categories: z.array(z.object({ categoryId: z.string(), name: z.string(), maxPoints: z.number().int(), score: z.number().int() })),
  base: z.number().int(),
  bonus: z.number().int(),
  total: z.number().int(),
  thresholdStar: z.number().int(),
  star: z.number().int().nullable(),
  limits: z.array(LimitOut),
  complete: z.boolean(),
  missing: z.array(z.string()),
});

export const ScoringEvidence = z.object({
  id: EvidenceId,
  target: EvidenceTarget,
  /** A signed URL, valid 10 minutes. */
  url: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  caption: z.string().optional(),
  addedAt: z.string(),
  addedByName: z.string(),
});

export const RectificationMeasure = z.object({
  id: MeasureId,
  problemKey: z.string(),
  measure: z.string(),
  ownerName: z.string(),
  deadline: z.string(),
  done: z.boolean(),
  doneAt: z.string().optional(),
  overdue: z.boolean(),
  updates: z.array(z.object({ at: z.string(), byName: z.string(), text: z.string(), done: z.boolean() })),
  version: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const ScoringProblem = z.object({
  key: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  criterionId: z.string(),
  criterionTitle: z.string(),
  text: z.string(),
  points: z.number().int(),
  times: z.number().int(),
  measures: z.array(RectificationMeasure),
  /** The branch meetings that discussed it. */
  meetingIds: z.array(MeetingId),
});

export const BranchMeeting = z.object({
  id: MeetingId,
  date: z.string(),
  attendeeCount: z.number().int(),
  attendees: z.array(z.string()).optional(),
  minutes: z.string(),
  problemKeys: z.array(z.string()),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const RectificationCountsSchema = z.object({
  problems: z.number().int(),
  covered: z.number().int(),
  measures: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

/** The branch's feedback in the period (residents' voice beside 服务群众), from the feedback statistics. */
export const BranchFeedbackFigures = z.object({
  branchName: z.string(),
  from: Month,
  to: Month,
  /** Feedback assigned to the branch and resolved in the period. */
  resolved: z.number().int(),
  reopened: z.number().int(),
  ratings: z.number().int(),
  /** Mean stars residents gave (1–5). */
  satisfaction: z.number().optional(),
  /** The same as a share of five stars: what the satisfaction cap reads. */
  satisfactionPercent: z.number().int().optional(),
  /** Per month, with the medians (a median of months is not the period's median, so they stay per month). */
  months: z.array(
    z.object({
      month: Month,
      resolved: z.number().int(),
      reopened: z.number().int(),
      ratings: z.number().int(),
      satisfaction: z.number().optional(),
      medianFirstResponse: z.string().optional(),
      medianResolution: z.string().optional(),
    }),
  ),
});

export const ScoringReview = z.object({
  memberId: WorkingGroupMemberId,
  reviewerName: z.string(),
  status: AssessmentStatusEnum,
  entries: z.array(EntryOut),
  vetoes: z.array(z.string()),
  bonuses: z.array(z.string()),
  note: z.string().optional(),
  computed: AssessedSchema,
  /** Where it differs from the branch's self-assessment, criterion by criterion. */
  differences: z.array(z.object({ criterionId: z.string(), self: z.number().int(), review: z.number().int(), delta: z.number().int() })),
  submittedAt: z.string().optional(),
  version: z.number().int(),
});

export const FinalResult = z.object({
  total: z.number().int(),
  star: z.number().int().nullable(),
  reason: z.string().optional(),
  at: z.string(),
  byName: z.string(),
  /** What the branch proposed (its submitted self-assessment), if it submitted. */
  proposed: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
  reviewsCounted: z.number().int(),
});

export const ASSESSMENT_VIEWER_ROLES = ['secretary', 'reviewer', 'lead', 'committee'] as const;

export const ScoringAssessment = z.object({
  id: AssessmentId,
  period: ScoringPeriodSummary,
  branch: z.object({ id: ScoringBranchId, name: z.string() }),
  secretaryName: z.string().optional(),
  status: AssessmentStatusEnum,
  version: z.number().int(),
  sheet: SheetSchema,
  self: z.object({ entries: z.array(EntryOut), vetoes: z.array(z.string()), bonuses: z.array(z.string()), note: z.string().optional() }),
  /** The total and the proposed star, computed by the shared rules as the entries stand (live while a draft). */
  computed: AssessedSchema,
  /** The proposal (自评荐星) as fixed at submission. */
  proposed: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
  submittedAt: z.string().optional(),
  submittedByName: z.string().optional(),
  /** The last time it was sent back to the secretary (退回), by whom and why. */
  sentBack: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).optional(),
  problems: z.array(ScoringProblem),
  rectification: RectificationCountsSchema,
  meetings: z.array(BranchMeeting),
  tasks: z.array(KeyTask),
  evidence: z.array(ScoringEvidence),
  feedbackFigures: BranchFeedbackFigures,
  reviews: z.object({
    assigned: z.number().int(),
    submitted: z.number().int(),
    reviewers: z.array(z.object({ memberId: WorkingGroupMemberId, name: z.string(), submitted: z.boolean() })),
    /** The caller's own review (a reviewer). */
    mine: ScoringReview.optional(),
    /** Every review (the lead and the committee). */
    all: z.array(ScoringReview).optional(),
    /** The rules applied to the submitted reviews: per criterion their mean, vetoes any reviewer found, bonuses all granted. */
    suggested: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
  }),
  result: FinalResult.optional(),
  viewer: z.array(z.enum(ASSESSMENT_VIEWER_ROLES)),
  /** What the caller may do now (the pages show only these buttons). */
  can: z.object({
    editSelf: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    finalise: z.boolean(),
    rectify: z.boolean(),
    /** Send the submitted self-assessment back to the secretary (the committee and the lead). */
    sendBack: z.boolean(),
  }),
});
export type ScoringAssessment = z.infer<typeof ScoringAssessment>;

export const AssessmentRow = z.object({
  assessmentId: AssessmentId,
  branch: z.object({ id: ScoringBranchId, name: z.string() }),
  secretaryName: z.string().optional(),
  status: AssessmentStatusEnum,
  proposed: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
  submittedAt: z.string().optional(),
  /** “2/3 reviewed”. */
  reviews: z.object({ assigned: z.number().int(), submitted: z.number().int() }),
  result: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
  rectification: RectificationCountsSchema,
  tasks: z.object({ count: z.number().int(), planned: z.number().int(), executed: z.number().int(), summarised: z.number().int() }),
});
export const PeriodBoard = z.object({ period: ScoringPeriodSummary, items: z.array(AssessmentRow) });


export const ClaimAssignmentBody = z.object({ code: AssignmentCode });
export const ClaimedAssignment = z.object({
  periodId: PeriodId,
  periodName: z.string(),
  role: z.enum(['secretary', 'reviewer']),
  branchNames: z.array(z.string()),
  lead: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------------
// Results

export const StarCountsSchema = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
  unrated: z.number().int(),
});

/** Where a resident sends an objection during the announcement: the feedback form, filled in like this. */
export const ObjectionLink = z.object({ category: z.literal('other'), title: z.string(), description: z.string() });

export const PeriodResults = z.object({
  period: ScoringPeriodSummary,
  /** Residents see results from the announcement on; before that only staff (as drafts). */
  public: z.boolean(),
  distribution: StarCountsSchema,
  branches: z.array(
    z.object({
      branchId: ScoringBranchId,
      branchName: z.string(),
      assessmentId: AssessmentId,
      star: z.number().int().nullable(),
      total: z.number().int(),
      finalisedAt: z.string(),
      /** During the announcement: how to object through feedback. */
      objection: ObjectionLink.optional(),
    }),
  ),
});

export const StarDistribution = z.object({
  /** Oldest first: each period with results, its counts and the change from the period before. */
  periods: z.array(
    z.object({
      period: ScoringPeriodSummary,
      public: z.boolean(),
      counts: StarCountsSchema,
      change: StarCountsSchema.optional(),
      meanStar: z.number().optional(),
      rated: z.number().int(),
    }),
  ),
});

export const BranchHistory = z.object({
  branch: z.object({ id: ScoringBranchId, name: z.string() }),
  /** Oldest first. */
  entries: z.array(
    z.object({
      period: ScoringPeriodSummary,
      assessmentId: AssessmentId,
      /** Staff only: what the branch proposed. */
      proposed: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
      result: z.object({ total: z.number().int(), star: z.number().int().nullable() }).optional(),
      move: z.enum(['up', 'down', 'same']).optional(),
      /** Staff only. */
      rectification: RectificationCountsSchema.optional(),
    }),
  ),
});

export const RectificationProgress = z.object({
  period: ScoringPeriodSummary,
  /** The China date overdue is counted against. */
  today: z.string(),
  branches: z.array(z.object({ branchId: ScoringBranchId, branchName: z.string(), assessmentId: AssessmentId, counts: RectificationCountsSchema })),
  totals: RectificationCountsSchema,
});

/** A printable report: titled sections of rows, which a page lays out and prints (and the CSV holds too). */
export const PrintableReport = z.object({
  title: z.string(),
  subtitle: z.string(),
  sections: z.array(z.object({ heading: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) })),
});
export type PrintableReport = z.infer<typeof PrintableReport>;

// ---------------------------------------------------------------------------------------------------------------
// The Old Secretary Studio (老书记工作室)

export const StudioMemberStatusEnum = z.enum(STUDIO_MEMBER_STATUSES, { error: '状态无效' });
export const SessionKindEnum = z.enum(SESSION_KINDS, { error: '请选择主题党课或座谈会' });

const studioMemberFields = {
  name: text(20, '姓名'),
  /** The person's account, if they have one. */
  userId: ScoringPersonId.optional(),
  /** What they did (原青年新苑第一党支部书记). */
  formerPost: optionalText(60, '曾任职务'),
  /** Their health, as it bears on what they can take on (the committee's eyes only). */
  health: optionalText(200, '健康状况', { multiline: true }),
  /** What they are good at (调解纠纷、政策宣讲…). */
  strengths: text(200, '工作特点和专长', { multiline: true }),
};
export const StudioMemberBody = z.object(studioMemberFields);
export const UpdateStudioMemberBody = z.object({ ...studioMemberFields, version: Version });
export const MoveStudioMemberBody = z.object({ to: StudioMemberStatusEnum, note: optionalText(200, '备注', { multiline: true }), version: Version });

export const SessionCountsSchema = z.object({ 'party-lesson': z.number().int(), symposium: z.number().int(), attendees: z.number().int() });

export const StudioMember = z.object({
  id: StudioMemberId,
  name: z.string(),
  formerPost: z.string().optional(),
  strengths: z.string(),
  /** Staff only. */
  health: z.string().optional(),
  /** Staff only. */
  userId: z.string().optional(),
  status: StudioMemberStatusEnum,
  history: z.array(z.object({ at: z.string(), from: StudioMemberStatusEnum.nullable(), to: StudioMemberStatusEnum, note: z.string().optional(), byName: z.string() })),
  /** Sessions they mentored, by kind, and the young cadres reached. */
  counts: SessionCountsSchema,
  version: z.number().int(),
  createdAt: z.string(),
});

export const StudioMembersQuery = z.object({ status: StudioMemberStatusEnum.optional() });

export const MentoringSessionBody = z.object({
  kind: SessionKindEnum,
  topic: text(60, '主题'),
  date: ChinaDate,
  /** The old secretaries who led it (studio members). */
  mentorIds: z.array(StudioMemberId).min(1, '请选择主讲的老书记').max(10).refine(distinct, '不能重复选择'),
  attendeeCount: points('参加人数', 1, 500),
  /** The young cadres who attended, by name (optional). */
  attendees: z.array(text(20, '参加人姓名')).max(60, '最多记录 60 人的姓名').optional(),
  note: optionalText(300, '备注', { multiline: true }),
});

export const MentoringSession = z.object({
  id: MentoringSessionId,
  kind: SessionKindEnum,
  topic: z.string(),
  date: z.string(),
  mentors: z.array(z.object({ id: StudioMemberId, name: z.string() })),
  attendeeCount: z.number().int(),
  /** Staff only. */
  attendees: z.array(z.string()).optional(),
  note: z.string().optional(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

// ---------------------------------------------------------------------------------------------------------------

const noPeriod = 'No such period in the caller’s community';
const noAssessment = 'No such branch assessment in the caller’s community (its period may not have opened yet)';
const stale = 'Changed since it was read (`stale-version`)';
const notInSetup = 'The period’s sheet is fixed once the branches start scoring against it (`sheet-fixed`)';
const notSecretary = 'The caller is neither this branch’s secretary in the period nor staff';

export const scoringApi = {
  // ---- the committee sets up a period
  createScoringPeriod: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/periods',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: CreatePeriodBody,
    response: ScoringPeriod,
    outcomes: { 422: 'A branch the community does not have (`unknown-branch`), or no period to copy the sheet from (`unknown-period`)' },
    summary: 'The committee opens an evaluation period (name, dates, branches taking part) with the sheet of an earlier period or the default sheet; in the audit trail',
  }),
  updateScoringPeriod: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/periods/{id}',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: UpdatePeriodBody,
    response: ScoringPeriod,
    outcomes: {
      404: noPeriod,
      409: `${stale}, branches changed after setup (\`branches-fixed\`), or the period is already announced (\`period-closed\`)`,
      422: 'A branch the community does not have (`unknown-branch`)',
    },
    summary: 'The committee changes a period’s name, dates and announcement days (until it is announced) and the branches taking part (during setup)',
  }),
  putScoringSheetCategory: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/periods/{id}/sheet/categories',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: PutSheetCategoryBody,
    response: ScoringPeriod,
    outcomes: { 404: noPeriod, 409: `${stale} or ${notInSetup}`, 422: 'The sheet would have a flaw: an id used twice, a deduction above its criterion’s maximum (`sheet-flaws`; `errors` names each)' },
    summary: 'The committee adds or replaces one category of the period’s sheet with its criteria and deduction rules',
  }),
  removeScoringSheetCategory: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/periods/{id}/sheet/category-removals',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: RemoveSheetCategoryBody,
    response: ScoringPeriod,
    outcomes: { 404: `${noPeriod}, or no such category in its sheet`, 409: `${stale} or ${notInSetup}` },
    summary: 'The committee removes a category from the period’s sheet',
  }),
  putScoringSheetRules: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/periods/{id}/sheet/rules',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: SheetRulesBody,
    response: ScoringPeriod,
    outcomes: { 404: noPeriod, 409: `${stale} or ${notInSetup}` },
    summary: 'The committee sets the sheet’s veto items, bonus items and bonus cap, the star thresholds and the caps',
  }),
  assignScoringSecretary: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/periods/{id}/secretaries',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: AssignSecretaryBody,
    response: ScoringPeriod,
    outcomes: {
      404: noPeriod,
      409: `${stale}, or the period is final (\`period-closed\`)`,
      422: 'The branch does not take part (`unknown-branch`), or no such resident or red steward in the community (`unknown-person`)',
    },
    summary: 'The committee names a branch’s secretary for the period: a resident’s account, or a name with a code its holder claims',
  }),
  setScoringWorkingGroup: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/periods/{id}/working-group',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: WorkingGroupBody,
    response: ScoringPeriod,
    outcomes: {
      404: noPeriod,
      409: `${stale}, or the reviews have begun (\`working-group-fixed\`)`,
      422: 'A branch that does not take part (`unknown-branch`), a member id that is not in the group, or an account not in the community (`unknown-person`)',
    },
    summary: 'The committee sets the working group (创评工作小组): its members, which branches each reviews, and its lead',
  }),
  moveScoringPeriod: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/periods/{id}/moves',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    body: MovePeriodBody,
    response: ScoringPeriod,
    outcomes: {
      404: noPeriod,
      409: `${stale}, a move the status table does not allow (\`transition-not-allowed\`), or its precondition unmet (\`period-not-ready\`: the sheet incomplete, a branch without reviewer or result, the announcement still running; \`errors\` names each)`,
    },
    summary: 'The committee moves the period one step: open self-assessment, start the review, publish the announcement, make it final; in the audit trail',
  }),
  createScoringKeyTasks: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/periods/{id}/tasks',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    idempotent: true,
    successStatus: 201,
    body: CreateKeyTasksBody,
    response: z.object({ items: z.array(KeyTask) }),
    outcomes: { 404: noPeriod, 409: 'The period is final (`period-closed`)', 422: 'A branch that does not take part (`unknown-branch`)' },
    summary: 'The working group hands branches a key task (重点工作任务清单): one task per branch, to be done with a plan, execution and a summary',
  }),
  getScoringPeriodBoard: endpoint({
    method: 'GET',
    path: '/v1/scoring/periods/{id}/assessments',
    access: SCORING_PEOPLE,
    params: PeriodIdParams,
    response: PeriodBoard,
    outcomes: { 403: 'The caller is neither staff nor assigned in this period', 404: noPeriod },
    summary: 'A period’s branches at a glance: self-assessment, reviews “2/3”, result, rectification and tasks (staff and the lead: all; reviewers: theirs; secretaries: their own)',
  }),
  getScoringRectificationProgress: endpoint({
    method: 'GET',
    path: '/v1/admin/scoring/periods/{id}/rectification',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    response: RectificationProgress,
    outcomes: { 404: noPeriod },
    summary: 'Rectification in a period per branch and in all: problems covered by measures, measures done, overdue and open',
  }),
  exportScoringResults: endpoint({
    method: 'GET',
    path: '/v1/admin/scoring/periods/{id}/export',
    access: STAFF_ROLES,
    params: PeriodIdParams,
    response: z.object({ filename: z.string(), csv: z.string(), report: PrintableReport }),
    outcomes: { 404: noPeriod },
    summary: 'A period’s results as CSV for Excel (UTF-8 with BOM) and as a printable report: per branch the proposal, the reviews, the final score and star, rectification; in the audit trail',
  }),
  exportScoringBranchRecord: endpoint({
    method: 'GET',
    path: '/v1/admin/scoring/assessments/{id}/export',
    access: STAFF_ROLES,
    params: AssessmentIdParams,
    response: z.object({ filename: z.string(), csv: z.string(), report: PrintableReport }),
    outcomes: { 404: noAssessment },
    summary: 'A branch’s full record of a period (sheet, self-assessment, problems, rectification, meetings, tasks, reviews, result) as CSV and as a printable report; in the audit trail',
  }),

  // ---- anyone signed in
  listScoringPeriods: endpoint({
    method: 'GET',
    path: '/v1/scoring/periods',
    access: 'signed-in',
    query: PageQuery,
    response: page(ScoringPeriodSummary),
    summary: 'The community’s evaluation periods, newest first',
  }),
  getScoringPeriod: endpoint({
    method: 'GET',
    path: '/v1/scoring/periods/{id}',
    access: 'signed-in',
    params: PeriodIdParams,
    response: ScoringPeriod,
    outcomes: { 404: noPeriod },
    summary: 'A period: its sheet, branches, secretaries and working group, status and history (accounts and claim codes for staff only)',
  }),
  getScoringResults: endpoint({
    method: 'GET',
    path: '/v1/scoring/periods/{id}/results',
    access: 'signed-in',
    params: PeriodIdParams,
    response: PeriodResults,
    outcomes: { 404: `${noPeriod}, or its results are not announced yet (staff see them as they are set)` },
    summary: 'A period’s results: each branch’s star and score, the distribution, and during the announcement how to object through feedback',
  }),
  getScoringStarDistribution: endpoint({
    method: 'GET',
    path: '/v1/scoring/star-distribution',
    access: 'signed-in',
    response: StarDistribution,
    summary: 'The community’s star distribution per period and its change across periods (announced periods; staff also see results being set)',
  }),
  getScoringBranchHistory: endpoint({
    method: 'GET',
    path: '/v1/scoring/branches/{id}/history',
    access: 'signed-in',
    params: ScoringBranchParams,
    response: BranchHistory,
    outcomes: { 404: 'No such branch in the caller’s community' },
    summary: 'A branch’s stars across periods (announced ones; staff also see proposals, results being set and rectification)',
  }),
  listMyScoringWork,
  claimScoringAssignment: endpoint({
    method: 'POST',
    path: '/v1/scoring/assignment-claims',
    access: ['resident', 'steward', 'committee'],
    body: ClaimAssignmentBody,
    response: ClaimedAssignment,
    outcomes: { 404: 'No assignment has this code (mistyped, claimed already, or replaced)', 409: 'The caller holds another place in the same working group (`already-member`)' },
    summary: 'A person links their account to the secretary’s place or the working-group membership the committee gave them, with its code',
  }),
  createScoringEvidenceUpload: endpoint({
    method: 'POST',
    path: '/v1/scoring/evidence-uploads',
    access: 'signed-in',
    query: EvidenceUploadQuery,
    successStatus: 201,
    response: UploadTicket,
    summary: 'A ticket to upload one piece of evidence (10 minutes): a photo of the work or of a document (JPEG, PNG, WebP or HEIC, at most 10 MB), or with `kind=pdf` a PDF document (at most 20 MB)',
  }),

  // ---- a branch's assessment (its secretary; reviewers and staff read it)
  getScoringAssessment: endpoint({
    method: 'GET',
    path: '/v1/scoring/assessments/{id}',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    response: ScoringAssessment,
    outcomes: { 403: 'The caller is not this branch’s secretary, one of its reviewers, the working-group lead or staff', 404: noAssessment },
    summary: 'A branch’s assessment: the sheet, its self-assessment with the total and proposed star, problems and rectification, meetings, tasks, evidence, feedback figures, the reviews the caller may see and the result',
  }),
  saveScoringSelfEntry: endpoint({
    method: 'PUT',
    path: '/v1/scoring/assessments/{id}/entries',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: SelfEntryBody,
    response: ScoringAssessment,
    outcomes: {
      403: notSecretary,
      404: noAssessment,
      409: `${stale}, submitted already (\`already-submitted\`), or the self-assessment is not open (\`self-assessment-closed\`)`,
      422: 'No such criterion or deduction rule in the sheet, a rule chosen more often than it may apply, a score above the maximum (`entry-flaws`; `errors` names each)',
    },
    summary: 'The secretary scores one criterion: deductions chosen from its rules and/or a score, with a note',
  }),
  saveScoringSelfOverall: endpoint({
    method: 'PUT',
    path: '/v1/scoring/assessments/{id}/overall',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: SelfOverallBody,
    response: ScoringAssessment,
    outcomes: {
      403: notSecretary,
      404: noAssessment,
      409: `${stale}, submitted already (\`already-submitted\`), or the self-assessment is not open (\`self-assessment-closed\`)`,
      422: 'A veto or bonus item the sheet does not have (`unknown-item`)',
    },
    summary: 'The secretary declares the veto items that apply and the bonus items claimed, with an overall note',
  }),
  submitScoringSelfAssessment: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/submission',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: SubmitSelfBody,
    response: ScoringAssessment,
    outcomes: {
      403: notSecretary,
      404: noAssessment,
      409: `${stale}, submitted already (\`already-submitted\`), not open (\`self-assessment-closed\`), or a criterion not scored yet (\`incomplete\`; \`errors\` names each)`,
    },
    summary: 'The secretary submits the self-assessment (自评荐星) once every criterion is scored: the total and proposed star are fixed, the deductions become the problem list',
  }),
  sendBackScoringSelfAssessment: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/returns',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: SendBackSelfBody,
    response: ScoringAssessment,
    outcomes: {
      403: 'The caller is neither staff nor the working-group lead',
      404: noAssessment,
      409: `${stale}, not submitted (\`not-submitted\`), or the self-assessment is not open any more (\`self-assessment-closed\`: the review works on what was submitted)`,
    },
    summary: 'The committee or the working-group lead sends a submitted self-assessment back to the branch’s secretary (退回) with the reason; it is a draft again, to correct and submit; in the audit trail',
  }),
  reportScoringKeyTask: endpoint({
    method: 'PUT',
    path: '/v1/scoring/assessments/{id}/tasks',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: ReportKeyTaskBody,
    response: KeyTask,
    outcomes: { 403: notSecretary, 404: `${noAssessment}, or no such task of the branch`, 409: `${stale}, or the period is final (\`period-closed\`)` },
    summary: 'The secretary writes a key task’s plan (计划), execution (落实) or summary (总结)',
  }),
  addScoringEvidence: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/evidence',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    idempotent: true,
    successStatus: 201,
    body: AddEvidenceBody,
    response: ScoringEvidence,
    outcomes: {
      400: 'The upload is not the caller’s, is missing or expired, is not a JPEG, PNG, WebP or HEIC image by its first bytes, or is larger than 10 MB (`errors` names `key`)',
      403: notSecretary,
      404: `${noAssessment}, or no such criterion, bonus item, task, measure or meeting of it`,
      409: 'The self-assessment was submitted (criterion and bonus evidence is fixed with it: `already-submitted`), or the period is final (`period-closed`)',
    },
    summary: 'The secretary (or staff) links an uploaded photo or PDF as evidence to a criterion, a bonus item, a key task’s stage, a rectification measure or a meeting',
  }),
  removeScoringEvidence: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/evidence-removals',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: RemoveEvidenceBody,
    response: z.object({ removed: z.literal(true) }),
    outcomes: { 403: notSecretary, 404: `${noAssessment}, or no such evidence of it`, 409: 'It belongs to a submitted self-assessment (`already-submitted`), or the period is final (`period-closed`)' },
    summary: 'The secretary (or staff) removes a piece of evidence added by mistake',
  }),
  addScoringRectification: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/rectifications',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    idempotent: true,
    successStatus: 201,
    body: AddMeasureBody,
    response: RectificationMeasure,
    outcomes: {
      403: notSecretary,
      404: noAssessment,
      409: 'The self-assessment is not submitted yet: the problem list comes from it (`not-submitted`)',
      422: 'No such problem in the branch’s problem list (`unknown-problem`)',
    },
    summary: 'The secretary adds a rectification measure (整改措施) to a problem: what, who is responsible, by when',
  }),
  recordScoringRectificationProgress: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/rectification-progress',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: MeasureProgressBody,
    response: RectificationMeasure,
    outcomes: { 403: notSecretary, 404: `${noAssessment}, or no such measure of it`, 409: `${stale}, or the measure is done already (\`measure-done\`)` },
    summary: 'The secretary records a measure’s progress, or that it is done (evidence goes through `addScoringEvidence`)',
  }),
  recordScoringBranchMeeting: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/meetings',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    idempotent: true,
    successStatus: 201,
    body: MeetingBody,
    response: BranchMeeting,
    outcomes: {
      403: notSecretary,
      404: noAssessment,
      422: 'A date after today (`date-in-future`), or a problem not in the branch’s list (`unknown-problem`)',
    },
    summary: 'The secretary records the branch general meeting (支部大会) that heard members’ views on the problems: date, attendees, minutes, the problems discussed',
  }),

  // ---- the working group
  saveScoringReviewEntry: endpoint({
    method: 'PUT',
    path: '/v1/scoring/assessments/{id}/review/entries',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: ReviewEntryBody,
    response: ScoringAssessment,
    outcomes: {
      403: 'The caller is not a working-group member assigned to review this branch',
      404: noAssessment,
      409: `${stale}, the review submitted already (\`already-submitted\`), not in review (\`review-closed\`), or the result is set (\`result-set\`)`,
      422: 'No such criterion or deduction rule in the sheet, a rule chosen too often, a score above the maximum (`entry-flaws`)',
    },
    summary: 'A reviewer scores one criterion of the branch (复核), with private notes the branch never reads',
  }),
  saveScoringReviewOverall: endpoint({
    method: 'PUT',
    path: '/v1/scoring/assessments/{id}/review/overall',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: ReviewOverallBody,
    response: ScoringAssessment,
    outcomes: {
      403: 'The caller is not a working-group member assigned to review this branch',
      404: noAssessment,
      409: `${stale}, the review submitted already (\`already-submitted\`), not in review (\`review-closed\`), or the result is set (\`result-set\`)`,
      422: 'A veto or bonus item the sheet does not have (`unknown-item`)',
    },
    summary: 'A reviewer records the veto items found and the bonus items granted, with a note',
  }),
  submitScoringReview: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/review/submission',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: SubmitReviewBody,
    response: ScoringAssessment,
    outcomes: {
      403: 'The caller is not a working-group member assigned to review this branch',
      404: `${noAssessment}, or the caller has no review of it yet`,
      409: `${stale}, submitted already (\`already-submitted\`), not in review (\`review-closed\`), or a criterion not scored (\`incomplete\`)`,
    },
    summary: 'A reviewer submits their review: it counts in the progress (“2/3 reviewed”) and in what the lead is shown',
  }),
  finaliseScoringAssessment: endpoint({
    method: 'POST',
    path: '/v1/scoring/assessments/{id}/result',
    access: SCORING_PEOPLE,
    params: AssessmentIdParams,
    body: FinalResultBody,
    response: ScoringAssessment,
    outcomes: {
      400: 'The final score or star differs from the branch’s proposal and no `reason` is given',
      403: 'The caller is not the working-group lead',
      404: noAssessment,
      409: 'Not in review (`review-closed`), no review submitted yet (`no-review`), or the result is set already (`result-set`: it is written once)',
    },
    summary: 'The working-group lead sets the branch’s final score and star, with a reason where it differs from the branch’s proposal; written once',
  }),

  // ---- the Old Secretary Studio
  listStudioMembers: endpoint({
    method: 'GET',
    path: '/v1/scoring/studio/members',
    access: 'signed-in',
    query: StudioMembersQuery,
    response: z.object({ items: z.array(StudioMember) }),
    summary: 'The Old Secretary Studio’s members (residents see members; staff see the whole list with health notes), with the sessions each led',
  }),
  addStudioMember: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/studio/members',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: StudioMemberBody,
    response: StudioMember,
    outcomes: { 422: 'No such person in the community (`unknown-person`)' },
    summary: 'The committee puts an old secretary on the studio’s list, with their health and strengths (to invite them)',
  }),
  updateStudioMember: endpoint({
    method: 'PUT',
    path: '/v1/admin/scoring/studio/members/{id}',
    access: STAFF_ROLES,
    params: StudioMemberIdParams,
    body: UpdateStudioMemberBody,
    response: StudioMember,
    outcomes: { 404: 'No such old secretary on the list', 409: stale, 422: 'No such person in the community (`unknown-person`)' },
    summary: 'The committee updates an old secretary’s details (the whole form, with the version read)',
  }),
  moveStudioMember: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/studio/members/{id}/moves',
    access: STAFF_ROLES,
    params: StudioMemberIdParams,
    body: MoveStudioMemberBody,
    response: StudioMember,
    outcomes: { 404: 'No such old secretary on the list', 409: `${stale}, or a move the status table does not allow (\`transition-not-allowed\`)` },
    summary: 'The committee invites an old secretary, records that they joined or declined, or that they left; in the audit trail',
  }),
  recordMentoringSession: endpoint({
    method: 'POST',
    path: '/v1/admin/scoring/studio/sessions',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: MentoringSessionBody,
    response: MentoringSession,
    outcomes: { 422: 'A date after today (`date-in-future`), or a mentor who is not a studio member (`not-studio-member`; `errors` names each)' },
    summary: 'The committee records a mentoring session for young cadres: a themed Party lesson (主题党课) or a symposium (座谈会), its topic, date, mentors and attendance',
  }),
  listMentoringSessions: endpoint({
    method: 'GET',
    path: '/v1/scoring/studio/sessions',
    access: 'signed-in',
    query: PageQuery,
    response: page(MentoringSession),
    summary: 'The studio’s mentoring sessions, latest first (attendees’ names for staff only)',
  }),
} as const;
