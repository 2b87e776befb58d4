import { csvFile, type CsvValue } from '../csv';
import type { RectificationCounts } from './problems';
import { starText, type Star } from './sheet';

/**
 * What the committee downloads: a period's results as CSV for Excel, and a branch's full record as a printable
 * report (titled sections of rows) whose CSV is the same sections one after another.
 */

export interface ResultRow {
  branchName: string;
  secretaryName?: string;
  proposed?: { total: number; star: Star | null };
  reviews: { assigned: number; submitted: number };
  suggested?: { total: number; star: Star | null };
  result?: { total: number; star: Star | null; reason?: string; byName: string };
  rectification: RectificationCounts;
}

const score = (x: { total: number } | undefined): CsvValue => x?.total;
const star = (x: { star: Star | null } | undefined): CsvValue => (x ? starText(x.star) : undefined);

/** One line per branch: its proposal, the reviews, the final score and star with the reason, rectification. */
export const resultsCsv = (rows: readonly ResultRow[]): string =>
  csvFile(
    ['党支部', '支部书记', '自评得分', '自评星级', '复核进度', '复核建议得分', '复核建议星级', '最终得分', '最终星级', '调整理由', '确定人', '问题数', '整改措施', '已完成', '已逾期'],
    rows.map((r) => [
      r.branchName,
      r.secretaryName,
      score(r.proposed),
      star(r.proposed),
      `${r.reviews.submitted}/${r.reviews.assigned}`,
      score(r.suggested),
      star(r.suggested),
      score(r.result),
      star(r.result),
      r.result?.reason,
      r.result?.byName,
      r.rectification.problems,
      r.rectification.measures,
      r.rectification.done,
      r.rectification.overdue,
    ]),
  );

export interface ReportSection {
  heading: string;
  columns: string[];
  rows: string[][];
}

export interface Report {
  title: string;
  subtitle: string;
  sections: ReportSection[];
}

/** A report as CSV: the title, then each section's heading, its column names and its rows, a blank line between. */
export const reportCsv = (report: Report): string => {
  const width = Math.max(2, ...report.sections.map((s) => s.columns.length));
  const pad = (row: readonly CsvValue[]): CsvValue[] => [...row, ...Array<CsvValue>(Math.max(0, width - row.length)).fill(undefined)];
  const lines: CsvValue[][] = [pad([report.subtitle])];
  for (const s of report.sections) lines.push(pad([]), pad([`【${s.heading}】`]), pad(s.columns), ...s.rows.map(pad));
  return csvFile(pad([report.title]) as string[], lines);
};
