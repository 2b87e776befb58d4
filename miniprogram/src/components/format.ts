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
