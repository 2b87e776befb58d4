import type { scoringApi } from '../../../../shared/api/scoring';
import { recordAudit } from '../../audit/trail';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { personOf } from '../people';
import { unknownPerson } from '../problems';
import { allSessions, getStudioMember, putStudioMember, type StudioMemberItem } from '../store';
import { presentStudioMember } from '../studio';

/**
 * The committee puts an old secretary (老书记) on the studio's list, with their health and what they are good at
 * (the seed: invited from a list by health and strengths). Then it invites them (`moveStudioMember`). With an
 * `Idempotency-Key` a retry returns the entry the first call made.
 */
export const addStudioMember: Handler<typeof scoringApi.addStudioMember> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  if (body.userId && !(await personOf(cid, body.userId))) throw unknownPerson('userId');
  const id = newItemId('addStudioMember', principal, idempotencyKey);
  const at = now.toISOString();
  const member: StudioMemberItem = {
    id,
    name: body.name,
    ...(body.userId ? { userId: body.userId } : {}),
    ...(body.formerPost ? { formerPost: body.formerPost } : {}),
    ...(body.health ? { health: body.health } : {}),
    strengths: body.strengths,
    status: 'listed',
    history: [{ at, from: null, to: 'listed', byName: principal.name }],
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: member, put: (m) => putStudioMember(cid, m), read: () => getStudioMember(cid, id) });
  if (stored === member) await recordAudit({ action: 'studio-update', actor: principal, at: now, sourceIp, target: { kind: 'studio-member', id }, change: 'listed' });
  return presentStudioMember(stored, await allSessions(cid), true);
};
