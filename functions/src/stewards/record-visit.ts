import type { stewardsApi } from '../../../shared/api/stewards';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { ownHousehold, todayFor } from './access';
import { presentRecord } from './present';
import { dateInFuture, householdNotFound } from './problems';
import { getWork, noteVisit, putWork, readHouseholdRecord, type VisitItem } from './store';

/**
 * Its steward records a home visit (走访入户) in a few taps: the day, who they met, what was talked about, needs
 * found. The visit is written once (a retry with the same `Idempotency-Key` finds it), then counted on the
 * household (its set of visits, and its last visit if this is the latest), which a retry repeats harmlessly.
 */
export const recordVisit: Handler<typeof stewardsApi.recordVisit> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const { household } = await ownHousehold(principal, params.id);
  if (body.date > chinaDate(now)) throw dateInFuture();
  const id = newItemId(`recordVisit\n${household.id}`, principal, idempotencyKey);
  const visit: VisitItem = {
    id,
    kind: 'visit',
    householdId: household.id,
    compound: household.compound,
    date: body.date,
    metWith: body.metWith,
    discussed: body.discussed,
    ...(body.needs ? { needs: body.needs } : {}),
    stewardId: principal.userId,
    stewardName: principal.name,
    recordedAt: now.toISOString(),
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = (await createOnce({ item: visit, put: (v) => putWork(cid, v), read: () => getWork(cid, household.id, 'VISIT', body.date, id) })) as VisitItem;
  // the household changed steward between the read and now: the visit stays on record, the household is not theirs
  if (!(await noteVisit(cid, household, stored))) throw householdNotFound();
  const [after, today] = await Promise.all([readHouseholdRecord(cid, household.id), todayFor(cid, now)]);
  return presentRecord(after!.household, after!.work, today);
};
