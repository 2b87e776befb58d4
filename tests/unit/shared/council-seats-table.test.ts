/**
 * A council's seats as tables (issue 11): each seat problem with the exact words the committee reads, the edges of
 * terms (a day shared, or the next day), seats without an account, the limit on seats, and the order members are
 * listed in, row by row.
 */
import { MAX_SEATS, seatedOn, seatProblems, seatProblemText, termsOverlap, type Seat, type SeatProblem } from '../../../shared/council/seats';

const parties = [
  { name: '两委', seats: 2 },
  { name: '妇联', seats: 1 },
  { name: '居民代表', seats: 2000 },
];
let n = 0;
const seat = (over: Partial<Seat>): Seat => ({
  id: `s${String(++n).padStart(4, '0')}`,
  party: '居民代表',
  name: `成员${n}`,
  role: 'member',
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  ...over,
});

describe('each problem in words', () => {
  it.each<[SeatProblem, string]>([
    [{ code: 'unknown-party', seatId: 's1', party: '舞队' }, '议事会没有“舞队”这个界别'],
    [{ code: 'party-full', party: '妇联', seats: 1 }, '“妇联”界别只有 1 个席位，同一时间已坐满'],
    [{ code: 'two-chairs', seatId: 's2', otherSeatId: 's1' }, '同一任期内只能有一位召集人'],
    [{ code: 'seated-twice', seatId: 's2', otherSeatId: 's1' }, '同一个人在同一任期内只能占一个席位'],
    [{ code: 'too-many-seats' }, '一个议事会最多 1000 个席位'],
  ])('%o', (problem, words) => {
    expect(seatProblemText(problem)).toBe(words);
  });
});

describe('terms meeting at their edges', () => {
  it.each<[string, [string, string], [string, string], boolean]>([
    ['the same term', ['2026-01-01', '2026-12-31'], ['2026-01-01', '2026-12-31'], true],
    ['one ends the day the other starts: that day is shared', ['2026-01-01', '2026-06-30'], ['2026-06-30', '2026-12-31'], true],
    ['one ends the day before the other starts', ['2026-01-01', '2026-06-29'], ['2026-06-30', '2026-12-31'], false],
    ['the other way round', ['2026-06-30', '2026-12-31'], ['2026-01-01', '2026-06-29'], false],
    ['one inside the other', ['2026-01-01', '2026-12-31'], ['2026-03-01', '2026-03-01'], true],
  ])('%s: overlap %s', (_, [aStart, aEnd], [bStart, bEnd], overlap) => {
    const a = { termStart: aStart, termEnd: aEnd };
    const b = { termStart: bStart, termEnd: bEnd };
    expect(termsOverlap(a, b)).toBe(overlap);
    expect(termsOverlap(b, a)).toBe(overlap);
    // and so two chairs in those terms are (or are not) a problem
    expect(seatProblems(parties, [seat({ role: 'chair', ...a }), seat({ role: 'chair', ...b })]).map((p) => p.code)).toEqual(overlap ? ['two-chairs'] : []);
  });
});

describe('who may be seated', () => {
  it('seats not yet linked to an account are nobody twice, however many there are', () => {
    expect(seatProblems(parties, [seat({}), seat({}), seat({})])).toEqual([]);
  });

  it('one person twice in turn (terms one after another) is fine; at once it is not', () => {
    const first = seat({ userId: 'u', termEnd: '2026-06-29' });
    expect(seatProblems(parties, [first, seat({ userId: 'u', termStart: '2026-06-30' })])).toEqual([]);
    const second = seat({ userId: 'u', termStart: '2026-06-29' });
    expect(seatProblems(parties, [first, second])).toEqual([{ code: 'seated-twice', seatId: second.id, otherSeatId: first.id }]);
  });

  it(`at most ${MAX_SEATS} seats in all`, () => {
    // one term after another, so no party is ever full: only the count matters
    const many = (count: number) => Array.from({ length: count }, (_, i) => seat({ termStart: `${2000 + Math.floor(i / 12)}-01-01`, termEnd: `${2000 + Math.floor(i / 12)}-01-01` }));
    expect(seatProblems(parties, many(MAX_SEATS)).map((p) => p.code)).not.toContain('too-many-seats');
    expect(seatProblems(parties, many(MAX_SEATS + 1)).map((p) => p.code)).toContain('too-many-seats');
  });

  it('a party exactly full is not over; one more at once is', () => {
    const two = [seat({ party: '两委' }), seat({ party: '两委' })];
    expect(seatProblems(parties, two)).toEqual([]);
    expect(seatProblems(parties, [...two, seat({ party: '两委', termStart: '2026-12-31' })])).toEqual([{ code: 'party-full', party: '两委', seats: 2 }]);
  });
});

describe('the order members are listed in', () => {
  it('by party in the council’s order (a party it no longer has last), then chair, secretary, member, then name, then seat', () => {
    const rows = [
      seat({ id: 'z-old', party: '旧界别', name: '甲' }),
      seat({ id: 'r-member', party: '居民代表', name: '甲' }),
      seat({ id: 'w-member-b', party: '两委', name: '乙' }),
      seat({ id: 'w-member-a', party: '两委', name: '甲' }),
      seat({ id: 'w-secretary', party: '两委', name: '丁', role: 'secretary' }),
      seat({ id: 'w-chair', party: '两委', name: '戊', role: 'chair' }),
      seat({ id: 'f-2', party: '妇联', name: '丙' }),
      seat({ id: 'f-1', party: '妇联', name: '丙' }),
    ];
    expect(seatedOn(parties, rows, '2026-05-01').map((s) => s.id)).toEqual(['w-chair', 'w-secretary', 'w-member-a', 'w-member-b', 'f-1', 'f-2', 'r-member', 'z-old']);
  });
});
