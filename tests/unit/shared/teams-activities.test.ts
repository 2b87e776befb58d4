/** Performances and volunteer service: each member's hours and the team's add up. */
import fc from 'fast-check';
import { ActivityBody } from '../../../shared/api/teams';
import { hourTotals, roundHours, type ActivityRecord } from '../../../shared/teams/activities';

describe('hours', () => {
  it('go to each attendee, and the team counts person-hours per kind', () => {
    const totals = hourTotals(
      ['a', 'b', 'c'],
      [
        { kind: 'performance', hours: 2, attendeeIds: ['a', 'b'] },
        { kind: 'volunteer', hours: 1.5, attendeeIds: ['a'] },
        { kind: 'volunteer', hours: 3, attendeeIds: ['a', 'c'] },
      ],
    );
    expect(totals.members).toEqual({ a: { performance: 2, volunteer: 4.5 }, b: { performance: 2, volunteer: 0 }, c: { performance: 0, volunteer: 3 } });
    expect(totals.team).toEqual({ performance: { activities: 1, hours: 4 }, volunteer: { activities: 2, hours: 7.5 } });
  });

  it("of the team equal the sum of its members' while everyone who took part is a member", () => {
    const ids = ['m1', 'm2', 'm3', 'm4'];
    const activity: fc.Arbitrary<ActivityRecord> = fc.record({
      kind: fc.constantFrom('performance' as const, 'volunteer' as const),
      hours: fc.integer({ min: 1, max: 24 }).map((h) => h / 2),
      attendeeIds: fc.subarray(ids, { minLength: 1 }),
    });
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 20 }), (activities) => {
        const t = hourTotals(ids, activities);
        for (const kind of ['performance', 'volunteer'] as const)
          expect(t.team[kind].hours).toBe(ids.reduce((sum, id) => sum + t.members[id]![kind], 0));
      }),
    );
  });

  it('of someone who left still count for the team, not in the member list', () => {
    const t = hourTotals(['a'], [{ kind: 'volunteer', hours: 2, attendeeIds: ['a', 'gone'] }]);
    expect(t.team.volunteer.hours).toBe(4);
    expect(Object.keys(t.members)).toEqual(['a']);
  });

  it('are counted in half hours', () => {
    expect([0.5, 1.2, 2.3, 2.75, 12].map(roundHours)).toEqual([0.5, 1, 2.5, 3, 12]);
  });
});

describe('the activity form', () => {
  const valid = { kind: 'volunteer', title: '慰问孤寡老人', date: '2026-11-20', hours: 2, attendeeIds: ['a', 'b'] };
  it('takes a kind, a title, a real date, 0.5–12 hours and distinct attendees', () => {
    expect(ActivityBody.safeParse(valid).success).toBe(true);
    expect(ActivityBody.safeParse({ ...valid, date: '2026-02-30' }).success).toBe(false);
    expect(ActivityBody.safeParse({ ...valid, hours: 0.25 }).success).toBe(false);
    expect(ActivityBody.safeParse({ ...valid, hours: 13 }).success).toBe(false);
    expect(ActivityBody.safeParse({ ...valid, attendeeIds: ['a', 'a'] }).success).toBe(false);
    expect(ActivityBody.safeParse({ ...valid, kind: 'party' }).success).toBe(false);
  });
});
