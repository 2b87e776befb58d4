import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { assessmentPage } from './page';
import { alreadySubmitted, staleItem } from './problems';
import { reviewerAccess } from './review-checks';
import { refuseUnknownItems } from './self-checks';
import { getReview, putNewReview, saveReviewOverall } from './store';

const stale = () => staleItem('您的复核');

/** A reviewer records the veto items they found and the bonus items they grant, with a note (private). */
export const saveScoringReviewOverall: Handler<typeof scoringApi.saveScoringReviewOverall> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const access = await reviewerAccess(principal, params.id, now);
  refuseUnknownItems(access.period.sheet, body);
  const at = now.toISOString();
  const existing = await getReview(cid, access.assessment.id, access.member.id);
  if (existing?.status === 'submitted') throw alreadySubmitted();
  if ((existing?.version ?? 0) !== body.version) throw stale();
  const overall = { vetoes: body.vetoes, bonuses: body.bonuses, ...(body.note ? { note: body.note } : {}) };
  if (!existing) {
    const made = await putNewReview(cid, {
      assessmentId: access.assessment.id,
      memberId: access.member.id,
      reviewerName: access.member.name,
      reviewerId: principal.userId,
      branchId: access.assessment.branchId,
      status: 'draft',
      version: 1,
      entries: {},
      ...overall,
      createdAt: at,
      updatedAt: at,
    });
    if (!made) throw stale();
  } else if (!(await saveReviewOverall(cid, existing, overall, body.version, at))) throw stale();
  return assessmentPage(principal, access.period, access.assessment, access.viewers, now);
};
