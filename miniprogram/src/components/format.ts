const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-01T02:05:00Z` → `2026-03-01 10:05` in the viewer's time zone. */
export const formatTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** `2026-12-04T02:05:00Z` → `12月4日` in the viewer's time zone (how a date is said, without the year). */
export const formatMonthDay = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getMonth() + 1}月${d.getDate()}日`;
};

/** `2026-11` → `2026年11月`. */
export const formatMonth = (month: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
};

/** The month of a date as the audit trail names it: `2026-11`, in the viewer's time zone. */
export const monthOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** This month and the `count - 1` before it, newest first: `['2026-11', '2026-10', …]`. */
export const recentMonths = (now: Date, count: number): string[] =>
  Array.from({ length: count }, (_, i) => monthOf(new Date(now.getFullYear(), now.getMonth() - i, 1)));

/** China has one time zone and no daylight saving: UTC+8 always (dates people type are China dates). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today in China, `2026-11-28` (the device's own zone may be another). */
export const chinaToday = (now = Date.now()): string => new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** An instant as a China date and time: `{ date: '2026-11-28', time: '09:00' }`. */
export const chinaDateTime = (iso: string): { date: string; time: string } => {
  const s = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
};

/** A China date and time people typed (`2026-11-28`, `9:00`) as an instant; undefined when it is not one. */
export const fromChinaDateTime = (date: string, time: string): string | undefined => {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2})[:：](\d{2})$/.exec(time.trim());
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return undefined;
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])) - CHINA_OFFSET_MS;
  const back = new Date(ms + CHINA_OFFSET_MS);
  // 2026-02-30 is not a day: Date.UTC rolls it over into March
  if (Number.isNaN(ms) || back.getUTCDate() !== Number(d[3]) || back.getUTCMonth() !== Number(d[2]) - 1) return undefined;
  return new Date(ms).toISOString();
};
