import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { getOwnFeedback, moveFeedback } from './moves';
import { presentFeedback } from './present';

/**
 * Its reporter withdraws a report the committee has not accepted yet (a problem that went away, a report sent
 * twice). Outcomes: the withdrawn feedback; 404 if it is not theirs; 409 once it has been accepted or changed.
 */
export const withdrawFeedback: Handler<typeof feedbackApi.withdrawFeedback> = async ({ params, body }, { principal, now }) => {
  const current = await getOwnFeedback(principal, params.id);
  const moved = await moveFeedback({
    current,
    expectedVersion: body.version,
    actor: 'reporter',
    entry: {
      at: now.toISOString(),
      to: 'withdrawn',
      ...(body.reason ? { note: body.reason } : {}),
      byRole: principal.roles.includes('steward') ? 'steward' : 'resident',
      byName: principal.name,
    },
  });
  return presentFeedback(moved);
};
