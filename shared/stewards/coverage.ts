import { isOverdue, type HelpKind } from './households';

/**
 * Coverage (走访覆盖): from the households and a month's work, per steward and per compound — households, how many
 * wait too long for a visit, the month's visits (and households visited), help and hours. Pure: the server reads
 * the items once and counts here; the totals are the sums of the stewards' rows.
 */

export interface CoverageHousehold {
  id: string;
  compound: string;
  stewardId: string;
  since: string;
  lastVisitDate?: string;
}

export interface CoverageWork {
  kind: 'visit' | HelpKind;
  householdId: string;
  compound: string;
  stewardId: string;
  hours?: number;
}

export interface MonthFigures {
  visits: number;
  householdsVisited: number;
  help: number;
  helpHours: number;
}

export interface StewardRow {
  steward: { id: string; name: string };
  households: number;
  overdue: number;
  lastVisitDate?: string;
  month: MonthFigures & { month: string };
}

export interface CompoundRow {
  compound: string;
  households: number;
  overdue: number;
  visits: number;
  help: number;
}

const monthFigures = (work: readonly CoverageWork[]): MonthFigures => {
  const visits = work.filter((w) => w.kind === 'visit');
  const help = work.filter((w) => w.kind !== 'visit');
  return {
    visits: visits.length,
    householdsVisited: new Set(visits.map((v) => v.householdId)).size,
    help: help.length,
    // half hours added as numbers: rounded to the half hour they are counted in
    helpHours: Math.round(help.reduce((sum, h) => sum + (h.hours ?? 0), 0) * 2) / 2,
  };
};

export const coverageOf = (opts: {
  month: string;
  today: string;
  intervalDays: number;
  /** Every steward of the community (one without households still has a row). */
  stewards: readonly { id: string; name: string }[];
  households: readonly CoverageHousehold[];
  work: readonly CoverageWork[];
}) => {
  const { month, today, intervalDays } = opts;
  const overdue = (h: CoverageHousehold) => isOverdue(h, today, intervalDays);
  // stewards named by a household or a record but no longer on the list still count (their name as recorded is lost: the id)
  const known = new Map(opts.stewards.map((s) => [s.id, s.name]));
  for (const id of [...opts.households.map((h) => h.stewardId), ...opts.work.map((w) => w.stewardId)]) if (!known.has(id)) known.set(id, id);

  const stewards: StewardRow[] = [...known].map(([id, name]) => {
    const mine = opts.households.filter((h) => h.stewardId === id);
    const dates = mine.map((h) => h.lastVisitDate).filter((d): d is string => Boolean(d)).sort();
    return {
      steward: { id, name },
      households: mine.length,
      overdue: mine.filter(overdue).length,
      ...(dates.length ? { lastVisitDate: dates.at(-1)! } : {}),
      month: { month, ...monthFigures(opts.work.filter((w) => w.stewardId === id)) },
    };
  });
  stewards.sort((a, b) => b.overdue - a.overdue || a.steward.name.localeCompare(b.steward.name, 'zh-CN'));

  const compoundNames = [...new Set([...opts.households.map((h) => h.compound), ...opts.work.map((w) => w.compound)])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const compounds: CompoundRow[] = compoundNames.map((compound) => {
    const here = opts.households.filter((h) => h.compound === compound);
    const work = opts.work.filter((w) => w.compound === compound);
    return {
      compound,
      households: here.length,
      overdue: here.filter(overdue).length,
      visits: work.filter((w) => w.kind === 'visit').length,
      help: work.filter((w) => w.kind !== 'visit').length,
    };
  });

  const all = monthFigures(opts.work);
  return {
    month,
    intervalDays,
    stewards,
    compounds,
    totals: { households: opts.households.length, overdue: opts.households.filter(overdue).length, visits: all.visits, help: all.help, helpHours: all.helpHours },
  };
};
