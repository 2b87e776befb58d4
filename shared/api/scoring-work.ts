import * as z from 'zod';
import { PERIOD_STATUSES } from '../scoring/status';
import { uuidLike } from './common';
import { endpoint } from './endpoint';

/**
 * The one piece of the scoring contract the main package needs: whether a person has star-rating work, so the
 * home page can offer it. Kept apart from `scoring.ts` so that the first page a resident opens does not load the
 * whole contract (the subpackage does); `scoring.ts` re-exports all of it.
 */

export const PeriodId = uuidLike('评定周期编号无效');
export const AssessmentId = uuidLike('支部评定编号无效');
/** A branch as identity keeps it (`01` … `17`). */
export const ScoringBranchId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '党支部编号无效');
export const PeriodStatusEnum = z.enum(PERIOD_STATUSES, { error: '状态无效' });

export const ScoringPeriodSummary = z.object({
  id: PeriodId,
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** As of now: an announcement whose days have passed is final. */
  status: PeriodStatusEnum,
  branchCount: z.number().int(),
  announcement: z.object({ startsAt: z.string(), endsAt: z.string() }).optional(),
  createdAt: z.string(),
});
export type ScoringPeriodSummary = z.infer<typeof ScoringPeriodSummary>;

export const MyScoringWork = z.object({
  items: z.array(
    z.object({
      period: ScoringPeriodSummary,
      secretaryOf: z.array(z.object({ branchId: ScoringBranchId, branchName: z.string(), assessmentId: AssessmentId })),
      reviewerOf: z.array(z.object({ branchId: ScoringBranchId, branchName: z.string(), assessmentId: AssessmentId })),
      lead: z.boolean(),
    }),
  ),
});

/** The branches I am secretary of and the ones I review (see `scoringApi`). */
export const listMyScoringWork = endpoint({
  method: 'GET',
  path: '/v1/scoring/mine',
  access: 'signed-in',
  response: MyScoringWork,
  summary: 'The branches I am secretary of and the ones I review, in the latest periods',
});
