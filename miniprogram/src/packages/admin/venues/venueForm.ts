import type { Venue, VenueBody } from '../../../../../shared/api/teams';

/*
 * The venue form's content as typed (strings, rows that may still be blank) and the body the server takes.
 * Pure, and loaded by the unit tests (relative imports of shared/).
 */

export interface RangeDraft {
  start: string;
  end: string;
}
export interface SeasonDraft {
  name: string;
  months: number[];
  hours: RangeDraft[];
}
export interface VenueDraft {
  name: string;
  /** How many teams at once, as the picker holds it (`'2'`). */
  capacity: string;
  hours: RangeDraft[];
  seasons: SeasonDraft[];
  note: string;
}

/** A new venue starts with the usual hours (no music before 07:00 or after 21:00), for one team at a time. */
export const newVenueDraft = (): VenueDraft => ({ name: '', capacity: '1', hours: [{ start: '07:00', end: '21:00' }], seasons: [], note: '' });

/** A new seasonal rule: summer evenings, say, until the committee says otherwise. */
export const newSeasonDraft = (): SeasonDraft => ({ name: '', months: [], hours: [{ start: '07:00', end: '21:00' }] });

export const venueDraftOf = (v: Venue): VenueDraft => ({
  name: v.name,
  capacity: String(v.capacity),
  hours: v.allowedHours.map((r) => ({ ...r })),
  seasons: v.seasonalRules.map((s) => ({ name: s.name, months: [...s.months], hours: s.allowedHours.map((r) => ({ ...r })) })),
  note: v.note ?? '',
});

const FULL_WIDTH = /[０-９：]/g;

/**
 * A time as people type it, made `HH:MM`: `7:00` → `07:00`, `7` → `07:00`, `1930` → `19:30`, `19.30` and
 * `19：30` (a Chinese keyboard's colon, full-width digits) → `19:30`. Anything else is left for the form's check
 * to name.
 */
export const normalizeTime = (typed: string): string => {
  const s = typed.trim().replace(FULL_WIDTH, (c) => (c === '：' ? ':' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const m = /^(\d{1,2})(?:[:.点](\d{2})?)?$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
};

const ranges = (rs: readonly RangeDraft[]) => rs.map((r) => ({ start: normalizeTime(r.start), end: normalizeTime(r.end) }));

/** The body the server takes, from what is typed (the schema then says what is wrong, field by field). */
export const venueBodyOf = (d: VenueDraft): VenueBody => ({
  name: d.name.trim(),
  capacity: Number(d.capacity),
  allowedHours: ranges(d.hours),
  seasonalRules: d.seasons.map((s) => ({ name: s.name.trim(), months: [...s.months].sort((a, b) => a - b), allowedHours: ranges(s.hours) })),
  note: d.note.trim() || undefined,
});

/** The form has changes worth keeping (or asking about before they are thrown away). */
export const draftChanged = (a: VenueDraft, b: VenueDraft): boolean => JSON.stringify(venueBodyOf(a)) !== JSON.stringify(venueBodyOf(b));

/**
 * The schema's and the server's messages, by field path (`allowedHours.1.end`, `seasonalRules.0.months`), for
 * the row of time ranges at `path`: the message for row `i`, its start and its end (an overlap is said on the row).
 */
export const rangeErrors = (errors: Record<string, string>, path: string, i: number) => ({
  row: errors[`${path}.${i}`],
  start: errors[`${path}.${i}.start`],
  end: errors[`${path}.${i}.end`],
});

/** `夏季：6、7、8、9月 06:30–21:30` */
export const seasonText = (s: { name: string; months: readonly number[]; allowedHours: readonly RangeDraft[] }): string =>
  `${s.name}：${s.months.join('、')}月 ${s.allowedHours.map((r) => `${r.start}–${r.end}`).join('、')}`;
