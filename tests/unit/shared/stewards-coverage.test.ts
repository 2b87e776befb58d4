/** Red stewards' households: how long each waits for a visit, when it is overdue, masked names, and coverage that adds up. */
import fc from 'fast-check';
import { coverageOf, type CoverageHousehold, type CoverageWork } from '../../../shared/stewards/coverage';
import { daysBetween, daysWaiting, isOverdue, maskedName } from '../../../shared/stewards/households';

describe('waiting for a visit', () => {
  it.each([
    // last visit, put on the list, today, days waiting, overdue at 30 days
    [undefined, '2026-11-28', '2026-11-28', 0, false],
    [undefined, '2026-10-29', '2026-11-28', 30, false],
    [undefined, '2026-10-28', '2026-11-28', 31, true],
    ['2026-11-01', '2026-01-01', '2026-11-28', 27, false],
    ['2026-10-28', '2026-01-01', '2026-11-28', 31, true],
    // across a year's end and a leap day
    ['2027-12-31', '2027-01-01', '2028-03-01', 61, true],
    // a date after today (a clock a little behind) never waits a negative time
    ['2026-11-29', '2026-01-01', '2026-11-28', 0, false],
  ] as const)('last visit %s, on the list since %s, today %s: %i days, overdue %s', (last, since, today, days, overdue) => {
    const h = { since, ...(last ? { lastVisitDate: last } : {}) };
    expect(daysWaiting(h, today)).toBe(days);
    expect(isOverdue(h, today, 30)).toBe(overdue);
  });

  it('is overdue exactly past the interval, whatever the interval and the dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 7, max: 180 }), (ago, interval) => {
        const today = '2026-11-28';
        const last = new Date(Date.UTC(2026, 10, 28) - ago * 86_400_000).toISOString().slice(0, 10);
        expect(daysBetween(last, today)).toBe(ago);
        expect(isOverdue({ since: '2020-01-01', lastVisitDate: last }, today, interval)).toBe(ago > interval);
      }),
    );
  });
});

describe('names in lists', () => {
  it.each([
    ['张桂兰', '张**'],
    ['李明', '李*'],
    ['王', '王*'],
    ['欧阳秀英', '欧**'],
    ['  赵奶奶 ', '赵**'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskedName(name)).toBe(masked));
});

describe('coverage', () => {
  const households: CoverageHousehold[] = [
    { id: 'h1', compound: '青年新苑', stewardId: 's1', since: '2026-01-01', lastVisitDate: '2026-11-20' },
    { id: 'h2', compound: '青年新苑', stewardId: 's1', since: '2026-01-01', lastVisitDate: '2026-09-01' },
    { id: 'h3', compound: '芙蓉小区', stewardId: 's2', since: '2026-11-01' },
  ];
  const work: CoverageWork[] = [
    { kind: 'visit', householdId: 'h1', compound: '青年新苑', stewardId: 's1' },
    { kind: 'visit', householdId: 'h1', compound: '青年新苑', stewardId: 's1' },
    { kind: 'hardship', householdId: 'h2', compound: '青年新苑', stewardId: 's1', hours: 1.5 },
    { kind: 'mediation', householdId: 'h3', compound: '芙蓉小区', stewardId: 's2', hours: 2 },
  ];

  it('counts per steward (a steward without households has a row) and per compound', () => {
    const c = coverageOf({
      month: '2026-11',
      today: '2026-11-28',
      intervalDays: 30,
      stewards: [
        { id: 's1', name: '赵红梅' },
        { id: 's2', name: '钱卫国' },
        { id: 's3', name: '孙建华' },
      ],
      households,
      work,
    });
    expect(c.stewards.map((s) => [s.steward.name, s.households, s.overdue, s.lastVisitDate, s.month.visits, s.month.householdsVisited, s.month.help, s.month.helpHours])).toEqual([
      // the most overdue first, then by name
      ['赵红梅', 2, 1, '2026-11-20', 2, 1, 1, 1.5],
      ['钱卫国', 1, 0, undefined, 0, 0, 1, 2],
      ['孙建华', 0, 0, undefined, 0, 0, 0, 0],
    ]);
    expect(c.compounds).toEqual([
      { compound: '芙蓉小区', households: 1, overdue: 0, visits: 0, help: 1 },
      { compound: '青年新苑', households: 2, overdue: 1, visits: 2, help: 1 },
    ]);
    expect(c.totals).toEqual({ households: 3, overdue: 1, visits: 2, help: 2, helpHours: 3.5 });
  });

  it('has totals equal to the sums of the stewards’ rows and of the compounds’, for any households and work', () => {
    const stewardIds = ['s1', 's2', 's3'];
    const compounds = ['甲', '乙'];
    const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2026, 10, 28) - d * 86_400_000).toISOString().slice(0, 10));
    const household = fc.record({
      compound: fc.constantFrom(...compounds),
      stewardId: fc.constantFrom(...stewardIds),
      since: date,
      lastVisitDate: fc.option(date, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(household, { maxLength: 30 }), fc.array(fc.record({ kind: fc.constantFrom('visit' as const, 'livelihood' as const), h: fc.nat(), hours: fc.integer({ min: 1, max: 8 }).map((x) => x / 2) }), { maxLength: 30 }), (hs, ws) => {
        const hh = hs.map((h, i) => ({ ...h, id: `h${i}` }));
        const ww: CoverageWork[] = hh.length ? ws.map((w) => ({ kind: w.kind, hours: w.hours, householdId: hh[w.h % hh.length]!.id, compound: hh[w.h % hh.length]!.compound, stewardId: hh[w.h % hh.length]!.stewardId })) : [];
        const c = coverageOf({ month: '2026-11', today: '2026-11-28', intervalDays: 30, stewards: stewardIds.map((id) => ({ id, name: id })), households: hh, work: ww });
        const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
        expect(sum(c.stewards, (s) => s.households)).toBe(c.totals.households);
        expect(sum(c.stewards, (s) => s.overdue)).toBe(c.totals.overdue);
        expect(sum(c.stewards, (s) => s.month.visits)).toBe(c.totals.visits);
        expect(sum(c.stewards, (s) => s.month.help)).toBe(c.totals.help);
        expect(sum(c.compounds, (r) => r.households)).toBe(c.totals.households);
        expect(sum(c.compounds, (r) => r.overdue)).toBe(c.totals.overdue);
        expect(sum(c.compounds, (r) => r.visits)).toBe(c.totals.visits);
      }),
    );
  });
});
