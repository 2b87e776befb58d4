import type { scoringApi } from '../../../shared/api/scoring';
import { problemsOf } from '../../../shared/scoring/problems';
import { assess } from '../../../shared/scoring/rules';
import { findCriterion } from '../../../shared/scoring/sheet';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { feedbackFigures, satisfactionOf } from './figures';
import { assessmentPage } from './page';
import { alreadySubmitted, incomplete, staleAssessment } from './problems';
import { assertDraftOpen } from './self-checks';
import { getAssessment, submitSelf } from './store';

/**
 * The secretary submits the self-assessment (自评荐星) once every criterion is scored. The total and the proposed
 * star are fixed as the rules compute them now (with the branch's feedback satisfaction), and the deductions become
 * the problem list. One conditional write: a draft at the version read becomes submitted.
 */
export const submitScoringSelfAssessment: Handler<typeof scoringApi.submitScoringSelfAssessment> = async ({ params, body }, { principal, now }) => {
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  assertDraftOpen(access, body.version, now);
  const { period, assessment: a } = access;
  const figures = await feedbackFigures(principal.communityId, period, a.branchName, now);
  const satisfaction = satisfactionOf(figures);
  const computed = assess(period.sheet, { entries: a.entries, vetoes: a.vetoes, bonuses: a.bonuses, ...(satisfaction ? { satisfaction } : {}) });
  if (!computed.complete) throw incomplete(computed.missing.map((id) => ({ criterionId: id, title: findCriterion(period.sheet, id)?.criterion.title ?? id })));
  const problemKeys = problemsOf(period.sheet, a.entries).map((p) => p.key);
  const saved = await submitSelf(a, { total: computed.total, star: computed.star }, problemKeys, principal, body.version, now.toISOString());
  if (!saved) {
    const current = await getAssessment(principal.communityId, params.id);
    throw current?.status === 'submitted' ? alreadySubmitted() : staleAssessment();
  }
  return assessmentPage(principal, period, saved, access.viewers, now);
};
