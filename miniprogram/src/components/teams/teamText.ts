import { slotText, sortSlots, type WeeklySlot } from '../../../../shared/teams/slots';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../../shared/teams/activities';
import { VALIDITY_LABELS, type Validity } from '../../../../shared/teams/registration';
import { TEAM_DECISION_LABELS, TEAM_STATUS_LABELS, decisionOf, type TeamStatus } from '../../../../shared/teams/status';

/*
 * How the teams pages word a team (the residents' subpackage and the committee's section alike). Pure, and loaded
 * by the unit tests (relative import of shared/: jest loads this file without the alias).
 */

/** `{day: 2, start: '19:00', end: '20:30'}` → `周二 19:00–20:30` (the shared rule's wording, as in the CSV). */
export { slotText };

/** All of a team's slots in week order: `周一 19:00–20:30、周三 19:00–20:30`; `未填写` when none. */
export const slotsText = (slots: readonly WeeklySlot[]): string => (slots.length ? sortSlots(slots).map(slotText).join('、') : '未填写');

/** `2026-12-31` → `2026年12月31日`. */
export const dateText = (date: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
};

/** Hours as people say them: `2 小时`, `1.5 小时`. */
export const hoursText = (hours: number): string => `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;

/** How many members accepted the rules in force: `8/10 人已确认规章`; before any rules: `社区尚未发布规章`. */
export const rulesProgressText = (r: { currentVersion: number | null; accepted: number; of: number }): string =>
  r.currentVersion === null ? '社区尚未发布规章' : r.accepted === r.of ? `全部 ${r.of} 人已确认第 ${r.currentVersion} 版规章` : `${r.accepted}/${r.of} 人已确认第 ${r.currentVersion} 版规章`;

const rangesText = (ranges: readonly { start: string; end: string }[]): string => ranges.map((r) => `${r.start}–${r.end}`).join('、');

/**
 * A venue's rules as the filing form tells them: `可同时容纳 2 支队伍；允许活动 07:00–21:00；夏季（6、7、8月）
 * 06:30–21:30`.
 */
export const venueRulesText = (v: {
  capacity: number;
  allowedHours: readonly { start: string; end: string }[];
  seasonalRules: readonly { name: string; months: readonly number[]; allowedHours: readonly { start: string; end: string }[] }[];
}): string =>
  [
    `可同时容纳 ${v.capacity} 支队伍`,
    `允许活动 ${rangesText(v.allowedHours)}`,
    ...v.seasonalRules.map((r) => `${r.name}（${r.months.join('、')}月）${rangesText(r.allowedHours)}`),
  ].join('；');

/** Every quarter hour from 05:00 to 23:45: the times a slot may start or end on. */
export const QUARTER_TIMES: readonly string[] = Array.from({ length: 76 }, (_, i) => {
  const m = 5 * 60 + i * 15;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
});

// ---- The committee's section (packages/admin) reads these too: a team's registration, history and people.

/** A history line's act: `提交备案`, `退回修改`, `批准备案`… (the committee's decisions in the words their buttons use). */
export const teamHistoryText = (h: { from: TeamStatus | null; to: TeamStatus; byRole: 'leader' | 'committee' | 'admin' }): string => {
  if (h.from === null) return '创建备案草稿';
  if (h.to === 'submitted') return h.from === 'changes_requested' ? '修改后重新提交备案' : '提交备案';
  const decision = decisionOf(h.from, h.to);
  return decision ? TEAM_DECISION_LABELS[decision] : `改为“${TEAM_STATUS_LABELS[h.to]}”`;
};

/** `有效期至 2027年11月26日（有效）`. */
export const validityText = (r: { validUntil: string; validity: Validity }): string => `有效期至 ${dateText(r.validUntil)}（${VALIDITY_LABELS[r.validity]}）`;

/** `使用音响，音量不超过 60 分贝` / `不使用音响`. */
export const loudspeakerText = (t: { usesLoudspeaker: boolean; volumeLimitDb?: number }): string =>
  !t.usesLoudspeaker ? '不使用音响' : t.volumeLimitDb !== undefined ? `使用音响，音量不超过 ${t.volumeLimitDb} 分贝` : '使用音响';

/**
 * Where a member stands with the rules in force (`current`): `已确认第 2 版（集体学习）`, `只确认过第 1 版，尚未确认第 2 版`,
 * `尚未确认第 2 版`; before any rules: `社区尚未发布规章`.
 */
export const memberRulesText = (
  m: { acceptedCurrent: boolean; rules: { version: number; how: 'app' | 'study-session' } | null },
  current: number | null,
): string => {
  if (current === null) return '社区尚未发布规章';
  if (m.acceptedCurrent && m.rules) return `已确认第 ${m.rules.version} 版（${m.rules.how === 'app' ? '在小程序中确认' : '集体学习'}）`;
  if (m.rules) return `只确认过第 ${m.rules.version} 版，尚未确认第 ${current} 版`;
  return `尚未确认第 ${current} 版`;
};

/** A team's activities added up: `文艺汇演 2 次，共 10 小时；志愿服务 1 次，共 4 小时`; `还没有记录活动`. */
export const activityTotalsText = (totals: Record<ActivityKind, { activities: number; hours: number }>): string => {
  const parts = ACTIVITY_KINDS.filter((k) => totals[k].activities > 0).map((k) => `${ACTIVITY_KIND_LABELS[k]} ${totals[k].activities} 次，共 ${hoursText(totals[k].hours)}`);
  return parts.length ? parts.join('；') : '还没有记录活动';
};

/** `噪音投诉 2 条` / `没有噪音投诉`. */
export const complaintCountText = (n: number): string => (n ? `噪音投诉 ${n} 条` : '没有噪音投诉');

/**
 * The address a page of the browser app has, for a QR code: `base` is where the app is published ('' in the
 * browser build: its own address, `origin + pathname`). Parameters are percent-encoded, so the code stays ASCII.
 */
export const appAddress = (base: string, page: string, params: Record<string, string>): string => {
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}/#${page}${query ? `?${query}` : ''}`;
};
