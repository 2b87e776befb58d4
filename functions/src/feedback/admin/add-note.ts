import type { feedbackApi } from '../../../../shared/api/feedback';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { notFound } from '../../http/problem';
import { presentFeedback } from '../present';
import { addNote } from '../store';

/** A note among staff (what was found on site, who was called), never shown to the resident, unlike a reply. */
export const addInternalNote: Handler<typeof feedbackApi.addInternalNote> = async ({ params, body }, { principal, now, sourceIp }) => {
  const updated = await addNote(principal.communityId, params.id, { at: now.toISOString(), byName: principal.name, text: body.text });
  if (!updated) throw notFound('反馈不存在');
  await recordAudit({ action: 'feedback-note', actor: principal, at: now, sourceIp, target: { kind: 'feedback', id: params.id } });
  return presentFeedback(updated, 'committee');
};
