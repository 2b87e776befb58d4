import { csvFile } from '../csv';

/**
 * Feedback statistics are kept as counters (one item per community and month), updated on each change: never
 * computed by scanning. Times are counted in buckets, so a median is told as the bucket it falls in.
 */
export const DURATION_BUCKETS = [
  { upToHours: 1, label: '1 小时内' },
  { upToHours: 4, label: '1–4 小时' },
  { upToHours: 12, label: '4–12 小时' },
  { upToHours: 24, label: '12–24 小时' },
  { upToHours: 72, label: '1–3 天' },
  { upToHours: 168, label: '3–7 天' },
  { upToHours: Infinity, label: '7 天以上' },
] as const;

/** The index of the bucket a duration falls in. */
export const bucketOf = (hours: number): number => DURATION_BUCKETS.findIndex((b) => hours <= b.upToHours);

/** The bucket holding the median of these counts (per bucket index), or undefined when there are none. */
export const medianBucket = (counts: readonly number[]): string | undefined => {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  let seen = 0;
  for (const [i, n] of counts.entries()) {
    seen += n;
    if (seen * 2 >= total) return DURATION_BUCKETS[i]!.label;
  }
  return undefined;
};

/** What is broken down: all feedback, or by category, compound or branch. */
export const STAT_DIMENSIONS = ['all', 'category', 'compound', 'branch'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];
export const STAT_DIMENSION_LABELS: Record<StatDimension, string> = { all: '全部', category: '类别', compound: '小区', branch: '党支部' };

/** One row of the statistics table. */
export interface StatRow {
  month: string;
  dimension: StatDimension;
  value: string;
  received: number;
  resolved: number;
  reopened: number;
  /** reopened ÷ resolved, 0–1 (undefined when nothing was resolved). */
  reopenRate?: number;
  /** Mean stars given, 1–5 (undefined without ratings). */
  satisfaction?: number;
  ratings: number;
  medianFirstResponse?: string;
  medianResolution?: string;
}

/** The statistics table as Excel-friendly CSV (UTF-8 with BOM, CRLF), with Chinese headers. */
export const statsCsv = (rows: readonly StatRow[]): string => {
  const header = ['月份', '维度', '名称', '收到', '已解决', '重新处理', '重新处理率', '满意度（星）', '评价数', '首次响应中位', '解决用时中位'];
  return csvFile(
    header,
    rows.map((r) => [
      r.month,
      STAT_DIMENSION_LABELS[r.dimension],
      r.value,
      r.received,
      r.resolved,
      r.reopened,
      r.reopenRate === undefined ? undefined : `${Math.round(r.reopenRate * 100)}%`,
      r.satisfaction === undefined ? undefined : r.satisfaction.toFixed(1),
      r.ratings,
      r.medianFirstResponse,
      r.medianResolution,
    ]),
  );
};

/** A range's totals for one name (a category, compound or branch, or 全部): what the charts draw. */
export interface StatTotal {
  value: string;
  received: number;
  resolved: number;
  reopened: number;
  ratings: number;
  /** reopened ÷ resolved over the range (undefined when nothing was resolved). */
  reopenRate?: number;
  /** The mean of every star given in the range: each month's mean weighted by its number of ratings. */
  satisfaction?: number;
}

/**
 * The months of one dimension added up per name, most received first (ties by name, so the order is stable).
 * Medians are not added up: a median of months is not the median of the range, so the table keeps them per month.
 */
export const totalsOver = (rows: readonly StatRow[], dimension: StatDimension): StatTotal[] => {
  const byValue = new Map<string, { received: number; resolved: number; reopened: number; ratings: number; stars: number }>();
  for (const r of rows) {
    if (r.dimension !== dimension) continue;
    const t = byValue.get(r.value) ?? { received: 0, resolved: 0, reopened: 0, ratings: 0, stars: 0 };
    t.received += r.received;
    t.resolved += r.resolved;
    t.reopened += r.reopened;
    t.ratings += r.ratings;
    t.stars += (r.satisfaction ?? 0) * r.ratings;
    byValue.set(r.value, t);
  }
  return [...byValue.entries()]
    .map(([value, t]) => ({
      value,
      received: t.received,
      resolved: t.resolved,
      reopened: t.reopened,
      ratings: t.ratings,
      ...(t.resolved ? { reopenRate: t.reopened / t.resolved } : {}),
      ...(t.ratings ? { satisfaction: t.stars / t.ratings } : {}),
    }))
    .sort((a, b) => b.received - a.received || a.value.localeCompare(b.value, 'zh-CN'));
};
