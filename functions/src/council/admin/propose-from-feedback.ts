import type { councilApi } from '../../../../shared/api/council';
import { recordAudit } from '../../audit/trail';
import { getFeedback } from '../../feedback/store';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { readCouncil, readMotion } from '../access';
import { presentMotion } from '../present';
import { feedbackHasMotion, unknownFeedback } from '../problems';
import { newMotion } from '../propose';
import { deleteMotion, getMotion, linkFeedback, putNewMotion } from '../store';

/**
 * The committee turns a resident's feedback into a motion of a council, linked both ways: the motion names the
 * feedback (its number and title, nothing about who reported it), and the feedback leads to its motion
 * (`getFeedbackMotion`). One motion per feedback: the motion is written first, then the link, which is the
 * uniqueness guard; a motion whose link went to another is removed again.
 */
export const proposeMotionFromFeedback: Handler<typeof councilApi.proposeMotionFromFeedback> = async (
  { params, body },
  { principal, now, sourceIp, idempotencyKey },
) => {
  const cid = principal.communityId;
  const [council, feedback] = await Promise.all([readCouncil(principal, params.id), getFeedback(cid, body.feedbackId)]);
  if (!feedback) throw unknownFeedback();
  const motion = newMotion(
    council,
    newItemId(`proposeMotionFromFeedback\n${council.id}`, principal, idempotencyKey),
    {
      title: body.title || feedback.title,
      background: body.background || `居民反馈${feedback.ref ? `（${feedback.ref}）` : ''}：${feedback.title}`,
      proposedDecision: body.proposedDecision,
      feedback: { id: feedback.id, ...(feedback.ref ? { ref: feedback.ref } : {}), title: feedback.title },
    },
    { kind: 'committee', userId: principal.userId, name: principal.name },
    now.toISOString(),
    idempotencyKey ? requestFingerprint(body) : undefined,
  );
  const stored = await createOnce({ item: motion, put: putNewMotion, read: () => getMotion(cid, motion.id) });
  const linked = await linkFeedback(cid, feedback.id, stored.id);
  if (linked !== stored.id) {
    await deleteMotion(cid, stored.id);
    throw feedbackHasMotion(linked);
  }
  if (stored === motion)
    await recordAudit({ action: 'motion-from-feedback', actor: principal, at: now, sourceIp, target: { kind: 'motion', id: motion.id }, change: `feedback ${feedback.id}` });
  return presentMotion(await readMotion(principal, stored.id, now), principal, now);
};
