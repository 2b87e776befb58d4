import { DAY_LABELS, DAYS_OF_WEEK, type DayOfWeek } from '../../../../../shared/teams/slots';

/*
 * A venue's week (getVenueTimetable) as the timetable page draws it: one table for the whole week on a desktop,
 * a list per day on a phone. Pure, and loaded by the unit tests (relative imports of shared/).
 */

/** What the server sends (shared/api/teams.ts Timetable), as far as the page reads it. */
export interface WeekInput {
  venue: { capacity: number };
  teams: readonly { id: string; name: string }[];
  days: readonly { day: number; segments: readonly { start: string; end: string; teamIds: readonly string[]; count: number; overCapacity: boolean }[] }[];
}

/** Who dances in one stretch of one day. */
export interface WeekCell {
  teamNames: string[];
  count: number;
  overCapacity: boolean;
}

/** One row of the week table: a stretch of time, and for each day Monday–Sunday who dances then (null: nobody). */
export interface WeekRow {
  start: string;
  end: string;
  cells: (WeekCell | null)[];
}

const namesOf = (input: WeekInput, ids: readonly string[]): string[] => ids.map((id) => input.teams.find((t) => t.id === id)?.name ?? '（未知队伍）');

/**
 * The week as rows of time: every day's segments are cut at every other day's boundaries too, so that each row
 * is one stretch in which nothing changes on any day; neighbouring rows that say the same for every day are
 * joined again. Stretches with nobody on any day are left out.
 */
export const weekRows = (input: WeekInput): WeekRow[] => {
  const segments = DAYS_OF_WEEK.map((d) => input.days.find((x) => x.day === d)?.segments ?? []);
  const edges = [...new Set(segments.flat().flatMap((s) => [s.start, s.end]))].sort();
  const rows: WeekRow[] = [];
  const key = (r: WeekRow) => JSON.stringify(r.cells);
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i]!, edges[i + 1]!];
    const cells = segments.map((day) => {
      const s = day.find((x) => x.start <= start && end <= x.end);
      return s ? { teamNames: namesOf(input, s.teamIds), count: s.count, overCapacity: s.overCapacity } : null;
    });
    if (cells.every((c) => c === null)) continue;
    const row = { start, end, cells };
    const last = rows.at(-1);
    if (last && last.end === start && key(last) === key(row)) last.end = end;
    else rows.push(row);
  }
  return rows;
};

/** A cell in words, the count always, and a venue over its capacity said outright (not by colour alone). */
export const cellText = (cell: WeekCell | null, capacity: number): string => {
  if (!cell) return '空闲';
  const names = cell.teamNames.join('、');
  return cell.overCapacity ? `${names}（${cell.count} 支，超出容量 ${capacity} 支）` : `${names}（${cell.count} 支）`;
};

/** One day as the phone's list shows it. */
export interface DayList {
  day: number;
  label: string;
  entries: { start: string; end: string; text: string; overCapacity: boolean }[];
}

export const dayLists = (input: WeekInput): DayList[] =>
  DAYS_OF_WEEK.map((day) => ({
    day,
    label: DAY_LABELS[day as DayOfWeek],
    entries: (input.days.find((d) => d.day === day)?.segments ?? []).map((s) => ({
      start: s.start,
      end: s.end,
      text: cellText({ teamNames: namesOf(input, s.teamIds), count: s.count, overCapacity: s.overCapacity }, input.venue.capacity),
      overCapacity: s.overCapacity,
    })),
  }));

/** The sentence under the title: how full the venue's week is, and where it is over its capacity. */
export const weekSummary = (input: WeekInput): string => {
  const over = input.days.filter((d) => d.segments.some((s) => s.overCapacity)).map((d) => DAY_LABELS[d.day as DayOfWeek]);
  const teams = input.teams.length;
  if (!teams) return '这个场地还没有已备案的舞队。';
  const base = `${teams} 支舞队在这里活动，场地可同时容纳 ${input.venue.capacity} 支。`;
  return over.length ? `${base}${over.join('、')}有时段超出容量（场地容量调小前已备案的队伍保留原时段）。` : base;
};
