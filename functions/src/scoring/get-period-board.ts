import type { scoringApi } from '../../../shared/api/scoring';
import { chinaDate } from '../feedback/china-time';
import { forbidden } from '../http/problem';
import type { Handler } from '../http/route';
import { boardBranches, readPeriod } from './access';
import { boardRows } from './board';
import { periodSummary } from './present';
import { readPeriodBoard } from './store';

/**
 * A period's branches at a glance: self-assessment, reviews (“2/3”), result, rectification and tasks. Staff and
 * the lead see every branch; a reviewer the branches they review; a secretary their own.
 */
export const getScoringPeriodBoard: Handler<typeof scoringApi.getScoringPeriodBoard> = async ({ params }, { principal, now }) => {
  const period = await readPeriod(principal.communityId, params.id);
  const visible = boardBranches(period, principal);
  if (!visible) throw forbidden('您在本评定周期中没有任务');
  const board = await readPeriodBoard(principal.communityId, period.id);
  const rows = boardRows(period, board, chinaDate(now), visible);
  return {
    period: periodSummary(period, now),
    items: rows.map(({ result, ...r }) => ({ ...r, ...(result ? { result: { total: result.total, star: result.star } } : {}) })),
  };
};
