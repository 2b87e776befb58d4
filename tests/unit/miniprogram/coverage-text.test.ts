/** The coverage page's charts in words and rows (miniprogram/src/packages/admin/coverage/coverageText.ts). */
import type { Coverage } from '../../../shared/api/stewards';
import { compoundBars, stewardBars, workChartSummary, WORK_SERIES } from '../../../miniprogram/src/packages/admin/coverage/coverageText';

const month = (visits: number, help: number) => ({ month: '2026-11', visits, householdsVisited: visits, help, helpHours: help });
const coverage: Coverage = {
  month: '2026-11',
  intervalDays: 30,
  stewards: [
    { steward: { id: 'a', name: '刘玉兰' }, households: 3, overdue: 1, month: month(4, 1) },
    { steward: { id: 'b', name: '陈志强' }, households: 3, overdue: 0, lastVisitDate: '2026-11-02', month: month(0, 0) },
  ],
  compounds: [
    { compound: '青年新苑', households: 4, overdue: 1, visits: 3, help: 1 },
    { compound: '望湖小区', households: 2, overdue: 0, visits: 1, help: 0 },
  ],
  totals: { households: 6, overdue: 1, visits: 4, help: 1, helpHours: 1 },
};

it('draws visits then help for each steward and compound, in the table’s order, a quiet one as zeros', () => {
  expect(WORK_SERIES.map((s) => s.label)).toEqual(['走访次数', '帮扶次数']);
  expect(stewardBars(coverage)).toEqual([
    { label: '刘玉兰', values: [4, 1] },
    { label: '陈志强', values: [0, 0] },
  ]);
  expect(compoundBars(coverage)).toEqual([
    { label: '青年新苑', values: [3, 1] },
    { label: '望湖小区', values: [1, 0] },
  ]);
});

it('sums the chart up in one sentence, pointing to the table', () => {
  expect(workChartSummary('2026年11月各小区', coverage.compounds)).toBe('2026年11月各小区的走访和帮扶次数图：共走访 4 次，帮扶 1 次，每项的数字见下表。');
  expect(workChartSummary('2026年11月各红色小管家', [])).toBe('2026年11月各红色小管家的走访和帮扶次数图：共走访 0 次，帮扶 0 次，每项的数字见下表。');
});
