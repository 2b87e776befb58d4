/**
 * Weekly time slots of a dance team: a day of the week and a start–end time on that day (never across
 * midnight). Times are whole quarter hours (`19:00`, `19:15`, …): people agree on slots that way, and it lets the
 * server keep a venue's occupancy in quarter-hour cells whose counts are exact for every minute (capacity.ts).
 */

/** Days of the week as China counts them: 1 = Monday … 7 = Sunday. */
export const DAYS_OF_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];
export const DAY_LABELS: Record<DayOfWeek, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** Any time of day: `07:00`, `21:30`. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** The length of the occupancy cells, and so the step a slot's start and end are on. */
export const SLOT_STEP_MINUTES = 15;
/** A slot's start or end: a whole quarter hour. */
export const QUARTER_PATTERN = /^([01]\d|2[0-3]):(00|15|30|45)$/;

export interface TimeRange {
  start: string;
  end: string;
}

export interface WeeklySlot extends TimeRange {
  day: number;
}

/** `19:30` → 1170 minutes after midnight. */
export const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** 1170 → `19:30`. */
export const fromMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Start before end (a range never crosses midnight). */
export const isOrderedRange = (r: TimeRange): boolean => toMinutes(r.start) < toMinutes(r.end);

/** Two ranges share at least one minute (touching ends do not: 19:00–20:00 and 20:00–21:00 are fine). */
export const rangesOverlap = (a: TimeRange, b: TimeRange): boolean =>
  toMinutes(a.start) < toMinutes(b.end) && toMinutes(b.start) < toMinutes(a.end);

/** Two weekly slots share a minute: the same day, overlapping times. */
export const slotsOverlap = (a: WeeklySlot, b: WeeklySlot): boolean => a.day === b.day && rangesOverlap(a, b);

/** Every pair of one team's slots that overlap, as index pairs `[i, j]` with i < j. */
export const ownOverlaps = (slots: readonly WeeklySlot[]): [number, number][] => {
  const pairs: [number, number][] = [];
  for (let i = 0; i < slots.length; i++)
    for (let j = i + 1; j < slots.length; j++) if (slotsOverlap(slots[i]!, slots[j]!)) pairs.push([i, j]);
  return pairs;
};

/** Every pair of ranges in a list that overlap (a venue's allowed hours must not). */
export const rangeOverlaps = (ranges: readonly TimeRange[]): [number, number][] =>
  ownOverlaps(ranges.map((r) => ({ ...r, day: 1 })));

/** Slots in the order a timetable shows them: by day, then by start. */
export const sortSlots = <S extends WeeklySlot>(slots: readonly S[]): S[] =>
  [...slots].sort((a, b) => a.day - b.day || toMinutes(a.start) - toMinutes(b.start) || toMinutes(a.end) - toMinutes(b.end));

/** `周三 19:00–20:30` */
export const slotText = (s: WeeklySlot): string => `${DAY_LABELS[s.day as DayOfWeek] ?? `第${s.day}天`} ${s.start}–${s.end}`;

/** Minutes of dancing a week. */
export const weeklyMinutes = (slots: readonly WeeklySlot[]): number =>
  slots.reduce((sum, s) => sum + toMinutes(s.end) - toMinutes(s.start), 0);
