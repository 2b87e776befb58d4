/**
 * The slot check and a venue's capacity: whatever order approvals (and suspensions, reinstatements, refusals)
 * arrive in, no minute at a venue ever has more teams holding places than it takes, and the server's
 * quarter-hour cells decide exactly as the shared rule does.
 */
import fc from 'fast-check';
import {
  cellKey,
  cellsToSlots,
  checkSlots,
  fullWindows,
  hasProblems,
  slotCells,
  slotProblemText,
  weekGrid,
  type PlaceHolder,
} from '../../../shared/teams/capacity';
import { fromMinutes, ownOverlaps, sortSlots, toMinutes, type WeeklySlot } from '../../../shared/teams/slots';

const venue = (capacity: number) => ({ capacity, allowedHours: [{ start: '00:00', end: '23:59' }], seasonalRules: [] });

/** Slots crowded into two days and a few evening hours, so that teams meet often. */
const slotArb: fc.Arbitrary<WeeklySlot> = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 72, max: 86 }), fc.integer({ min: 1, max: 8 }))
  .map(([day, q, len]) => ({ day, start: fromMinutes(q * 15), end: fromMinutes(Math.min(q + len, 95) * 15) }))
  .filter((s) => s.start < s.end);
/** A team's slots: none overlapping another (the contract refuses that). */
const teamSlotsArb = fc.array(slotArb, { minLength: 1, maxLength: 3 }).filter((slots) => ownOverlaps(slots).length === 0);

/** How many holders dance at a venue at this minute. */
const teamsAt = (holders: readonly PlaceHolder[], day: number, minute: number) =>
  holders.filter((h) => h.slots.some((s) => s.day === day && toMinutes(s.start) <= minute && minute < toMinutes(s.end))).length;

const everyMinute = (f: (day: number, minute: number) => void) => {
  for (const day of [1, 2]) for (let m = 17 * 60; m < 24 * 60; m++) f(day, m);
};

/** The most teams at any minute of the week (counted minute by minute, the slow and obvious way). */
const mostAtOnce = (holders: readonly PlaceHolder[]): number => {
  const counts = new Map<string, number>();
  for (const h of holders)
    for (const s of h.slots)
      for (let m = toMinutes(s.start); m < toMinutes(s.end); m++) counts.set(`${s.day}#${m}`, (counts.get(`${s.day}#${m}`) ?? 0) + 1);
  return Math.max(0, ...counts.values());
};

describe('the slot check', () => {
  const holders: PlaceHolder[] = [
    { teamId: 'a', slots: [{ day: 3, start: '19:00', end: '20:30' }] },
    { teamId: 'b', slots: [{ day: 3, start: '19:30', end: '21:00' }] },
  ];

  it('names where the venue is full, merged into windows, with how many teams are there', () => {
    expect(fullWindows({ day: 3, start: '18:30', end: '21:00' }, holders, 2)).toEqual([{ start: '19:30', end: '20:30', teams: 2 }]);
    expect(fullWindows({ day: 3, start: '18:30', end: '21:00' }, holders, 1)).toEqual([{ start: '19:00', end: '21:00', teams: 2 }]);
    expect(fullWindows({ day: 4, start: '19:00', end: '21:00' }, holders, 1)).toEqual([]);
  });

  it("does not hold a team's own places against it", () => {
    expect(fullWindows({ day: 3, start: '19:00', end: '20:30' }, holders, 2, 'a')).toEqual([]);
  });

  it('reports every problem of every slot, in order, with codes and data', () => {
    const problems = checkSlots({
      slots: [
        { day: 3, start: '20:00', end: '21:30' },
        { day: 3, start: '21:00', end: '22:00' },
        { day: 6, start: '08:00', end: '09:00' },
      ],
      venue: { capacity: 2, allowedHours: [{ start: '07:00', end: '21:00' }], seasonalRules: [] },
      holders,
    });
    expect(problems[0]).toEqual([
      { code: 'overlaps-own-slot', otherSlot: 1 },
      { code: 'outside-allowed-hours', season: null, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], allowedHours: [{ start: '07:00', end: '21:00' }] },
      { code: 'venue-full', start: '20:00', end: '20:30', capacity: 2, teams: 2 },
    ]);
    expect(problems[1]!.map((p) => p.code)).toEqual(['overlaps-own-slot', 'outside-allowed-hours']);
    expect(problems[2]).toEqual([]);
    expect(hasProblems(problems)).toBe(true);
    expect(problems.flat().map(slotProblemText)).toEqual([
      '与本队第 2 个时段重叠',
      '超出场地允许的时间（全年只允许 07:00–21:00）',
      '20:00–20:30 场地已有 2 支队伍，最多容纳 2 支',
      '与本队第 1 个时段重叠',
      '超出场地允许的时间（全年只允许 07:00–21:00）',
    ]);
  });
});

describe('a venue never holds more teams than it takes', () => {
  type Op = { kind: 'approve' | 'suspend' | 'reinstate' | 'refuse'; team: number };
  const scenario = fc.record({
    capacity: fc.integer({ min: 1, max: 3 }),
    teams: fc.array(teamSlotsArb, { minLength: 2, maxLength: 12 }),
    ops: fc.array(fc.record({ kind: fc.constantFrom('approve', 'approve', 'suspend', 'reinstate', 'refuse'), team: fc.nat() }), { maxLength: 40 }),
  });

  it('whatever order approvals arrive in, when each is decided by the shared rule', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, teams, ops }) => {
        // holding: approved or suspended (a suspended team keeps its places)
        const holding = new Map<number, PlaceHolder>();
        for (const op of ops as Op[]) {
          const i = op.team % teams.length;
          const me = { teamId: `t${i}`, slots: teams[i]! };
          if (op.kind === 'approve' && !holding.has(i)) {
            const problems = checkSlots({ slots: me.slots, venue: venue(capacity), holders: [...holding.values()], teamId: me.teamId });
            if (!hasProblems(problems)) holding.set(i, me);
          }
          if (op.kind === 'refuse') holding.delete(i);
          // suspend and reinstate keep the places: nothing to take, nothing to give
          expect(mostAtOnce([...holding.values()])).toBeLessThanOrEqual(capacity);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('and the quarter-hour cells the server claims decide exactly as the shared rule does', () => {
    fc.assert(
      fc.property(scenario, ({ capacity, teams, ops }) => {
        const cells = new Map<string, Set<string>>();
        const holding: PlaceHolder[] = [];
        for (const op of ops as Op[]) {
          if (op.kind !== 'approve') continue;
          const i = op.team % teams.length;
          const me = { teamId: `t${i}`, slots: teams[i]! };
          if (holding.some((h) => h.teamId === me.teamId)) continue;
          const byRule = !hasProblems(checkSlots({ slots: me.slots, venue: venue(capacity), holders: holding, teamId: me.teamId }));
          // the server: claim each cell while it has room; on a full one give all back
          const mine = slotCells(me.slots);
          const byCells = mine.every((c) => (cells.get(c)?.size ?? 0) < capacity);
          if (byCells) for (const c of mine) cells.set(c, new Set([...(cells.get(c) ?? []), me.teamId]));
          expect(byCells).toBe(byRule);
          if (byRule) holding.push(me);
        }
        for (const [key, teamIds] of cells) {
          expect(teamIds.size).toBeLessThanOrEqual(capacity);
          const { day, start } = cellsToSlots([key])[0]!;
          const counts = new Set(Array.from({ length: 15 }, (_, k) => teamsAt(holding, day, toMinutes(start) + k)));
          expect([...counts]).toEqual([teamIds.size]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('occupancy cells', () => {
  it('are the quarter hours a slot covers', () => {
    expect(slotCells([{ day: 3, start: '19:00', end: '20:00' }])).toEqual(['D3#1900', 'D3#1915', 'D3#1930', 'D3#1945']);
    expect(cellKey(7, 6 * 60 + 45)).toBe('D7#0645');
  });

  it('turn back into the slots they came from', () => {
    fc.assert(
      fc.property(teamSlotsArb, (slots) => {
        const merged = cellsToSlots(slotCells(slots));
        // the same minutes, with touching slots of a day joined
        const minutes = (ss: readonly WeeklySlot[]) => {
          const out: string[] = [];
          everyMinute((day, m) => teamsAt([{ teamId: 'x', slots: ss }], day, m) && out.push(`${day}#${m}`));
          return out;
        };
        expect(minutes(merged)).toEqual(minutes(slots));
        expect(merged).toEqual(sortSlots(merged));
      }),
    );
  });
});

describe("a venue's week grid", () => {
  it('shows at each minute exactly the teams that dance then', () => {
    fc.assert(
      fc.property(fc.array(teamSlotsArb, { maxLength: 6 }), (teams) => {
        const holders = teams.map((slots, i) => ({ teamId: `t${i}`, slots }));
        const grid = weekGrid(holders);
        expect(grid.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        const wrong: string[] = [];
        everyMinute((day, m) => {
          const segment = grid[day - 1]!.segments.find((s) => toMinutes(s.start) <= m && m < toMinutes(s.end));
          if ((segment?.teamIds.length ?? 0) !== teamsAt(holders, day, m)) wrong.push(`${day} ${fromMinutes(m)}`);
        });
        expect(wrong).toEqual([]);
      }),
    );
  });
});
