import { toMinutes, type TimeRange } from './slots';

/**
 * A venue (a square, a plaza, a court) as the committee keeps it: how many teams may dance there at once, and
 * the hours music is allowed (e.g. 07:00–21:00, or a morning and an evening window). Seasonal rules replace
 * those hours in their months (summer evenings longer, winter evenings shorter).
 */
export interface SeasonalRule {
  /** As the committee names it: `夏季`, `冬季`. */
  name: string;
  /** Months 1–12 the rule applies in; no month belongs to two rules. */
  months: number[];
  allowedHours: TimeRange[];
}

export interface VenueRules {
  capacity: number;
  allowedHours: TimeRange[];
  seasonalRules: SeasonalRule[];
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The allowed hours in one month, and which rule gives them (null: the venue's own hours). */
export const allowedHoursIn = (venue: Pick<VenueRules, 'allowedHours' | 'seasonalRules'>, month: number): { season: string | null; allowedHours: TimeRange[] } => {
  const rule = venue.seasonalRules.find((r) => r.months.includes(month));
  return rule ? { season: rule.name, allowedHours: rule.allowedHours } : { season: null, allowedHours: venue.allowedHours };
};

/** The range lies wholly inside one allowed window (music may not run on through a quiet spell between two). */
export const fitsAllowedHours = (range: TimeRange, allowed: readonly TimeRange[]): boolean =>
  allowed.some((a) => toMinutes(a.start) <= toMinutes(range.start) && toMinutes(range.end) <= toMinutes(a.end));

/**
 * Where a slot breaks the venue's quiet hours: one entry per rule it breaks (the venue's own hours or a season),
 * with the months that rule covers and the hours it allows. A registration holds all year, so a slot must fit
 * the hours of every month. Empty when it fits everywhere.
 */
export const quietHourBreaches = (
  range: TimeRange,
  venue: Pick<VenueRules, 'allowedHours' | 'seasonalRules'>,
): { season: string | null; months: number[]; allowedHours: TimeRange[] }[] => {
  const breaches = new Map<string | null, { season: string | null; months: number[]; allowedHours: TimeRange[] }>();
  for (const month of MONTHS) {
    const { season, allowedHours } = allowedHoursIn(venue, month);
    if (fitsAllowedHours(range, allowedHours)) continue;
    const entry = breaches.get(season) ?? { season, months: [], allowedHours };
    entry.months.push(month);
    breaches.set(season, entry);
  }
  return [...breaches.values()];
};

/** Months named in more than one seasonal rule (the venue form refuses them). */
export const monthsInTwoRules = (rules: readonly Pick<SeasonalRule, 'months'>[]): number[] => {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const r of rules) for (const m of new Set(r.months)) (seen.has(m) ? twice : seen).add(m);
  return [...twice].sort((a, b) => a - b);
};
