import { isStaff } from '../../../shared/roles';
import { recordAudit } from '../audit/trail';
import { chinaDate } from '../feedback/china-time';
import type { Principal } from '../http/auth';
import { householdNotFound } from './problems';
import { getSettings, readHouseholdRecord, type HouseholdItem, type WorkItem } from './store';
import type { Today } from './present';

/** Today in China and the committee's interval: what "overdue" is measured against. */
export const todayFor = async (cid: string, now: Date): Promise<Today> => ({ date: chinaDate(now), intervalDays: (await getSettings(cid)).intervalDays });

/**
 * A household's record for the caller: its own steward, or staff (whose every read is in the audit trail: the
 * record holds why the household is looked after). Anyone else — another steward included — finds nothing.
 */
export const readRecordFor = async (
  principal: Principal,
  id: string,
  opts: { now: Date; sourceIp: string },
): Promise<{ household: HouseholdItem; work: WorkItem[] }> => {
  const found = await readHouseholdRecord(principal.communityId, id);
  const staff = isStaff(principal.roles);
  if (!found || (!staff && found.household.stewardId !== principal.userId)) throw householdNotFound();
  if (staff && found.household.stewardId !== principal.userId)
    await recordAudit({ action: 'household-read', actor: principal, at: opts.now, sourceIp: opts.sourceIp, target: { kind: 'household', id } });
  return found;
};

/** A steward acts on their own households only. */
export const ownHousehold = async (principal: Principal, id: string): Promise<{ household: HouseholdItem; work: WorkItem[] }> => {
  const found = await readHouseholdRecord(principal.communityId, id);
  if (!found || found.household.stewardId !== principal.userId) throw householdNotFound();
  return found;
};
