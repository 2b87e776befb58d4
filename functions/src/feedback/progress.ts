import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { notFound } from '../http/problem';
import { moveFeedback } from './moves';
import { presentFeedback } from './present';
import { getFeedback } from './store';

/**
 * The red steward the committee assigned starts work on it or resolves it, with the reply the resident reads.
 * Anything not assigned to them is "not found". Outcomes: the updated feedback; 400 without a reply to resolve;
 * 404; 409 stale or not a move open to the assignee from its status.
 */
export const progressAssignedFeedback: Handler<typeof feedbackApi.progressAssignedFeedback> = async ({ params, body }, { principal, now }) => {
  const current = await getFeedback(principal.communityId, params.id);
  if (!current || current.assignment?.steward?.id !== principal.userId) throw notFound('反馈不存在');
  const updated = await moveFeedback({
    current,
    expectedVersion: body.version,
    actor: 'assignee',
    entry: { at: now.toISOString(), to: body.to, ...(body.note ? { note: body.note } : {}), byRole: 'steward', byName: principal.name },
  });
  return presentFeedback(updated, 'assignee');
};
