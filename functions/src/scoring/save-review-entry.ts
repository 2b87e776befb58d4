import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { assessmentPage } from './page';
import { alreadySubmitted, staleItem } from './problems';
import { reviewerAccess } from './review-checks';
import { refuseEntryFlaws, storedEntry } from './self-checks';
import { getReview, putNewReview, saveReviewEntry, type ReviewItem } from './store';

const stale = () => staleItem('您的复核');

/**
 * A reviewer scores one criterion of the branch (复核): deductions and/or a score, with private notes the branch
 * never reads. Their review is an item of its own (made by the first save, at version 0), so reviewers never
 * overwrite each other; each save is one conditional write on it.
 */
export const saveScoringReviewEntry: Handler<typeof scoringApi.saveScoringReviewEntry> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const access = await reviewerAccess(principal, params.id, now);
  const entry = storedEntry(body);
  refuseEntryFlaws(access.period.sheet, body.criterionId, entry);
  const at = now.toISOString();
  const existing = await getReview(cid, access.assessment.id, access.member.id);
  if (existing?.status === 'submitted') throw alreadySubmitted();
  if ((existing?.version ?? 0) !== body.version) throw stale();
  if (!existing) {
    const review: ReviewItem = {
      assessmentId: access.assessment.id,
      memberId: access.member.id,
      reviewerName: access.member.name,
      reviewerId: principal.userId,
      branchId: access.assessment.branchId,
      status: 'draft',
      version: 1,
      entries: { [body.criterionId]: entry },
      vetoes: [],
      bonuses: [],
      createdAt: at,
      updatedAt: at,
    };
    if (!(await putNewReview(cid, review))) throw stale();
  } else if (!(await saveReviewEntry(cid, existing, body.criterionId, entry, body.version, at))) throw stale();
  return assessmentPage(principal, access.period, access.assessment, access.viewers, now);
};
