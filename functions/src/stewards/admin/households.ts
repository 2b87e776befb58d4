import type { stewardsApi } from '../../../../shared/api/stewards';
import { recordAudit } from '../../audit/trail';
import { chinaDate } from '../../feedback/china-time';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { listPeopleWithRole } from '../../identity/store';
import { todayFor } from '../access';
import { householdSummary, presentHousehold } from '../present';
import { householdNotFound, staleHousehold, unknownSteward } from '../problems';
import { getHousehold, listHouseholds as listPage, putNewHousehold, updateHousehold as updateStored, type HouseholdItem } from '../store';

/** The steward named must be one of the community's red stewards: their name as the list has it. */
const stewardNamed = async (cid: string, id: string): Promise<string> => {
  const steward = (await listPeopleWithRole(cid, 'steward')).find((s) => s.id === id);
  if (!steward) throw unknownSteward();
  return steward.name;
};

/** The day before which a household's wait began if it is overdue now. */
const overdueCutoff = (today: string, intervalDays: number): string =>
  new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10)) - intervalDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The community's households for the committee, the longest waiting for a visit first (one Query a page): all,
 * a steward's, or only the overdue ones (a range of the same index). Names are masked: the record has them.
 */
export const listHouseholds: Handler<typeof stewardsApi.listHouseholds> = async ({ query }, { principal, now }) => {
  const cid = principal.communityId;
  const today = await todayFor(cid, now);
  const cutoff = query.overdue === 'true' ? overdueCutoff(today.date, today.intervalDays) : undefined;
  const page = await listPage(cid, { stewardId: query.stewardId }, query.limit, query.cursor, cutoff);
  // (the cutoff is exact: a household whose wait began on the cutoff day has waited exactly the interval)
  const items = page.items.map((h) => householdSummary(h, today, true));
  return { items: query.overdue === 'false' ? items.filter((h) => !h.overdue) : items, nextCursor: page.nextCursor };
};

/** The committee puts a household on a steward's list; it waits for its first visit from today. */
export const createHousehold: Handler<typeof stewardsApi.createHousehold> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  const stewardName = await stewardNamed(cid, body.stewardId);
  const id = newItemId('createHousehold', principal, idempotencyKey);
  const at = now.toISOString();
  const item: HouseholdItem = {
    id,
    communityId: cid,
    compound: body.compound,
    building: body.building,
    ...(body.unit ? { unit: body.unit } : {}),
    ...(body.room ? { room: body.room } : {}),
    name: body.name,
    labels: body.labels,
    stewardId: body.stewardId,
    stewardName,
    ...(body.note ? { note: body.note } : {}),
    since: chinaDate(now),
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item, put: putNewHousehold, read: () => getHousehold(cid, id) });
  // the audit trail says what changed, never who lives there or why they are looked after
  if (stored === item) await recordAudit({ action: 'household-update', actor: principal, at: now, sourceIp, target: { kind: 'household', id }, change: `created for steward ${body.stewardId}` });
  return presentHousehold(stored, await todayFor(cid, now));
};

/** The committee changes a household (with the version read): its address, name, labels, note or steward. */
export const updateHousehold: Handler<typeof stewardsApi.updateHousehold> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const current = await getHousehold(cid, params.id);
  if (!current) throw householdNotFound();
  if (current.version !== body.version) throw staleHousehold();
  const stewardName = body.stewardId === current.stewardId ? current.stewardName : await stewardNamed(cid, body.stewardId);
  const saved = await updateStored(
    cid,
    current.id,
    { compound: body.compound, building: body.building, unit: body.unit || undefined, room: body.room || undefined, name: body.name, labels: body.labels, stewardId: body.stewardId, stewardName, note: body.note || undefined },
    body.version,
    now.toISOString(),
  );
  if (!saved) throw staleHousehold();
  const moved = body.stewardId !== current.stewardId ? `steward ${current.stewardId} → ${body.stewardId}` : 'details';
  await recordAudit({ action: 'household-update', actor: principal, at: now, sourceIp, target: { kind: 'household', id: current.id }, change: moved });
  return presentHousehold(saved, await todayFor(cid, now));
};
