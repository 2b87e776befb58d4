/** Weekly slots and a venue's quiet hours: the rules the filing form and the server share. */
import fc from 'fast-check';
import { TeamSlots, TimeRangeSchema, VenueBody, WeeklySlotSchema } from '../../../shared/api/teams';
import { fromMinutes, ownOverlaps, rangesOverlap, slotText, sortSlots, toMinutes, weeklyMinutes, type WeeklySlot } from '../../../shared/teams/slots';
import { allowedHoursIn, fitsAllowedHours, monthsInTwoRules, quietHourBreaches } from '../../../shared/teams/venues';

const quarter = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);
const slotArb = (days = 7): fc.Arbitrary<WeeklySlot> =>
  fc
    .tuple(fc.integer({ min: 1, max: days }), quarter, fc.integer({ min: 1, max: 16 }))
    .filter(([, start, len]) => start + len * 15 < 24 * 60)
    .map(([day, start, len]) => ({ day, start: fromMinutes(start), end: fromMinutes(start + len * 15) }));

describe('times of day', () => {
  it('turn into minutes and back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), (m) => toMinutes(fromMinutes(m)) === m));
    expect(toMinutes('19:30')).toBe(1170);
    expect(fromMinutes(425)).toBe('07:05');
  });

  it('overlap when they share a minute; touching ends do not', () => {
    expect(rangesOverlap({ start: '19:00', end: '20:00' }, { start: '20:00', end: '21:00' })).toBe(false);
    expect(rangesOverlap({ start: '19:00', end: '20:15' }, { start: '20:00', end: '21:00' })).toBe(true);
    expect(rangesOverlap({ start: '19:00', end: '21:00' }, { start: '19:30', end: '20:00' })).toBe(true);
  });

  it('overlap symmetrically, and a slot overlaps itself', () => {
    fc.assert(
      fc.property(slotArb(), slotArb(), (a, b) => {
        expect(ownOverlaps([a, b]).length).toBe(ownOverlaps([b, a]).length);
        expect(ownOverlaps([a, a])).toEqual([[0, 1]]);
      }),
    );
  });
});

describe('the slot contract', () => {
  it('takes a day 1–7 and quarter hours, start before end', () => {
    expect(WeeklySlotSchema.safeParse({ day: 3, start: '19:00', end: '20:30' }).success).toBe(true);
    for (const bad of [
      { day: 0, start: '19:00', end: '20:00' },
      { day: 8, start: '19:00', end: '20:00' },
      { day: 3, start: '19:10', end: '20:00' },
      { day: 3, start: '20:00', end: '20:00' },
      { day: 3, start: '21:00', end: '20:00' },
      { day: 3, start: '24:00', end: '24:15' },
    ])
      expect([bad, WeeklySlotSchema.safeParse(bad).success]).toEqual([bad, false]);
  });

  it("refuses a team's overlapping slots, naming the later one", () => {
    const r = TeamSlots.safeParse([
      { day: 3, start: '19:00', end: '20:30' },
      { day: 5, start: '19:00', end: '20:30' },
      { day: 3, start: '20:00', end: '21:00' },
    ]);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: [2], message: '与第 1 个时段重叠' })]);
  });

  it('accepts any set of slots without overlaps', () => {
    fc.assert(fc.property(fc.array(slotArb(), { minLength: 1, maxLength: 14 }), (slots) => TeamSlots.safeParse(slots).success === (ownOverlaps(slots).length === 0)));
  });

  it('words a slot as people read it and adds up the week', () => {
    expect(slotText({ day: 3, start: '19:00', end: '20:30' })).toBe('周三 19:00–20:30');
    expect(weeklyMinutes([{ day: 1, start: '06:30', end: '07:30' }, { day: 3, start: '19:00', end: '20:30' }])).toBe(150);
    expect(sortSlots([{ day: 3, start: '19:00', end: '20:00' }, { day: 1, start: '20:00', end: '21:00' }, { day: 1, start: '06:00', end: '07:00' }]).map(slotText)).toEqual([
      '周一 06:00–07:00',
      '周一 20:00–21:00',
      '周三 19:00–20:00',
    ]);
  });
});

describe("a venue's quiet hours", () => {
  const square = {
    capacity: 2,
    allowedHours: [{ start: '07:00', end: '21:00' }],
    seasonalRules: [
      { name: '夏季', months: [6, 7, 8, 9], allowedHours: [{ start: '06:00', end: '21:30' }] },
      { name: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '20:00' }] },
    ],
  };

  it('are the season’s in its months, the venue’s own otherwise', () => {
    expect(allowedHoursIn(square, 7)).toEqual({ season: '夏季', allowedHours: [{ start: '06:00', end: '21:30' }] });
    expect(allowedHoursIn(square, 4)).toEqual({ season: null, allowedHours: [{ start: '07:00', end: '21:00' }] });
  });

  it('let a slot through only if it fits wholly inside one window', () => {
    const windows = [{ start: '07:00', end: '11:30' }, { start: '14:00', end: '21:00' }];
    expect(fitsAllowedHours({ start: '07:00', end: '08:00' }, windows)).toBe(true);
    expect(fitsAllowedHours({ start: '11:00', end: '14:30' }, windows)).toBe(false);
    expect(fitsAllowedHours({ start: '20:30', end: '21:15' }, windows)).toBe(false);
  });

  it('name each rule a slot breaks, with its months (a registration holds all year)', () => {
    expect(quietHourBreaches({ start: '19:00', end: '20:30' }, square)).toEqual([
      { season: '冬季', months: [1, 2, 12], allowedHours: [{ start: '07:30', end: '20:00' }] },
    ]);
    expect(quietHourBreaches({ start: '20:30', end: '21:15' }, square).map((b) => b.season)).toEqual(['冬季', null]);
    expect(quietHourBreaches({ start: '19:00', end: '20:00' }, square)).toEqual([]);
  });

  it('come as windows that do not overlap, and no month in two seasons', () => {
    const base = { name: '中心广场', capacity: 2, allowedHours: [{ start: '07:00', end: '21:00' }] };
    expect(VenueBody.safeParse(base).success).toBe(true);
    expect(VenueBody.parse(base).seasonalRules).toEqual([]);
    expect(VenueBody.safeParse({ ...base, allowedHours: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '21:00' }] }).success).toBe(false);
    expect(TimeRangeSchema.safeParse({ start: '21:00', end: '07:00' }).success).toBe(false);
    const twice = [
      { name: '夏季', months: [6, 7], allowedHours: [{ start: '06:00', end: '21:30' }] },
      { name: '盛夏', months: [7, 8], allowedHours: [{ start: '06:00', end: '22:00' }] },
    ];
    expect(monthsInTwoRules(twice)).toEqual([7]);
    expect(VenueBody.safeParse({ ...base, seasonalRules: twice }).success).toBe(false);
  });
});

describe('the teams contracts', () => {
  it('never throw on junk: zod runs refinements even where a field is malformed, so each rule must be total', async () => {
    const { WeeklySlotSchema: slot, TeamForm, SeasonalRuleSchema, ActivityBody, StudySessionBody } = await import('../../../shared/api/teams');
    const junk: unknown[] = [undefined, null, 5, 'x', {}, [], { start: 5 }, { day: 'a', start: null, end: {} }, { start: '25:00', end: 'ab' }, '2026-13-45'];
    for (const j of junk) {
      for (const s of [slot, TimeRangeSchema, SeasonalRuleSchema]) expect(() => s.safeParse(j)).not.toThrow();
      expect(() => TeamSlots.safeParse([j, j])).not.toThrow();
      expect(() => VenueBody.safeParse({ name: 'a', capacity: 1, allowedHours: [j, j], seasonalRules: [{ name: 'x', months: [j], allowedHours: [j] }, j] })).not.toThrow();
      expect(() => TeamForm.safeParse({ slots: [j], usesLoudspeaker: j })).not.toThrow();
      expect(() => ActivityBody.safeParse({ date: j, attendeeIds: [j, j] })).not.toThrow();
      expect(() => StudySessionBody.safeParse({ date: j, attendeeIds: j })).not.toThrow();
    }
  });
});
