import type { scoringApi } from '../../../shared/api/scoring';
import { problemsOf } from '../../../shared/scoring/problems';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { presentMeasure } from './present';
import { notSubmitted, unknownProblem } from './problems';
import { getMeasure, putMeasure, type MeasureItem } from './store';

/**
 * The secretary adds a rectification measure (整改措施) to a problem of the branch's problem list: what will be
 * done, who answers for it, by when. The list comes from the submitted self-assessment. Rectification goes on
 * after the period is final (aimed at the next star). With an `Idempotency-Key` a retry adds it once.
 */
export const addScoringRectification: Handler<typeof scoringApi.addScoringRectification> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const { period, assessment } = secretaryOnly(await assessmentFor(principal, params.id));
  if (assessment.status !== 'submitted') throw notSubmitted();
  const problem = problemsOf(period.sheet, assessment.entries).find((p) => p.key === body.problemKey);
  if (!problem) throw unknownProblem(['problemKey']);
  const id = newItemId(`addScoringRectification\n${assessment.id}`, principal, idempotencyKey);
  const at = now.toISOString();
  const measure: MeasureItem = {
    id,
    assessmentId: assessment.id,
    branchId: assessment.branchId,
    problemKey: problem.key,
    measure: body.measure,
    ownerName: body.ownerName,
    deadline: body.deadline,
    updates: [],
    version: 1,
    createdAt: at,
    createdByName: principal.name,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: measure, put: (m) => putMeasure(cid, period.id, m), read: () => getMeasure(cid, assessment.id, id) });
  return presentMeasure(stored, chinaDate(now));
};
