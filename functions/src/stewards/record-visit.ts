import type { stewardsApi } from '../../../shared/api/stewards';
import { chinaDate } from '../feedback/china-time';
import { createOnce, keyReused, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { verifyUploads } from '../uploads';
import { ownHousehold, todayFor } from './access';
import { presentRecord } from './present';
import { dateInFuture, householdNotFound } from './problems';
import { getWork, noteVisit, putWork, readHouseholdRecord, type VisitItem } from './store';

/**
 * Its steward records a home visit (走访入户) in a few taps: the day, who they met, what was talked about, needs
 * found, up to 3 photos. The visit is written once (a retry with the same `Idempotency-Key` finds it), then counted
 * on the household (its set of visits, and its last visit if this is the latest), which a retry repeats harmlessly.
 *
 * Photos are checked (the steward's own uploads, size, an image by its first bytes) before anything is written,
 * and moved to `stored/` only when all pass. A keyed retry looks for the first call's visit before checking them
 * again (the first call moved them); after a crash between the move and the put it finds them under the visit's id.
 */
export const recordVisit: Handler<typeof stewardsApi.recordVisit> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const { household } = await ownHousehold(principal, params.id);
  if (body.date > chinaDate(now)) throw dateInFuture();
  const id = newItemId(`recordVisit\n${household.id}`, principal, idempotencyKey);
  const fingerprint = idempotencyKey ? requestFingerprint(body) : undefined;
  const read = async () => (await getWork(cid, household.id, 'VISIT', body.date, id)) as VisitItem | undefined;
  const earlier = idempotencyKey ? await read() : undefined;
  if (earlier && earlier.requestFingerprint !== fingerprint) throw keyReused();
  let stored = earlier;
  if (!stored) {
    const photos = body.photos ?? [];
    const photoKeys = photos.length ? await verifyUploads(photos, principal, 'visit-photo', { field: 'photos', claim: id }) : [];
    const visit: VisitItem = {
      id,
      kind: 'visit',
      householdId: household.id,
      compound: household.compound,
      date: body.date,
      metWith: body.metWith,
      discussed: body.discussed,
      ...(body.needs ? { needs: body.needs } : {}),
      ...(photoKeys.length ? { photoKeys } : {}),
      stewardId: principal.userId,
      stewardName: principal.name,
      recordedAt: now.toISOString(),
      ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
    };
    stored = await createOnce({ item: visit, put: (v) => putWork(cid, v), read });
  }
  // the household changed steward between the read and now: the visit stays on record, the household is not theirs
  if (!(await noteVisit(cid, household, stored))) throw householdNotFound();
  const [after, today] = await Promise.all([readHouseholdRecord(cid, household.id), todayFor(cid, now)]);
  return presentRecord(after!.household, after!.work, today);
};
