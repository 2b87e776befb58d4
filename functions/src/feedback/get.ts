import type { feedbackApi } from '../../../shared/api/feedback';
import { isStaff } from '../../../shared/roles';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { presentFeedback } from './present';
import { getFeedback as readFeedback } from './store';

/**
 * One piece of feedback with its timeline and photos. Only its reporter and staff may read it; anyone else is
 * told it does not exist (404), so ids cannot be probed.
 */
export const getFeedback: Handler<typeof feedbackApi.getFeedback> = async ({ params }, { principal }) => {
  const item = await readFeedback(principal.communityId, params.id);
  if (!item || (item.reporterId !== principal.userId && !isStaff(principal.roles))) throw notFound('反馈不存在');
  return presentFeedback(item);
};
