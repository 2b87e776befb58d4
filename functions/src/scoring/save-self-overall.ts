import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { assessmentPage } from './page';
import { alreadySubmitted, staleAssessment } from './problems';
import { assertDraftOpen, refuseUnknownItems } from './self-checks';
import { getAssessment, saveSelfOverall } from './store';

/** The secretary declares the veto items that apply and the bonus items the branch claims, with an overall note. */
export const saveScoringSelfOverall: Handler<typeof scoringApi.saveScoringSelfOverall> = async ({ params, body }, { principal, now }) => {
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  assertDraftOpen(access, body.version, now);
  refuseUnknownItems(access.period.sheet, body);
  const saved = await saveSelfOverall(access.assessment, { vetoes: body.vetoes, bonuses: body.bonuses, ...(body.note ? { note: body.note } : {}) }, body.version, now.toISOString());
  if (!saved) {
    const current = await getAssessment(principal.communityId, params.id);
    throw current?.status === 'submitted' ? alreadySubmitted() : staleAssessment();
  }
  return assessmentPage(principal, access.period, saved, access.viewers, now);
};
