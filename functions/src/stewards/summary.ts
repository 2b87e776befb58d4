import type { stewardsApi } from '../../../shared/api/stewards';
import { coverageOf } from '../../../shared/stewards/coverage';
import { monthOfDate } from '../../../shared/stewards/households';
import type { Handler } from '../http/route';
import { todayFor } from './access';
import { allHouseholdsOf, stewardMonthWork } from './store';

/** The steward's own page: this month's visits and help, their households and how many wait too long. */
export const getMyStewardSummary: Handler<typeof stewardsApi.getMyStewardSummary> = async (_input, { principal, now }) => {
  const cid = principal.communityId;
  const today = await todayFor(cid, now);
  const month = monthOfDate(today.date);
  const [households, work] = await Promise.all([allHouseholdsOf(cid, principal.userId), stewardMonthWork(cid, principal.userId, month)]);
  const c = coverageOf({ month, today: today.date, intervalDays: today.intervalDays, stewards: [{ id: principal.userId, name: principal.name }], households, work });
  const mine = c.stewards.find((s) => s.steward.id === principal.userId)!;
  return { thisMonth: mine.month, households: mine.households, overdue: mine.overdue, intervalDays: today.intervalDays };
};
