import type { feedbackApi } from '../../../../shared/api/feedback';
import { checkTransition, FEEDBACK_STATUS_LABELS } from '../../../../shared/feedback/status';
import type { Handler } from '../../http/route';
import { badRequest, conflict, notFound } from '../../http/problem';
import { recordAudit } from '../../audit/trail';
import { applyTransition, getFeedback } from '../store';

const stale = () => conflict('stale-version', '这条反馈刚被其他人修改过，请刷新后再操作');

/**
 * The committee moves feedback along its status machine. Outcomes: the updated feedback; 404 if it is not in
 * the caller's community; 409 `stale-version` if someone changed it first; 409 `transition-not-allowed` if the
 * move is not in the machine; 400 if a resolve or reject lacks its reply.
 */
export const transitionFeedback: Handler<typeof feedbackApi.transitionFeedback> = async ({ params, body }, { principal, now, sourceIp }) => {
  const current = await getFeedback(principal.communityId, params.id);
  if (!current) throw notFound('反馈不存在');
  if (current.version !== body.version) throw stale();
  const check = checkTransition(current.status, body.to, body.note);
  if (!check.ok) {
    if (check.reason === 'note_required')
      throw badRequest('请填写给居民的回复', [{ location: 'body', path: 'note', message: '请填写给居民的回复' }]);
    throw conflict(
      'transition-not-allowed',
      `“${FEEDBACK_STATUS_LABELS[current.status]}”的反馈不能改为“${FEEDBACK_STATUS_LABELS[body.to]}”`,
    );
  }
  const updated = await applyTransition(current, body.version, {
    at: now.toISOString(),
    from: current.status,
    to: body.to,
    ...(body.note ? { note: body.note } : {}),
    byRole: principal.roles.includes('admin') && !principal.roles.includes('committee') ? 'admin' : 'committee',
    byName: principal.name,
  });
  if (!updated) throw stale();
  await recordAudit({
    action: 'feedback-transition',
    actor: principal,
    at: now,
    sourceIp,
    target: { kind: 'feedback', id: current.id },
    change: `${current.status} → ${body.to}`,
  });
  return updated;
};
