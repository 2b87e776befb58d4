import fc from 'fast-check';
import { chinaDate, chinaMinute, chinaMonth } from '../../../functions/src/feedback/china-time';

/** What the functions formatted with before: Intl in the Asia/Shanghai zone. */
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
const minute = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

// From 1992 (China has kept UTC+8 without daylight saving since 1991) to 2200.
const instants = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });

describe('China time', () => {
  it('agrees with Intl in Asia/Shanghai for any instant, as a Date or an ISO string', () => {
    fc.assert(
      fc.property(instants, (at) => {
        expect(chinaDate(at)).toBe(day.format(at));
        expect(chinaDate(at.toISOString())).toBe(day.format(at));
        expect(chinaMinute(at)).toBe(minute.format(at));
        expect(chinaMonth(at)).toBe(day.format(at).slice(0, 7));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns the day at 16:00 UTC', () => {
    expect(chinaDate('2026-11-27T15:59:59.999Z')).toBe('2026-11-27');
    expect(chinaDate('2026-11-27T16:00:00.000Z')).toBe('2026-11-28');
    expect(chinaMinute('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(chinaMonth('2026-11-30T16:00:00Z')).toBe('2026-12');
  });
});
