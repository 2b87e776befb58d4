/**
 * Dates as the community reads them (China time), whatever zone the function runs in. The formatters are made
 * once: building an Intl.DateTimeFormat costs far more than using one (the bench measured ~0.1 ms each).
 */
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
const minute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** `2026-11-27` */
export const chinaDate = (at: Date | string): string => day.format(new Date(at));
/** `2026-11` */
export const chinaMonth = (at: Date | string): string => chinaDate(at).slice(0, 7);
/** `2026-11-27 18:30` */
export const chinaMinute = (at: Date | string): string => minute.format(new Date(at));
