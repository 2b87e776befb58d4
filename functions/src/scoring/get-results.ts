import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import { starCounts } from '../../../shared/scoring/results';
import { effectivePeriodStatus, resultsPublic } from '../../../shared/scoring/status';
import type { Handler } from '../http/route';
import { readPeriod } from './access';
import { objectionFor } from './objection';
import { periodSummary } from './present';
import { periodNotFound } from './problems';
import { readPeriodBoard } from './store';

/**
 * A period's results: each branch's star and score and the distribution. Residents of the community see them from
 * the announcement (公示) on, and during it how to object through feedback; staff see results as the lead sets them.
 */
export const getScoringResults: Handler<typeof scoringApi.getScoringResults> = async ({ params }, { principal, now }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  const status = effectivePeriodStatus(period, now);
  const shown = resultsPublic(status);
  if (!shown && !isStaff(principal.roles)) throw periodNotFound();
  const board = await readPeriodBoard(cid, period.id);
  const branches = period.branches.flatMap((b) => {
    const a = board.assessments.find((x) => x.branchId === b.id);
    if (!a?.result) return [];
    return [
      {
        branchId: b.id,
        branchName: b.name,
        assessmentId: a.id,
        star: a.result.star,
        total: a.result.total,
        finalisedAt: a.result.at,
        ...(status === 'announcement' ? { objection: objectionFor(b.name, period.name) } : {}),
      },
    ];
  });
  return { period: periodSummary(period, now), public: shown, distribution: starCounts(branches.map((b) => b.star)), branches };
};
