import type { scoringApi } from '../../../../shared/api/scoring';
import { canMoveStudioMember, STUDIO_MEMBER_STATUS_LABELS } from '../../../../shared/scoring/studio';
import { recordAudit } from '../../audit/trail';
import { conflict, notFound } from '../../http/problem';
import type { Handler } from '../../http/route';
import { staleItem } from '../problems';
import { allSessions, getStudioMember, saveStudioMember } from '../store';
import { presentStudioMember } from '../studio';

/**
 * The committee invites an old secretary on the list, records that they joined (or declined), or that they left;
 * a declined or departed one can be listed again. Along the studio's table (shared/scoring/studio.ts), with the
 * version read; each move is in their history and the audit trail.
 */
export const moveStudioMember: Handler<typeof scoringApi.moveStudioMember> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const member = await getStudioMember(cid, params.id);
  if (!member) throw notFound('名单中没有这位老书记');
  if (!canMoveStudioMember(member.status, body.to))
    throw conflict('transition-not-allowed', `“${STUDIO_MEMBER_STATUS_LABELS[member.status]}”不能改为“${STUDIO_MEMBER_STATUS_LABELS[body.to]}”`);
  if (member.version !== body.version) throw staleItem('这位老书记的信息');
  const at = now.toISOString();
  const saved = await saveStudioMember(cid, member, { status: body.to }, body.version, at, {
    at,
    from: member.status,
    to: body.to,
    ...(body.note ? { note: body.note } : {}),
    byName: principal.name,
  });
  if (!saved) throw staleItem('这位老书记的信息');
  await recordAudit({ action: 'studio-update', actor: principal, at: now, sourceIp, target: { kind: 'studio-member', id: member.id }, change: `${member.status} → ${body.to}` });
  return presentStudioMember(saved, await allSessions(cid), true);
};
