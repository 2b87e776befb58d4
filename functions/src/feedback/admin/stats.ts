import type { feedbackApi } from '../../../../shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '../../../../shared/feedback/categories';
import { statsCsv, type StatRow } from '../../../../shared/feedback/stats';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readStats } from '../stats';

/** Categories are stored by key and shown by their Chinese name. */
const labelled = (rows: StatRow[]): StatRow[] =>
  rows.map((r) => (r.dimension === 'category' ? { ...r, value: FEEDBACK_CATEGORY_LABELS[r.value as FeedbackCategory] ?? r.value } : r));

/** The statistics page: received, resolved, reopen rate, satisfaction and median times, per month and dimension. */
export const feedbackStats: Handler<typeof feedbackApi.feedbackStats> = async ({ query }, { principal }) => ({
  rows: labelled(await readStats(principal.communityId, query.from, query.to)),
});

/** The same table as a CSV file for Excel; an export is a staff act, so it is recorded. */
export const exportFeedbackStats: Handler<typeof feedbackApi.exportFeedbackStats> = async ({ query }, { principal, now, sourceIp }) => {
  const rows = labelled(await readStats(principal.communityId, query.from, query.to));
  await recordAudit({ action: 'feedback-export', actor: principal, at: now, sourceIp, change: `stats ${query.from}…${query.to}` });
  return { filename: `反馈统计_${query.from}_${query.to}.csv`, csv: statsCsv(rows) };
};
