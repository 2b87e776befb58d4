import type { scoringApi } from '../../../../shared/api/scoring';
import { chinaDate } from '../../feedback/china-time';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { boardRows, sumCounts } from '../board';
import { periodSummary } from '../present';
import { readPeriodBoard } from '../store';

/** Rectification in a period, per branch and in all: problems covered by measures, measures done, overdue, open. */
export const getScoringRectificationProgress: Handler<typeof scoringApi.getScoringRectificationProgress> = async ({ params }, { principal, now }) => {
  const period = await readPeriod(principal.communityId, params.id);
  const today = chinaDate(now);
  const rows = boardRows(period, await readPeriodBoard(principal.communityId, period.id), today);
  return {
    period: periodSummary(period, now),
    today,
    branches: rows.map((r) => ({ branchId: r.branch.id, branchName: r.branch.name, assessmentId: r.assessmentId, counts: r.rectification })),
    totals: sumCounts(rows.map((r) => r.rectification)),
  };
};
