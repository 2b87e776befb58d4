import fc from 'fast-check';
import { STAT_DIMENSIONS, totalsOver, type StatRow } from '../../../shared/feedback/stats';

const row = (over: Partial<StatRow>): StatRow => ({
  month: '2026-10',
  dimension: 'category',
  value: '环境卫生',
  received: 0,
  resolved: 0,
  reopened: 0,
  ratings: 0,
  ...over,
});

describe('the statistics page adds a range of months up per name', () => {
  it('sums counts over months and keeps only the chosen dimension', () => {
    const rows = [
      row({ month: '2026-09', received: 3, resolved: 2, reopened: 1 }),
      row({ month: '2026-10', received: 4, resolved: 2, reopened: 0 }),
      row({ dimension: 'all', value: '全部', received: 99 }),
      row({ value: '噪音扰民', received: 7, resolved: 0 }),
    ];
    expect(totalsOver(rows, 'category')).toEqual([
      { value: '环境卫生', received: 7, resolved: 4, reopened: 1, ratings: 0, reopenRate: 0.25 },
      { value: '噪音扰民', received: 7, resolved: 0, reopened: 0, ratings: 0 },
    ]);
  });

  it('weights each month’s satisfaction by its number of ratings', () => {
    const rows = [row({ month: '2026-09', ratings: 1, satisfaction: 1 }), row({ month: '2026-10', ratings: 3, satisfaction: 5 })];
    expect(totalsOver(rows, 'category')[0]!.satisfaction).toBe(4);
  });

  it('leaves rates out where nothing was resolved or rated, rather than dividing by zero', () => {
    const [t] = totalsOver([row({ received: 2 })], 'category');
    expect(t).not.toHaveProperty('reopenRate');
    expect(t).not.toHaveProperty('satisfaction');
  });

  it('puts the most received first, then by name', () => {
    const rows = [row({ value: 'B', received: 1 }), row({ value: 'C', received: 5 }), row({ value: 'A', received: 1 })];
    expect(totalsOver(rows, 'category').map((t) => t.value)).toEqual(['C', 'A', 'B']);
  });

  it('never loses or invents a count, whatever the rows', () => {
    const arbRow = fc.record({
      month: fc.constantFrom('2026-08', '2026-09', '2026-10'),
      dimension: fc.constantFrom(...STAT_DIMENSIONS),
      value: fc.constantFrom('甲', '乙', '丙'),
      received: fc.nat(50),
      resolved: fc.nat(50),
      reopened: fc.nat(50),
      ratings: fc.nat(10),
      satisfaction: fc.double({ min: 1, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), fc.constantFrom(...STAT_DIMENSIONS), (rows, dimension) => {
        const totals = totalsOver(rows, dimension);
        const mine = rows.filter((r) => r.dimension === dimension);
        for (const key of ['received', 'resolved', 'reopened', 'ratings'] as const)
          expect(totals.reduce((a, t) => a + t[key], 0)).toBe(mine.reduce((a, r) => a + r[key], 0));
        for (const t of totals) if (t.satisfaction !== undefined) expect(t.satisfaction).toBeGreaterThanOrEqual(1 - 1e-9);
      }),
    );
  });
});
