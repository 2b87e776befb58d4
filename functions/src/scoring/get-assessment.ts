import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { assessmentFor } from './access';
import { assessmentPage } from './page';

/**
 * A branch's assessment, for its secretary, its reviewers, the working-group lead and staff: what each sees
 * differs (reviews and their notes are the working group's): present.ts.
 */
export const getScoringAssessment: Handler<typeof scoringApi.getScoringAssessment> = async ({ params }, { principal, now }) => {
  const { period, assessment, viewers } = await assessmentFor(principal, params.id);
  return assessmentPage(principal, period, assessment, viewers, now);
};
