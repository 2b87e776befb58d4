import type { stewardsApi } from '../../../shared/api/stewards';
import { chinaDate } from '../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { ownHousehold, todayFor } from './access';
import { presentRecord } from './present';
import { dateInFuture } from './problems';
import { getWork, putWork, readHouseholdRecord, type HelpItem } from './store';

/**
 * Its steward records help given to a household: a livelihood service (民生服务), a dispute mediated (矛盾调解) or
 * hardship relief (困难帮扶), what was done and the hours (counted in half hours). Written once per request.
 */
export const recordHelp: Handler<typeof stewardsApi.recordHelp> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const { household } = await ownHousehold(principal, params.id);
  if (body.date > chinaDate(now)) throw dateInFuture();
  const id = newItemId(`recordHelp\n${household.id}`, principal, idempotencyKey);
  const help: HelpItem = {
    id,
    kind: body.kind,
    householdId: household.id,
    compound: household.compound,
    date: body.date,
    whatWasDone: body.whatWasDone,
    hours: Math.round(body.hours * 2) / 2,
    stewardId: principal.userId,
    stewardName: principal.name,
    recordedAt: now.toISOString(),
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  await createOnce({ item: help, put: (h) => putWork(cid, h), read: () => getWork(cid, household.id, 'HELP', body.date, id) });
  const [after, today] = await Promise.all([readHouseholdRecord(cid, household.id), todayFor(cid, now)]);
  return presentRecord(after!.household, after!.work, today);
};
