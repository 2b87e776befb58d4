import type { stewardsApi } from '../../../../shared/api/stewards';
import { csvFile } from '../../../../shared/csv';
import { coverageOf } from '../../../../shared/stewards/coverage';
import { monthOfDate } from '../../../../shared/stewards/households';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import type { Principal } from '../../http/auth';
import { listPeopleWithRole } from '../../identity/store';
import { todayFor } from '../access';
import { allHouseholds, communityMonthWork } from '../store';

/** The month's coverage (this month unless asked): the households (one index), the month's work (another), the stewards. */
const coverageFor = async (principal: Principal, month: string | undefined, now: Date) => {
  const cid = principal.communityId;
  const today = await todayFor(cid, now);
  const m = month ?? monthOfDate(today.date);
  const [stewards, households, work] = await Promise.all([listPeopleWithRole(cid, 'steward'), allHouseholds(cid), communityMonthWork(cid, m)]);
  return coverageOf({ month: m, today: today.date, intervalDays: today.intervalDays, stewards, households, work });
};

/** Coverage per steward and per compound: households, overdue visits, last visit, the month's visits and help. */
export const getStewardCoverage: Handler<typeof stewardsApi.getStewardCoverage> = async ({ query }, { principal, now }) => coverageFor(principal, query.month, now);

/** The same per steward as a CSV file for Excel (no household, no label: names of stewards and figures). */
export const exportStewardCoverage: Handler<typeof stewardsApi.exportStewardCoverage> = async ({ query }, { principal, now, sourceIp }) => {
  const c = await coverageFor(principal, query.month, now);
  const csv = csvFile(
    ['红色小管家', '负责户数', `超过 ${c.intervalDays} 天未走访`, '最近走访', '本月走访次数', '本月走访户数', '本月帮扶次数', '本月帮扶时长（小时）'],
    c.stewards.map((s) => [s.steward.name, s.households, s.overdue, s.lastVisitDate ?? '', s.month.visits, s.month.householdsVisited, s.month.help, s.month.helpHours]),
  );
  await recordAudit({ action: 'steward-coverage-export', actor: principal, at: now, sourceIp, change: c.month });
  return { filename: `红色小管家走访-${c.month}.csv`, csv };
};
