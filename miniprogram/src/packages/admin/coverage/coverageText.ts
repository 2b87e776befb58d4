import type { BarRow, BarSeries } from '../../../components/ui';
import type { Coverage } from '../../../../../shared/api/stewards';

/** The two bars of each steward or compound: visits in the brand red, help in dark grey. */
export const WORK_SERIES: readonly BarSeries[] = [
  { label: '走访次数', tone: 'main' },
  { label: '帮扶次数', tone: 'second' },
];

type Work = { visits: number; help: number };

/** The chart's rows, in the table's order (so a bar and its row are found at the same place). */
export const stewardBars = (c: Coverage): BarRow[] => c.stewards.map((s) => ({ label: s.steward.name, values: [s.month.visits, s.month.help] }));
export const compoundBars = (c: Coverage): BarRow[] => c.compounds.map((x) => ({ label: x.compound, values: [x.visits, x.help] }));

/** The one sentence a screen reader hears for a chart (the table beside it has every number). */
export const workChartSummary = (what: string, rows: readonly Work[]): string => {
  const visits = rows.reduce((n, r) => n + r.visits, 0);
  const help = rows.reduce((n, r) => n + r.help, 0);
  return `${what}的走访和帮扶次数图：共走访 ${visits} 次，帮扶 ${help} 次，每项的数字见下表。`;
};
