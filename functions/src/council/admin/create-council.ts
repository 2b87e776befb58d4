import type { councilApi } from '../../../../shared/api/council';
import { recordAudit } from '../../audit/trail';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { presentCouncil } from '../present';
import { getCouncil, putNewCouncil, type CouncilItem } from '../store';

/**
 * The committee creates a council with its parties (界别) and their seats; people are seated next
 * (seat-member.ts). With an `Idempotency-Key` a retry returns the council the first call made.
 */
export const createCouncil: Handler<typeof councilApi.createCouncil> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const at = now.toISOString();
  const council: CouncilItem = {
    id: newItemId('createCouncil', principal, idempotencyKey),
    communityId: principal.communityId,
    name: body.name,
    purpose: body.purpose,
    parties: body.parties,
    seats: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: council, put: putNewCouncil, read: () => getCouncil(principal.communityId, council.id) });
  if (stored === council)
    await recordAudit({ action: 'council-update', actor: principal, at: now, sourceIp, target: { kind: 'council', id: council.id }, change: `created: ${body.parties.map((p) => `${p.name} ${p.seats}`).join(', ')}` });
  return presentCouncil(stored, principal, now);
};
