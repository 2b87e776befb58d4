import type { scoringApi } from '../../../../shared/api/scoring';
import { recordAudit } from '../../audit/trail';
import { notFound } from '../../http/problem';
import type { Handler } from '../../http/route';
import { personOf } from '../people';
import { staleItem, unknownPerson } from '../problems';
import { allSessions, getStudioMember, saveStudioMember } from '../store';
import { presentStudioMember } from '../studio';

/** The committee updates an old secretary's details (the whole form, with the version read). */
export const updateStudioMember: Handler<typeof scoringApi.updateStudioMember> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const member = await getStudioMember(cid, params.id);
  if (!member) throw notFound('名单中没有这位老书记');
  if (member.version !== body.version) throw staleItem('这位老书记的信息');
  if (body.userId && !(await personOf(cid, body.userId))) throw unknownPerson('userId');
  const saved = await saveStudioMember(
    cid,
    member,
    { name: body.name, userId: body.userId, formerPost: body.formerPost || undefined, health: body.health || undefined, strengths: body.strengths },
    body.version,
    now.toISOString(),
  );
  if (!saved) throw staleItem('这位老书记的信息');
  await recordAudit({ action: 'studio-update', actor: principal, at: now, sourceIp, target: { kind: 'studio-member', id: member.id }, change: 'details updated' });
  return presentStudioMember(saved, await allSessions(cid), true);
};
