/** How the statistics page words its numbers (miniprogram/src/packages/admin/stats/statsText.ts). */
import { byMonth, chartSummary, median, percent, stars } from '../../../miniprogram/src/packages/admin/stats/statsText';

it('lists every month of the range, a quiet month as zeros, oldest first', () => {
  const rows = [
    { month: '2026-12', dimension: 'all' as const, value: '全部', received: 3, resolved: 1, reopened: 0, ratings: 0 },
    { month: '2026-10', dimension: 'category' as const, value: '环境卫生', received: 9, resolved: 0, reopened: 0, ratings: 0 },
  ];
  expect(byMonth(rows, '2026-10', '2027-01').map((r) => [r.month, r.received])).toEqual([
    ['2026-10', 0],
    ['2026-11', 0],
    ['2026-12', 3],
    ['2027-01', 0],
  ]);
});

it.each([
  [percent(undefined), '—'],
  [percent(0.25), '25%'],
  [percent(1 / 3), '33%'],
  [stars(undefined), '暂无评价'],
  [stars(4.25), '4.3 星'],
  [median(undefined), '—'],
  [median('1–4 小时'), '1–4 小时'],
])('%s reads %s', (actual, expected) => expect(actual).toBe(expected));

it('sums the chart up in one sentence for a screen reader', () => {
  expect(chartSummary('各月', [{ received: 3, resolved: 1 }, { received: 2, resolved: 2 }])).toBe(
    '各月收到与解决的反馈条数图：共收到 5 条，解决 3 条，每项的数字见下表。',
  );
});
