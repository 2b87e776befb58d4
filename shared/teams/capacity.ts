import { fromMinutes, ownOverlaps, SLOT_STEP_MINUTES, sortSlots, toMinutes, type TimeRange, type WeeklySlot } from './slots';
import { quietHourBreaches, type VenueRules } from './venues';

/**
 * The slot check the leader's page and the server share: for each slot of a filing, what stands in its way.
 * Codes and data only; `slotProblemText` words them for people.
 */
export type SlotProblem =
  /** It overlaps another slot of the same team. */
  | { code: 'overlaps-own-slot'; otherSlot: number }
  /** It is outside the venue's allowed hours in these months (the venue's own hours, or a season's). */
  | { code: 'outside-allowed-hours'; season: string | null; months: number[]; allowedHours: TimeRange[] }
  /** In this part of it the venue already has as many teams as it holds. */
  | { code: 'venue-full'; start: string; end: string; capacity: number; teams: number };

/** A team that holds places at a venue (approved, or suspended and keeping its places): its id and slots. */
export interface PlaceHolder {
  teamId: string;
  slots: readonly WeeklySlot[];
}

/**
 * The parts of `slot` where the other holders already fill the venue (`teams` ≥ `capacity`), merged into
 * windows. A team's own places (same `teamId`) do not count against it.
 */
export const fullWindows = (
  slot: WeeklySlot,
  holders: readonly PlaceHolder[],
  capacity: number,
  teamId?: string,
): { start: string; end: string; teams: number }[] => {
  const from = toMinutes(slot.start);
  const to = toMinutes(slot.end);
  // each other holder's overlap with this slot, as [start, end) in minutes
  const spans = holders
    .filter((h) => h.teamId !== teamId)
    .flatMap((h) => h.slots.filter((s) => s.day === slot.day))
    .map((s) => [Math.max(from, toMinutes(s.start)), Math.min(to, toMinutes(s.end))] as const)
    .filter(([a, b]) => a < b);
  const edges = [...new Set([from, to, ...spans.flat()])].sort((a, b) => a - b);
  const windows: { start: number; end: number; teams: number }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    const teams = spans.filter(([s, e]) => s <= a && b <= e).length;
    if (teams < capacity) continue;
    const last = windows.at(-1);
    if (last && last.end === a) {
      last.end = b;
      last.teams = Math.max(last.teams, teams);
    } else windows.push({ start: a, end: b, teams });
  }
  return windows.map((w) => ({ start: fromMinutes(w.start), end: fromMinutes(w.end), teams: w.teams }));
};

/**
 * Checks a team's slots at a venue: overlaps among its own slots, quiet hours (every month of the year), and
 * the venue's capacity against the teams that hold places there. One list of problems per slot, in the order
 * given; all empty means the slots may be submitted.
 */
export const checkSlots = (input: {
  slots: readonly WeeklySlot[];
  venue: VenueRules;
  holders: readonly PlaceHolder[];
  /** The team being checked, so its own places (if it holds any) are not held against it. */
  teamId?: string;
}): SlotProblem[][] => {
  const problems: SlotProblem[][] = input.slots.map(() => []);
  for (const [i, j] of ownOverlaps(input.slots)) {
    problems[i]!.push({ code: 'overlaps-own-slot', otherSlot: j });
    problems[j]!.push({ code: 'overlaps-own-slot', otherSlot: i });
  }
  input.slots.forEach((slot, i) => {
    for (const breach of quietHourBreaches(slot, input.venue)) problems[i]!.push({ code: 'outside-allowed-hours', ...breach });
    for (const w of fullWindows(slot, input.holders, input.venue.capacity, input.teamId))
      problems[i]!.push({ code: 'venue-full', ...w, capacity: input.venue.capacity });
  });
  return problems;
};

export const hasProblems = (problems: readonly (readonly SlotProblem[])[]): boolean => problems.some((p) => p.length > 0);

const monthsText = (months: readonly number[]) => (months.length === 12 ? '全年' : `${months.join('、')}月`);

/** A problem in the words the leader reads (the page and the server's refusals use the same). */
export const slotProblemText = (p: SlotProblem): string => {
  switch (p.code) {
    case 'overlaps-own-slot':
      return `与本队第 ${p.otherSlot + 1} 个时段重叠`;
    case 'outside-allowed-hours':
      return `超出场地允许的时间（${p.season ? `${p.season}，` : ''}${monthsText(p.months)}只允许 ${p.allowedHours.map((r) => `${r.start}–${r.end}`).join('、')}）`;
    case 'venue-full':
      return `${p.start}–${p.end} 场地已有 ${p.teams} 支队伍，最多容纳 ${p.capacity} 支`;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Occupancy cells: how the server keeps the capacity invariant without transactions.

/**
 * The quarter-hour cells a team's slots cover, as keys `D<day>#<HHMM>` (the cell starting then), sorted. Slots
 * start and end on quarter hours, so a team covers a cell wholly or not at all, and the number of teams in a
 * cell is the number of teams at every minute of it: capping each cell caps every minute.
 */
export const slotCells = (slots: readonly WeeklySlot[]): string[] => {
  const cells = new Set<string>();
  for (const s of slots)
    for (let m = toMinutes(s.start); m < toMinutes(s.end); m += SLOT_STEP_MINUTES) cells.add(cellKey(s.day, m));
  return [...cells].sort();
};

export const cellKey = (day: number, minute: number): string => `D${day}#${fromMinutes(minute).replace(':', '')}`;

/** `D3#1915` → day 3, 19:15–19:30. */
export const cellRange = (key: string): WeeklySlot => {
  const day = Number(key.slice(1, 2));
  const start = toMinutes(`${key.slice(3, 5)}:${key.slice(5, 7)}`);
  return { day, start: fromMinutes(start), end: fromMinutes(start + SLOT_STEP_MINUTES) };
};

/** Cells back into slots: neighbouring cells of one day merge. */
export const cellsToSlots = (keys: readonly string[]): WeeklySlot[] => {
  const out: WeeklySlot[] = [];
  for (const r of sortSlots(keys.map(cellRange))) {
    const last = out.at(-1);
    if (last && last.day === r.day && last.end === r.start) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------------
// The venue's week, as a timetable shows it.

export interface GridSegment {
  start: string;
  end: string;
  teamIds: string[];
}

/**
 * A venue's week: per day, the stretches of time with the same teams dancing (only stretches with at least one
 * team), in order. What a week grid draws, and how many teams are there at each minute.
 */
export const weekGrid = (holders: readonly PlaceHolder[]): { day: number; segments: GridSegment[] }[] =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const spans = holders.flatMap((h) => h.slots.filter((s) => s.day === day).map((s) => ({ teamId: h.teamId, a: toMinutes(s.start), b: toMinutes(s.end) })));
    const edges = [...new Set(spans.flatMap((s) => [s.a, s.b]))].sort((x, y) => x - y);
    const segments: GridSegment[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const [a, b] = [edges[i]!, edges[i + 1]!];
      const teamIds = [...new Set(spans.filter((s) => s.a <= a && b <= s.b).map((s) => s.teamId))].sort();
      if (teamIds.length) segments.push({ start: fromMinutes(a), end: fromMinutes(b), teamIds });
    }
    return { day, segments };
  });
