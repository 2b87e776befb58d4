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

const STAR_ROWS = [5, 4, 3, 2, 1, null] as const;

/**
 * A period's results as a printable report: the star distribution of the branches with a final result, then one
 * line per branch (the same facts as the CSV, fewer columns, to fit a printed page).
 */
export const resultsReport = (period: { name: string; startDate: string; endDate: string; statusLabel: string }, rows: readonly ResultRow[]): Report => {
  const finalised = rows.filter((r) => r.result);
  return {
    title: `${period.name} 星级党支部创评结果`,
    subtitle: `评定周期 ${period.startDate} 至 ${period.endDate}，${period.statusLabel}；${rows.length} 个党支部参评，${finalised.length} 个已确定星级`,
    sections: [
      {
        heading: '星级分布',
        columns: ['星级', '党支部数'],
        rows: STAR_ROWS.map((s) => [starText(s), String(finalised.filter((r) => r.result!.star === s).length)]),
      },
      {
        heading: '各党支部结果',
        columns: ['党支部', '支部书记', '自评', '复核进度', '复核建议', '最终结果', '调整理由', '整改'],
        rows: rows.map((r) => [
          r.branchName,
          r.secretaryName ?? '',
          r.proposed ? `${r.proposed.total} 分 ${starText(r.proposed.star)}` : '未提交',
          `${r.reviews.submitted}/${r.reviews.assigned}`,
          r.suggested ? `${r.suggested.total} 分 ${starText(r.suggested.star)}` : '',
          r.result ? `${r.result.total} 分 ${starText(r.result.star)}` : '未确定',
          r.result?.reason ?? '',
          `问题 ${r.rectification.problems}，措施 ${r.rectification.measures}，完成 ${r.rectification.done}${r.rectification.overdue ? `，逾期 ${r.rectification.overdue}` : ''}`,
        ]),
      },
    ],
  };
};
