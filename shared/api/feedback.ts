import * as z from 'zod';
import { FEEDBACK_CATEGORIES } from '../feedback/categories';
import { FEEDBACK_STATUSES } from '../feedback/status';
import { ROLES, STAFF_ROLES } from '../roles';
import { endpoint } from './endpoint';
import { PageQuery, optionalText, page, text } from './common';

export const FeedbackId = z.string().regex(/^[0-9a-f-]{36}$/, '反馈编号无效');
export const FeedbackStatusEnum = z.enum(FEEDBACK_STATUSES, { error: '状态无效' });
export const FeedbackCategoryEnum = z.enum(FEEDBACK_CATEGORIES, { error: '请选择问题类别' });

export const SubmitFeedbackBody = z.object({
  category: FeedbackCategoryEnum,
  title: text(40, '标题'),
  description: text(1000, '问题描述', { multiline: true }),
  /** Where: the residential compound (小区) and building, as residents say it. */
  compound: text(40, '小区'),
  building: optionalText(40, '楼栋'),
});
export type SubmitFeedbackBody = z.input<typeof SubmitFeedbackBody>;

export const HistoryEntry = z.object({
  at: z.string(),
  from: FeedbackStatusEnum.nullable(),
  to: FeedbackStatusEnum,
  /** The reply the resident reads (or the reason for refusing). */
  note: z.string().optional(),
  byRole: z.enum(ROLES),
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
});
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

export const FeedbackIdParams = z.object({ id: FeedbackId });

export const AdminFeedbackQuery = PageQuery.extend({ status: FeedbackStatusEnum.default('submitted') });

export const TransitionBody = z.object({
  to: FeedbackStatusEnum,
  note: optionalText(500, '回复', { multiline: true }),
  version: z.number({ error: '缺少版本号' }).int().min(1),
});
export type TransitionBody = z.input<typeof TransitionBody>;

export const feedbackApi = {
  submitFeedback: endpoint({
    method: 'POST',
    path: '/v1/feedback',
    access: ['resident', 'steward'],
    idempotent: true,
    successStatus: 201,
    body: SubmitFeedbackBody,
    response: Feedback,
    summary: 'A resident reports a problem',
  }),
  listMyFeedback: endpoint({
    method: 'GET',
    path: '/v1/feedback/mine',
    access: ['resident', 'steward'],
    query: PageQuery,
    response: page(FeedbackSummary),
    summary: 'My feedback, newest first',
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
} as const;
