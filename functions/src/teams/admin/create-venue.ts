import type { teamsApi } from '../../../../shared/api/teams';
import { recordAudit } from '../../audit/trail';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { getVenue, putNewVenue, type VenueItem } from '../store';
import { toVenue } from '../venues';

/**
 * The committee adds a venue (a square, a court): how many teams may dance there at once and when music is
 * allowed. With an `Idempotency-Key` a retry returns the venue the first call made.
 */
export const createVenue: Handler<typeof teamsApi.createVenue> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const id = newItemId('createVenue', principal, idempotencyKey);
  const at = now.toISOString();
  const item: VenueItem = {
    id,
    communityId: principal.communityId,
    name: body.name,
    capacity: body.capacity,
    allowedHours: body.allowedHours,
    seasonalRules: body.seasonalRules,
    ...(body.note ? { note: body.note } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item, put: putNewVenue, read: () => getVenue(principal.communityId, id) });
  if (stored === item)
    await recordAudit({ action: 'venue-update', actor: principal, at: now, sourceIp, target: { kind: 'venue', id }, change: `created, capacity ${body.capacity}` });
  return toVenue(stored);
};
