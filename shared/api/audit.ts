import * as z from 'zod';
import { ROLES } from '../roles';
import { Month, PageQuery, page } from './common';

/**
 * The audit trail: every staff act, as an append-only entry (who, when, what, from where), readable by admins.
 * Entries name what was acted on by id and say what changed in words of the domain; never residents' personal
 * data or free text.
 */
export const AUDIT_ACTIONS = [
  'staff-sign-in', 'sign-in-unlock', 'feedback-transition', 'feedback-assignment', 'feedback-note', 'feedback-export', 'compounds-update',
  'venue-update', 'dance-rules-publish', 'team-decision', 'team-complaint-link', 'team-activity', 'teams-export',
  'council-update', 'council-seat', 'motion-from-feedback', 'motion-schedule', 'motion-withdraw', 'motion-in-person-ballot', 'motion-close-early',
  'scoring-period-setup', 'scoring-period-move', 'scoring-send-back', 'scoring-result', 'scoring-export', 'studio-update',
  'household-update', 'household-read', 'steward-coverage-export', 'steward-settings', 'survey-move', 'survey-export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'staff-sign-in': '工作人员登录',
  'sign-in-unlock': '解除登录限制',
  'feedback-transition': '变更反馈状态',
  'feedback-assignment': '分派反馈',
  'feedback-note': '添加内部备注',
  'feedback-export': '导出反馈统计',
  'compounds-update': '修改小区列表',
  'venue-update': '修改舞队活动场地',
  'dance-rules-publish': '发布舞队规章',
  'team-decision': '审核舞队备案',
  'team-complaint-link': '关联噪音投诉',
  'team-activity': '记录舞队活动',
  'teams-export': '导出舞队名单',
  // the council's acts of running it (the committee's, and its chair's: both are on the record)
  'council-update': '设立或修改议事会',
  'council-seat': '安排议事会席位',
  'motion-from-feedback': '将居民反馈转为议题',
  'motion-schedule': '安排议题讨论和表决',
  'motion-withdraw': '撤回议题',
  'motion-in-person-ballot': '代录现场表决票',
  'motion-close-early': '提前结束表决',
  // branch star rating: the committee's setup and moves, the working-group lead's final star, exports; the studio
  'scoring-period-setup': '设置星级评定周期',
  'scoring-period-move': '推进星级评定阶段',
  'scoring-send-back': '退回支部自评',
  'scoring-result': '确定支部最终星级',
  'scoring-export': '导出星级评定材料',
  'studio-update': '维护老书记工作室',
  // households are personal data: every staff read of a record is on the trail, as are changes
  'household-update': '登记或修改走访住户',
  'household-read': '查看住户档案',
  'steward-coverage-export': '导出走访情况',
  'steward-settings': '修改走访周期',
  'survey-move': '发布或结束民意征集',
  'survey-export': '导出民意征集结果',
};

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actorId: z.string(),
  actorName: z.string(),
  actorRoles: z.array(z.enum(ROLES)),
  /** What was acted on: a kind and its id (e.g. `feedback` + its id, `account` + the account name). */
  target: z.object({ kind: z.string(), id: z.string() }).optional(),
  /** What changed, briefly (e.g. `submitted → accepted`). */
  change: z.string().optional(),
  /** The address the act came from, as the API gateway saw it. */
  sourceIp: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A month of the trail: `2026-11`. Entries are kept per month, newest first. */
export const AuditMonth = Month;

export const AuditQuery = PageQuery.extend({ month: AuditMonth.optional() });
export const AuditPage = page(AuditEntry);
