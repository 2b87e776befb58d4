import type { scoringApi } from '../../../shared/api/scoring';
import { effectivePeriodStatus } from '../../../shared/scoring/status';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { alreadySubmitted, periodClosed } from './problems';
import { deleteEvidence, getEvidence } from './store';

/**
 * The secretary removes a piece of evidence added by mistake: not one of a submitted self-assessment (it is part
 * of what was submitted), nothing once the period is final. The stored photo stays in the bucket, unlinked.
 */
export const removeScoringEvidence: Handler<typeof scoringApi.removeScoringEvidence> = async ({ params, body }, { principal, now }) => {
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  const status = effectivePeriodStatus(access.period, now);
  if (status === 'final') throw periodClosed(status);
  const evidence = await getEvidence(principal.communityId, access.assessment.id, body.evidenceId);
  if (!evidence) throw notFound('没有这份材料');
  const kind = evidence.target.kind;
  if ((kind === 'criterion' || kind === 'bonus') && access.assessment.status !== 'draft') throw alreadySubmitted();
  await deleteEvidence(principal.communityId, access.assessment.id, evidence.id);
  return { removed: true as const };
};
