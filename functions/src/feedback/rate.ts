import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { getOwnFeedback, moveFeedback } from './moves';
import { presentFeedback } from './present';

/**
 * “解决了吗？” Its reporter answers a resolution: solved closes it; not solved reopens it (back to 处理中) with
 * their words, which the committee reads in the timeline. Either way the stars are kept for the statistics.
 * ("Not solved" without words is refused by the contract.) Outcomes: the updated feedback; 404 if it is not theirs; 409 when
 * it is not resolved (any more) or changed since it was read.
 */
export const rateFeedback: Handler<typeof feedbackApi.rateFeedback> = async ({ params, body }, { principal, now }) => {
  const current = await getOwnFeedback(principal, params.id);
  const at = now.toISOString();
  const moved = await moveFeedback({
    current,
    expectedVersion: body.version,
    actor: 'reporter',
    entry: {
      at,
      to: body.resolved ? 'closed' : 'in_progress',
      note: [`${body.resolved ? '居民确认已解决' : '居民反映问题没有解决'}，满意度 ${body.stars} 星`, body.comment].filter(Boolean).join('：'),
      byRole: principal.roles.includes('steward') ? 'steward' : 'resident',
      byName: principal.name,
    },
    also: { rating: { resolved: body.resolved, stars: body.stars, ...(body.comment ? { comment: body.comment } : {}), at } },
  });
  return presentFeedback(moved);
};
