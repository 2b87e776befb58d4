import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import { countsChange, meanStar, starCounts } from '../../../shared/scoring/results';
import { effectivePeriodStatus, resultsPublic } from '../../../shared/scoring/status';
import type { Handler } from '../http/route';
import { periodSummary } from './present';
import { listPeriods, readPeriodBoard } from './store';

/** How many periods the distribution reaches back: years of annual (or half-year) periods. */
const PERIODS = 20;

/**
 * The community's star distribution per period (the demo: 15 × ★★★, 2 × ★★) and its change from one period to
 * the next, oldest first: periods whose results are announced, and for staff also those being set.
 */
export const getScoringStarDistribution: Handler<typeof scoringApi.getScoringStarDistribution> = async (_input, { principal, now }) => {
  const cid = principal.communityId;
  const staff = isStaff(principal.roles);
  const { items } = await listPeriods(cid, PERIODS);
  const shown = items.filter((p) => staff || resultsPublic(effectivePeriodStatus(p, now))).reverse();
  const boards = await Promise.all(shown.map((p) => readPeriodBoard(cid, p.id)));
  const periods = shown.flatMap((p, i) => {
    const stars = boards[i]!.assessments.flatMap((a) => (a.result && p.branches.some((b) => b.id === a.branchId) ? [a.result.star] : []));
    if (!stars.length) return [];
    const counts = starCounts(stars);
    const mean = meanStar(counts);
    return [{ period: periodSummary(p, now), public: resultsPublic(effectivePeriodStatus(p, now)), counts, rated: stars.filter((s) => s !== null).length, ...(mean !== undefined ? { meanStar: mean } : {}) }];
  });
  return { periods: periods.map((p, i) => (i > 0 ? { ...p, change: countsChange(p.counts, periods[i - 1]!.counts) } : p)) };
};
