import type { feedbackApi } from '../../../../shared/api/feedback';
import type { Handler } from '../../http/route';
import { notFound } from '../../http/problem';
import { recordAudit } from '../../audit/trail';
import { moveFeedback, stale } from '../moves';
import { presentFeedback } from '../present';
import { getFeedback } from '../store';

/**
 * The committee moves feedback along its status machine. Outcomes: the updated feedback; 404 if it is not in
 * the caller's community; 409 `stale-version` if someone changed it first; 409 `transition-not-allowed` if the
 * move is not in the machine; 400 if a resolve or reject lacks its reply.
 */
export const transitionFeedback: Handler<typeof feedbackApi.transitionFeedback> = async ({ params, body }, { principal, now, sourceIp }) => {
  const current = await getFeedback(principal.communityId, params.id);
  if (!current) throw notFound('反馈不存在');
  if (current.version !== body.version) throw stale();
  const updated = await moveFeedback({
    current,
    expectedVersion: body.version,
    actor: 'staff',
    entry: {
      at: now.toISOString(),
      to: body.to,
      ...(body.note ? { note: body.note } : {}),
      byRole: principal.roles.includes('admin') && !principal.roles.includes('committee') ? 'admin' : 'committee',
      byName: principal.name,
    },
    record: () =>
      recordAudit({
        action: 'feedback-transition',
        actor: principal,
        at: now,
        sourceIp,
        target: { kind: 'feedback', id: current.id },
        change: `${current.status} → ${body.to}`,
      }),
  });
  return presentFeedback(updated, 'committee');
};
