import type { scoringApi } from '../../../shared/api/scoring';
import { assess } from '../../../shared/scoring/rules';
import { findCriterion } from '../../../shared/scoring/sheet';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { assessmentPage } from './page';
import { alreadySubmitted, incomplete, staleItem } from './problems';
import { reviewerAccess } from './review-checks';
import { getReview, submitReview } from './store';

/**
 * A reviewer submits their review once every criterion is scored: it then counts in the progress (“2/3
 * reviewed”), and the lead sees it. One conditional write on the reviewer's own item.
 */
export const submitScoringReview: Handler<typeof scoringApi.submitScoringReview> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const access = await reviewerAccess(principal, params.id, now);
  const review = await getReview(cid, access.assessment.id, access.member.id);
  if (!review) throw notFound('您还没有开始复核这个党支部');
  if (review.status === 'submitted') throw alreadySubmitted();
  if (review.version !== body.version) throw staleItem('您的复核');
  const sheet = access.period.sheet;
  const computed = assess(sheet, { entries: review.entries, vetoes: review.vetoes, bonuses: review.bonuses });
  if (!computed.complete) throw incomplete(computed.missing.map((id) => ({ criterionId: id, title: findCriterion(sheet, id)?.criterion.title ?? id })));
  if (!(await submitReview(cid, review, access.period.id, body.version, now.toISOString()))) throw staleItem('您的复核');
  return assessmentPage(principal, access.period, access.assessment, access.viewers, now);
};
