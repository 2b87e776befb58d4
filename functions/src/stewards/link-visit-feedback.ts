import type { stewardsApi } from '../../../shared/api/stewards';
import { getFeedback } from '../feedback/store';
import type { Handler } from '../http/route';
import { ownHousehold, todayFor } from './access';
import { presentRecord } from './present';
import { unknownFeedback, visitNotFound } from './problems';
import { linkFeedback, readHouseholdRecord } from './store';

/**
 * A need found on a visit becomes feedback in one step on the page: the steward logs it for the resident
 * (`POST /v1/feedback` with `onBehalf`, channel 走访入户), then links it here to the visit. Only feedback this
 * steward logged, in this community, to a visit of their own household.
 */
export const linkVisitFeedback: Handler<typeof stewardsApi.linkVisitFeedback> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const { household, work } = await ownHousehold(principal, params.id);
  const visit = work.find((w) => w.kind === 'visit' && w.id === body.visitId);
  if (!visit) throw visitNotFound();
  const feedback = await getFeedback(cid, body.feedbackId);
  if (!feedback || feedback.reporterId !== principal.userId) throw unknownFeedback();
  if (!(await linkFeedback(cid, household.id, visit, principal.userId, feedback.id))) throw visitNotFound();
  const [after, today] = await Promise.all([readHouseholdRecord(cid, household.id), todayFor(cid, now)]);
  return presentRecord(after!.household, after!.work, today);
};
