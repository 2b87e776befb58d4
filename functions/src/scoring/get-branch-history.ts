import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import { rectificationCounts } from '../../../shared/scoring/problems';
import { starMove } from '../../../shared/scoring/results';
import type { Star } from '../../../shared/scoring/sheet';
import { effectivePeriodStatus, resultsPublic } from '../../../shared/scoring/status';
import { chinaDate } from '../feedback/china-time';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { communityBranches } from './people';
import { periodSummary } from './present';
import { branchAssessments, getPeriod, readPeriodBoard } from './store';

/**
 * A branch's stars across periods, oldest first, with its move from the period before: announced results for
 * everyone; for staff also its proposals, results being set and how its rectification stands.
 */
export const getScoringBranchHistory: Handler<typeof scoringApi.getScoringBranchHistory> = async ({ params }, { principal, now }) => {
  const cid = principal.communityId;
  const branches = await communityBranches(cid);
  const name = branches.get(params.id);
  if (!name) throw notFound('没有这个党支部');
  const staff = isStaff(principal.roles);
  const assessments = await branchAssessments(cid, params.id);
  const periods = await Promise.all(assessments.map((a) => getPeriod(cid, a.periodId)));
  const today = chinaDate(now);
  const entries = [];
  let before: Star | null | undefined;
  for (const [i, a] of assessments.entries()) {
    const p = periods[i];
    if (!p || !p.branches.some((b) => b.id === params.id)) continue;
    const isPublic = resultsPublic(effectivePeriodStatus(p, now));
    if (!staff && !isPublic) continue;
    const result = a.result && (staff || isPublic) ? { total: a.result.total, star: a.result.star } : undefined;
    const move = result ? starMove(before, result.star) : undefined;
    if (result) before = result.star;
    let rectification;
    if (staff) {
      const board = await readPeriodBoard(cid, p.id);
      rectification = rectificationCounts(a.problemKeys ?? [], board.measures.filter((m) => m.branchId === params.id), today);
    }
    entries.push({
      period: periodSummary(p, now),
      assessmentId: a.id,
      ...(staff && a.proposed ? { proposed: a.proposed } : {}),
      ...(result ? { result } : {}),
      ...(move ? { move } : {}),
      ...(rectification ? { rectification } : {}),
    });
  }
  return { branch: { id: params.id, name }, entries };
};
