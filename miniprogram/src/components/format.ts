const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-01T02:05:00Z` → `2026-03-01 10:05` in the viewer's time zone. */
export const formatTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
