import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { assessmentPage } from './page';
import { alreadySubmitted, staleAssessment } from './problems';
import { assertDraftOpen, refuseEntryFlaws, storedEntry } from './self-checks';
import { getAssessment, saveSelfEntry } from './store';

/**
 * The secretary scores one criterion of the branch's self-assessment: deductions chosen from its rules (each as
 * many times as it applies) and/or a score given directly, with a note. One conditional write on the assessment;
 * the answer carries the total and the proposed star as the rules compute them now.
 */
export const saveScoringSelfEntry: Handler<typeof scoringApi.saveScoringSelfEntry> = async ({ params, body }, { principal, now }) => {
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  assertDraftOpen(access, body.version, now);
  const entry = storedEntry(body);
  refuseEntryFlaws(access.period.sheet, body.criterionId, entry);
  const saved = await saveSelfEntry(access.assessment, body.criterionId, entry, body.version, now.toISOString());
  if (!saved) {
    const current = await getAssessment(principal.communityId, params.id);
    throw current?.status === 'submitted' ? alreadySubmitted() : staleAssessment();
  }
  return assessmentPage(principal, access.period, saved, access.viewers, now);
};
