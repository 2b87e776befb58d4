import type { StatRow, StatTotal } from '../../../../../shared/feedback/stats';

/** `0.25` → `25%`; nothing resolved → `—`. */
export const percent = (rate: number | undefined): string => (rate === undefined ? '—' : `${Math.round(rate * 100)}%`);

/** `4.25` → `4.3 星`; nothing rated → `暂无评价`. */
export const stars = (mean: number | undefined): string => (mean === undefined ? '暂无评价' : `${mean.toFixed(1)} 星`);

/** A median bucket, or a dash where nothing was answered or resolved that month. */
export const median = (label: string | undefined): string => label ?? '—';

/** The one sentence a screen reader hears for the chart (the table beside it has every number). */
export const chartSummary = (what: string, totals: readonly Pick<StatTotal, 'received' | 'resolved'>[]): string => {
  const received = totals.reduce((a, t) => a + t.received, 0);
  const resolved = totals.reduce((a, t) => a + t.resolved, 0);
  return `${what}收到与解决的反馈条数图：共收到 ${received} 条，解决 ${resolved} 条，每项的数字见下表。`;
};

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** Every month of the range in the order they happened, a quiet month as zeros (a gap would hide it). */
export const byMonth = (rows: readonly StatRow[], from: string, to: string): StatRow[] => {
  const found = new Map(rows.filter((r) => r.dimension === 'all').map((r) => [r.month, r]));
  const out: StatRow[] = [];
  for (let m = from; m <= to; m = nextMonth(m))
    out.push(found.get(m) ?? { month: m, dimension: 'all', value: '全部', received: 0, resolved: 0, reopened: 0, ratings: 0 });
  return out;
};
