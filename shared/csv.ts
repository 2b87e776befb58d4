/**
 * CSV files for Excel, as the committee downloads them (statistics, teams, later councils and scoring): UTF-8
 * with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF line ends, Chinese headers.
 */

/** Excel reads UTF-8 CSV correctly only with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | undefined;

/**
 * One cell: quoted when it holds a comma, quote or line break. Text that starts with = + - @ (or a tab or
 * return) gets a leading apostrophe, so Excel shows it instead of running it as a formula: names, titles and
 * notes are typed by residents.
 */
export const csvCell = (v: CsvValue): string => {
  if (typeof v === 'number') return String(v);
  const s = v ?? '';
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A whole file: the header line, then one line per row. */
export const csvFile = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string =>
  CSV_BOM + [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
