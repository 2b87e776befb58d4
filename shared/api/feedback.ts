import * as z from 'zod';
import { FEEDBACK_CATEGORIES } from '../feedback/categories';
import { FEEDBACK_STATUSES } from '../feedback/status';
import { ON_BEHALF_CHANNELS } from '../feedback/contact';
import { ROLES, STAFF_ROLES } from '../roles';
import { endpoint } from './endpoint';
import { Month, PageQuery, optionalText, page, text } from './common';
import { STAT_DIMENSIONS } from '../feedback/stats';
import { IncomingKey, UploadTicket } from './uploads';
import { FeedbackId, FeedbackIdParams, MobilePhone } from './ids';

export { FeedbackId, FeedbackIdParams, MobilePhone };

export const FeedbackStatusEnum = z.enum(FEEDBACK_STATUSES, { error: '状态无效' });
export const FeedbackCategoryEnum = z.enum(FEEDBACK_CATEGORIES, { error: '请选择问题类别' });

export const SubmitFeedbackBody = z.object({
  category: FeedbackCategoryEnum,
  title: text(40, '标题'),
  description: text(1000, '问题描述', { multiline: true }),
  /** Where: the residential compound (小区) and building, as residents say it. */
  compound: text(40, '小区'),
  building: optionalText(40, '楼栋'),
  /** Photos uploaded with tickets from `createFeedbackPhotoUpload`: each ticket's `key`. */
  photos: z.array(IncomingKey).max(3, '最多 3 张照片').optional(),
  /** A number the committee may call back (optional; only the committee ever sees it whole). */
  phone: MobilePhone.optional(),
  /**
   * A red steward or old secretary logging a problem heard face to face, for a resident: who (optional) and
   * how they heard it; the resident's consent to recording their name or number is required to give either.
   */
  onBehalf: z
    .object({
      name: optionalText(20, '居民姓名'),
      phone: MobilePhone.optional(),
      channel: z.enum(ON_BEHALF_CHANNELS, { error: '请选择了解情况的方式' }),
      consent: z.boolean().optional(),
    })
    .refine((o) => !(o.name || o.phone) || o.consent === true, { path: ['consent'], message: '记录居民姓名或电话前，请先征得本人同意' })
    .optional(),
});
export type SubmitFeedbackBody = z.input<typeof SubmitFeedbackBody>;

/** A Party branch (党支部) or a red steward, as staff pick them from the community's lists: id and display name. */
export const BranchRef = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '党支部编号无效'), name: text(60, '党支部名称') });
export const PersonRef = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '人员编号无效'), name: text(40, '姓名') });

/** Who works on it: a branch and/or a steward, set by the committee. */
export const Assignment = z.object({
  branch: BranchRef.optional(),
  steward: PersonRef.optional(),
  at: z.string(),
  byName: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

/** A note among staff (and the assignee): never shown to the resident, unlike a reply. */
export const InternalNote = z.object({ at: z.string(), byName: z.string(), text: z.string() });

export const HistoryEntry = z.object({
  at: z.string(),
  from: FeedbackStatusEnum.nullable(),
  to: FeedbackStatusEnum,
  /** The reply the resident reads (or the reason for refusing). */
  note: z.string().optional(),
  /** Who made the move: a role, or `system` for what happens by itself (closing an unrated item). */
  byRole: z.enum([...ROLES, 'system']),
  byName: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Feedback = z.object({
  id: FeedbackId,
  category: FeedbackCategoryEnum,
  title: z.string(),
  description: z.string(),
  compound: z.string(),
  building: z.string().optional(),
  status: FeedbackStatusEnum,
  reporterName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  history: z.array(HistoryEntry),
  /** The report's photos as signed URLs, valid for minutes (one piece of feedback only; lists carry none). */
  photos: z.array(z.object({ url: z.string(), contentType: z.string() })).optional(),
  /** The reporter's latest say on a resolution: solved or not, 1–5 stars, their words. */
  rating: z
    .object({ resolved: z.boolean(), stars: z.number().int().min(1).max(5), comment: z.string().optional(), at: z.string() })
    .optional(),
  /** While resolved and unrated: when it closes itself (derived on read, never stored). */
  autoCloseAt: z.string().optional(),
  /** For its reporter: the committee changed it since they last opened it (derived on read). */
  unread: z.boolean().optional(),
  /** The number residents quote (e.g. `20261127-007`). */
  ref: z.string().optional(),
  /** When the committee's first answer is due (RESPONSE_TARGET_HOURS by category; derived on read). */
  responseDueAt: z.string().optional(),
  /** The reporter's call-back number: whole for the committee, masked (`138****5678`) for everyone else. */
  phone: z.string().optional(),
  /** Logged by a steward for a resident: who (with consent) and how they heard it. Phone masked as above. */
  onBehalf: z
    .object({ name: z.string().optional(), phone: z.string().optional(), channel: z.enum(ON_BEHALF_CHANNELS), consentRecordedAt: z.string().optional() })
    .optional(),
  assignment: Assignment.optional(),
  /** Staff and the assignee only. */
  notes: z.array(InternalNote).optional(),
});
export type Feedback = z.infer<typeof Feedback>;

/** What a list shows: no history, no long text. */
export const FeedbackSummary = Feedback.pick({
  id: true,
  category: true,
  title: true,
  compound: true,
  status: true,
  reporterName: true,
  createdAt: true,
  updatedAt: true,
  unread: true,
  assignment: true,
  ref: true,
  responseDueAt: true,
});
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

/**
 * The committee's queue: one status, oldest waiting first, narrowed by what staff look for. `q` matches the
 * title, the reference number or the compound; `waitingHours` keeps what has waited at least that long.
 */
export const AdminFeedbackQuery = PageQuery.extend({
  status: FeedbackStatusEnum.default('submitted'),
  category: FeedbackCategoryEnum.optional(),
  compound: optionalText(40, '小区'),
  branchId: BranchRef.shape.id.optional(),
  stewardId: PersonRef.shape.id.optional(),
  q: optionalText(40, '搜索内容'),
  waitingHours: z.coerce.number().int().min(1, '等待时长至少 1 小时').max(24 * 365, '等待时长过长').optional(),
});

export const TransitionBody = z.object({
  to: FeedbackStatusEnum,
  note: optionalText(500, '回复', { multiline: true }),
  version: z.number({ error: '缺少版本号' }).int().min(1),
});
export type TransitionBody = z.input<typeof TransitionBody>;

export const WithdrawBody = z.object({
  reason: optionalText(200, '撤回原因', { multiline: true }),
  version: z.number({ error: '缺少版本号' }).int().min(1),
});
export type WithdrawBody = z.input<typeof WithdrawBody>;

export const RatingBody = z
  .object({
    /** 解决了 (true) closes it; 没解决 (false) reopens it with the reporter's words. */
    resolved: z.boolean({ error: '请选择是否已解决' }),
    stars: z.number({ error: '请选择满意度（1–5 星）' }).int().min(1, '请选择满意度（1–5 星）').max(5, '满意度最多 5 星'),
    comment: optionalText(500, '评价', { multiline: true }),
    version: z.number({ error: '缺少版本号' }).int().min(1),
  })
  // the page and the server share the rule: "not solved" must say what is still wrong
  .refine((b) => b.resolved || Boolean(b.comment), { path: ['comment'], message: '请说一说哪里还没有解决' });
export type RatingBody = z.input<typeof RatingBody>;

const assignFields = { branch: BranchRef.optional(), steward: PersonRef.optional() };
const someone = { path: ['branch'], message: '请选择党支部或红色小管家' };

export const AssignBody = z.object(assignFields).refine((b) => b.branch || b.steward, someone);
export type AssignBody = z.input<typeof AssignBody>;

export const BulkAssignBody = z
  .object({ ...assignFields, ids: z.array(FeedbackId).min(1, '请选择要分派的反馈').max(50, '一次最多分派 50 条') })
  .refine((b) => b.branch || b.steward, someone);
export type BulkAssignBody = z.input<typeof BulkAssignBody>;

export const NoteBody = z.object({ text: text(500, '内部备注', { multiline: true }) });

/** A move by the assigned steward: start work, or resolve with the reply the resident reads. */
export const ProgressBody = z.object({
  to: z.enum(['in_progress', 'resolved'], { error: '状态无效' }),
  note: optionalText(500, '回复', { multiline: true }),
  version: z.number({ error: '缺少版本号' }).int().min(1),
});

export const StatusCounts = z.object({ counts: z.record(FeedbackStatusEnum, z.number().int().min(0)) });

/** A range of months, at most two years. */
export const StatsQuery = z
  .object({ from: Month, to: Month })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '结束月份不能早于开始月份' })
  .refine((q) => monthsBetween(q.from, q.to) <= 24, { path: ['from'], message: '一次最多查询 24 个月' });
const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!) + 1;
};

/** A steward's work in one month: reports logged for residents, feedback assigned to them, and what they resolved. */
export const WorkMonth = z.object({ month: Month, logged: z.number().int(), assigned: z.number().int(), resolved: z.number().int() });
export type WorkMonth = z.infer<typeof WorkMonth>;

export const StatRowSchema = z.object({
  month: Month,
  dimension: z.enum(STAT_DIMENSIONS),
  value: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  reopened: z.number().int(),
  reopenRate: z.number().optional(),
  satisfaction: z.number().optional(),
  ratings: z.number().int(),
  medianFirstResponse: z.string().optional(),
  medianResolution: z.string().optional(),
});

export const feedbackApi = {
  submitFeedback: endpoint({
    method: 'POST',
    path: '/v1/feedback',
    access: ['resident', 'steward'],
    idempotent: true,
    successStatus: 201,
    body: SubmitFeedbackBody,
    response: Feedback,
    outcomes: {
      400: 'A photo in `photos` is not an upload of the caller’s, is missing or expired, is not a JPEG, PNG, WebP or HEIC image by its first bytes, is larger than 5 MB, or is listed twice (`errors` names it: `photos.<i>`)',
      403: '`onBehalf` is for red stewards only',
    },
    summary: 'A resident reports a problem; a red steward reports one, or logs one heard face to face for a resident (`onBehalf`)',
  }),
  createFeedbackPhotoUpload: endpoint({
    method: 'POST',
    path: '/v1/feedback/photo-uploads',
    access: ['resident', 'steward'],
    successStatus: 201,
    response: UploadTicket,
    summary: 'A ticket to upload one photo for a report (10 minutes; JPEG, PNG, WebP or HEIC, at most 5 MB)',
  }),
  listMyFeedback: endpoint({
    method: 'GET',
    path: '/v1/feedback/mine',
    access: ['resident', 'steward'],
    query: PageQuery,
    response: page(FeedbackSummary),
    summary: 'My feedback, newest first (each marked unread when the committee changed it since I last opened it)',
  }),
  countMyUnreadFeedback: endpoint({
    method: 'GET',
    path: '/v1/feedback/mine/unread',
    access: ['resident', 'steward'],
    response: z.object({ count: z.number().int().min(0) }),
    summary: 'How many of my reports the committee changed since I last opened them (the home page badge)',
  }),
  getFeedback: endpoint({
    method: 'GET',
    path: '/v1/feedback/{id}',
    access: 'signed-in',
    params: FeedbackIdParams,
    response: Feedback,
    outcomes: { 404: 'No such feedback, or not the caller’s to read' },
    summary: 'One piece of feedback with its timeline (its reporter or staff only)',
  }),
  listFeedbackQueue: endpoint({
    method: 'GET',
    path: '/v1/admin/feedback',
    access: STAFF_ROLES,
    query: AdminFeedbackQuery,
    response: page(FeedbackSummary),
    summary: "The committee's queue for one status, oldest waiting first",
  }),
  transitionFeedback: endpoint({
    method: 'POST',
    path: '/v1/admin/feedback/{id}/transitions',
    access: STAFF_ROLES,
    params: FeedbackIdParams,
    body: TransitionBody,
    response: Feedback,
    outcomes: {
      400: 'Resolving or rejecting needs a reply in `note`',
      404: 'No such feedback in the caller’s community',
      409: 'Someone changed it first (`stale-version`), or the status machine does not allow the move (`transition-not-allowed`)',
    },
    summary: 'The committee moves feedback along its status machine, with a reply',
  }),
  countFeedbackByStatus: endpoint({
    method: 'GET',
    path: '/v1/admin/feedback/counts',
    access: STAFF_ROLES,
    response: StatusCounts,
    summary: 'How many pieces of feedback are in each status (the queue filter shows them)',
  }),
  assignFeedback: endpoint({
    method: 'POST',
    path: '/v1/admin/feedback/{id}/assignment',
    access: STAFF_ROLES,
    params: FeedbackIdParams,
    body: AssignBody,
    response: Feedback,
    outcomes: {
      404: 'No such feedback in the caller’s community',
      409: 'It is closed, rejected or withdrawn: nobody works on it any more (`already-final`)',
    },
    summary: 'The committee hands feedback to a branch (党支部) and/or a red steward, who then see it in their queue',
  }),
  assignFeedbackInBulk: endpoint({
    method: 'POST',
    path: '/v1/admin/feedback/assignments',
    access: STAFF_ROLES,
    body: BulkAssignBody,
    response: z.object({ assigned: z.array(FeedbackId), refused: z.array(z.object({ id: FeedbackId, reason: z.string() })) }),
    summary: 'The same assignment for up to 50 pieces of feedback at once; each succeeds or is refused on its own',
  }),
  addInternalNote: endpoint({
    method: 'POST',
    path: '/v1/admin/feedback/{id}/notes',
    access: STAFF_ROLES,
    params: FeedbackIdParams,
    body: NoteBody,
    response: Feedback,
    outcomes: { 404: 'No such feedback in the caller’s community' },
    summary: 'A note among staff, never shown to the resident',
  }),
  listAssignedToMe: endpoint({
    method: 'GET',
    path: '/v1/feedback/assigned',
    access: ['steward'],
    query: PageQuery,
    response: page(FeedbackSummary),
    summary: 'A red steward’s queue: the feedback the committee assigned to them, latest assignment first',
  }),
  getMyWorkLog: endpoint({
    method: 'GET',
    path: '/v1/feedback/work-log',
    access: ['steward'],
    query: StatsQuery,
    response: z.object({ months: z.array(WorkMonth) }),
    summary: 'A red steward’s own work per month: reports logged for residents, feedback assigned to them, feedback they resolved',
  }),
  progressAssignedFeedback: endpoint({
    method: 'POST',
    path: '/v1/feedback/{id}/progress',
    access: ['steward'],
    params: FeedbackIdParams,
    body: ProgressBody,
    response: Feedback,
    outcomes: {
      400: 'Resolving needs the reply the resident reads in `note`',
      404: 'No such feedback assigned to the caller',
      409: 'Changed since it was read (`stale-version`), or the move is not open from its status (`transition-not-allowed`)',
    },
    summary: 'The assigned steward starts work on it or resolves it, with a reply to the resident',
  }),
  feedbackStats: endpoint({
    method: 'GET',
    path: '/v1/admin/feedback/stats',
    access: STAFF_ROLES,
    query: StatsQuery,
    response: z.object({ rows: z.array(StatRowSchema) }),
    summary: 'Statistics per month, in all and by category, compound and branch: received, resolved, reopen rate, satisfaction, median times',
  }),
  exportFeedbackStats: endpoint({
    method: 'GET',
    path: '/v1/admin/feedback/stats/export',
    access: STAFF_ROLES,
    query: StatsQuery,
    response: z.object({ filename: z.string(), csv: z.string() }),
    summary: 'The same statistics as CSV for Excel (UTF-8 with BOM); recorded in the audit trail',
  }),
  withdrawFeedback: endpoint({
    method: 'POST',
    path: '/v1/feedback/{id}/withdrawal',
    access: ['resident', 'steward'],
    params: FeedbackIdParams,
    body: WithdrawBody,
    response: Feedback,
    outcomes: {
      404: 'No such feedback among the caller’s own',
      409: 'Changed since it was read (`stale-version`), or already accepted and so no longer withdrawable (`transition-not-allowed`)',
    },
    summary: 'Its reporter withdraws a report the committee has not accepted yet',
  }),
  rateFeedback: endpoint({
    method: 'POST',
    path: '/v1/feedback/{id}/rating',
    access: ['resident', 'steward'],
    params: FeedbackIdParams,
    body: RatingBody,
    response: Feedback,
    outcomes: {
      404: 'No such feedback among the caller’s own',
      409: 'Changed since it was read (`stale-version`), or not resolved now (`transition-not-allowed`)',
    },
    summary: '“解决了吗？” Its reporter says whether the resolved problem is solved (closes it) or not (reopens it), with 1–5 stars',
  }),
} as const;
