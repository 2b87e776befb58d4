import type { scoringApi } from '../../../../shared/api/scoring';
import { resultsCsv, resultsReport } from '../../../../shared/scoring/export';
import { effectivePeriodStatus, PERIOD_STATUS_LABELS } from '../../../../shared/scoring/status';
import { consolidateReviews } from '../../../../shared/scoring/results';
import type { Star } from '../../../../shared/scoring/sheet';
import { recordAudit } from '../../audit/trail';
import { chinaDate } from '../../feedback/china-time';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { boardRows } from '../board';
import { figuresOf, periodStats, satisfactionOf } from '../figures';
import { readAssessmentPartition, readPeriodBoard } from '../store';

/** Partitions read at once for the export: each is one Query. */
const AT_ONCE = 8;

/**
 * A period's results as CSV for Excel: per branch its secretary, its proposal, the reviews' progress and what they
 * suggest, the final score and star with the reason and who set it, and its rectification. Recorded in the audit
 * trail.
 */
export const exportScoringResults: Handler<typeof scoringApi.exportScoringResults> = async ({ params }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  const [board, stats] = await Promise.all([readPeriodBoard(cid, period.id), periodStats(cid, period, now)]);
  const rows = boardRows(period, board, chinaDate(now));
  const suggested = new Map<string, { total: number; star: Star | null }>();
  for (let i = 0; i < rows.length; i += AT_ONCE)
    await Promise.all(
      rows.slice(i, i + AT_ONCE).map(async (row) => {
        const part = await readAssessmentPartition(cid, row.assessmentId);
        if (!part) return;
        const reviewers = period.workingGroup.filter((m) => m.branchIds.includes(row.branch.id));
        const submitted = part.reviews.filter((r) => r.status === 'submitted' && reviewers.some((m) => m.id === r.memberId));
        const s = consolidateReviews(period.sheet, submitted, satisfactionOf(figuresOf(stats.rows, row.branch.name, stats.months)));
        if (s) suggested.set(row.branch.id, { total: s.total, star: s.star });
      }),
    );
  const lines = rows.map((r) => ({
      branchName: r.branch.name,
      ...(r.secretaryName ? { secretaryName: r.secretaryName } : {}),
      ...(r.proposed ? { proposed: r.proposed } : {}),
      reviews: r.reviews,
      ...(suggested.has(r.branch.id) ? { suggested: suggested.get(r.branch.id)! } : {}),
      ...(r.result ? { result: r.result } : {}),
      rectification: r.rectification,
    }));
  const csv = resultsCsv(lines);
  const report = resultsReport({ name: period.name, startDate: period.startDate, endDate: period.endDate, statusLabel: PERIOD_STATUS_LABELS[effectivePeriodStatus(period, now)] }, lines);
  await recordAudit({ action: 'scoring-export', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `results of ${rows.length} branches` });
  return { filename: `星级评定结果_${period.name}_${chinaDate(now)}.csv`, csv, report };
};
