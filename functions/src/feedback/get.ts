import type { feedbackApi } from '../../../shared/api/feedback';
import { isStaff } from '../../../shared/roles';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { presentFeedback } from './present';
import { getFeedback as readFeedback, openAsReporter } from './store';

/**
 * One piece of feedback with its timeline and photos. Its reporter, staff and the steward it is assigned to may
 * read it; anyone else is told it does not exist (404), so ids cannot be probed. Its reporter opening it marks
 * the committee's latest change as seen (the same single write reads it and checks that it is theirs).
 */
export const getFeedback: Handler<typeof feedbackApi.getFeedback> = async ({ params }, { principal }) => {
  if (isStaff(principal.roles)) {
    const item = await readFeedback(principal.communityId, params.id);
    if (!item) throw notFound('反馈不存在');
    return presentFeedback(item, 'committee');
  }
  const own = await openAsReporter(principal.communityId, params.id, principal.userId);
  if (own) return presentFeedback(own, 'reporter');
  const assigned = principal.roles.includes('steward') ? await readFeedback(principal.communityId, params.id) : undefined;
  if (assigned?.assignment?.steward?.id !== principal.userId) throw notFound('反馈不存在');
  return presentFeedback(assigned, 'assignee');
};
