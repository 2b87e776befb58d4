/**
 * A council's seats (shared/council/seats.ts): parties with a number of seats, people seated for a term with a
 * role; no party over its seats on any day, one chair at a time, one seat per person at a time.
 */
import fc from 'fast-check';
import { inTerm, mostAtOnce, seatedOn, seatOf, seatProblems, seatProblemText, type Seat } from '../../../shared/council/seats';

const parties = [
  { name: '两委', seats: 2 },
  { name: '妇联', seats: 1 },
  { name: '居民代表', seats: 3 },
];
let n = 0;
const seat = (over: Partial<Seat>): Seat => ({
  id: `s${++n}`,
  party: '居民代表',
  name: `成员${n}`,
  role: 'member',
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  ...over,
});

describe('terms', () => {
  it('include their first and last day', () => {
    const s = seat({});
    expect(inTerm(s, '2025-12-31')).toBe(false);
    expect(inTerm(s, '2026-01-01')).toBe(true);
    expect(inTerm(s, '2026-12-31')).toBe(true);
    expect(inTerm(s, '2027-01-01')).toBe(false);
  });
});

describe('seat problems', () => {
  it('a valid council: parties with room, one chair, each person once', () => {
    const seats = [seat({ party: '两委', role: 'chair', userId: 'a' }), seat({ party: '妇联', userId: 'b' }), seat({ userId: 'c' }), seat({})];
    expect(seatProblems(parties, seats)).toEqual([]);
  });

  it('a party full on some day; seats in turn (one term after another) fit', () => {
    const full = [seat({ party: '妇联' }), seat({ party: '妇联', termStart: '2026-06-01', termEnd: '2027-05-31' })];
    expect(seatProblems(parties, full)).toEqual([{ code: 'party-full', party: '妇联', seats: 1 }]);
    const inTurn = [seat({ party: '妇联', termEnd: '2026-05-31' }), seat({ party: '妇联', termStart: '2026-06-01', termEnd: '2027-05-31' })];
    expect(seatProblems(parties, inTurn)).toEqual([]);
  });

  it('two chairs at once, one person twice at once, a party the council lacks', () => {
    const chair = seat({ role: 'chair' });
    const second = seat({ role: 'chair', termStart: '2026-12-31', termEnd: '2027-12-31' });
    expect(seatProblems(parties, [chair, second])).toEqual([{ code: 'two-chairs', seatId: second.id, otherSeatId: chair.id }]);
    const once = seat({ userId: 'u' });
    const twice = seat({ party: '两委', userId: 'u' });
    expect(seatProblems(parties, [once, twice])).toEqual([{ code: 'seated-twice', seatId: twice.id, otherSeatId: once.id }]);
    const stray = seat({ party: '舞队' });
    expect(seatProblems(parties, [stray])).toEqual([{ code: 'unknown-party', seatId: stray.id, party: '舞队' }]);
    for (const p of seatProblems(parties, [chair, second, once, twice, stray])) expect(seatProblemText(p)).toMatch(/\S/);
  });

  it('mostAtOnce is the largest number of terms sharing a day (checked day by day)', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const termArb = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20 })).map(([s, len]) => ({ termStart: day(s), termEnd: day(s + len) }));
    fc.assert(
      fc.property(fc.array(termArb, { maxLength: 12 }), (terms) => {
        let most = 0;
        for (let i = 0; i <= 61; i++) most = Math.max(most, terms.filter((t) => inTerm(t, day(i))).length);
        expect(mostAtOnce(terms)).toBe(most);
      }),
    );
  });
});

describe('who sits today', () => {
  it('in the council’s party order, the chair first, then by name; the caller’s own seat', () => {
    const a = seat({ party: '居民代表', name: '乙', userId: 'u1' });
    const b = seat({ party: '两委', name: '甲', role: 'member' });
    const c = seat({ party: '两委', name: '丙', role: 'chair' });
    const gone = seat({ party: '妇联', termEnd: '2026-02-01', userId: 'u2' });
    expect(seatedOn(parties, [a, b, c, gone], '2026-03-01').map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(seatOf([a, b, c, gone], 'u1', '2026-03-01')?.id).toBe(a.id);
    expect(seatOf([a, b, c, gone], 'u2', '2026-03-01')).toBeUndefined();
  });
});
