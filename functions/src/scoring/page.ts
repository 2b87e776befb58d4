import type { ScoringAssessment } from '../../../shared/api/scoring';
import type { Principal } from '../http/auth';
import type { AssessmentViewer } from './access';
import { feedbackFigures } from './figures';
import { presentAssessment } from './present';
import { assessmentNotFound } from './problems';
import { readAssessmentPartition, type PeriodItem } from './store';

/** A branch's assessment page: its partition and the branch's feedback figures, read together, as the caller sees it. */
export const assessmentPage = async (
  principal: Principal,
  period: PeriodItem,
  assessment: { id: string; branchName: string },
  viewers: AssessmentViewer[],
  now: Date,
): Promise<ScoringAssessment> => {
  const cid = principal.communityId;
  const [part, figures] = await Promise.all([readAssessmentPartition(cid, assessment.id), feedbackFigures(cid, period, assessment.branchName, now)]);
  if (!part) throw assessmentNotFound();
  return presentAssessment(part, period, viewers, principal, figures, now);
};
