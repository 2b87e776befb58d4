/**
 * The dance teams' rules as tables (issue 11): every committee move named as its decision cell by cell, with the
 * reason rule; a venue's full windows at capacity and capacity + 1, merged and apart; problems in the leader's
 * words for each kind; occupancy cells and the week grid for known slots; ranges at their edges; registration
 * numbers and validity at month and year ends; hours counted once per attendee.
 */
import { cellRange, cellsToSlots, checkSlots, fullWindows, slotProblemText, weekGrid, type PlaceHolder } from '../../../shared/teams/capacity';
import { hourTotals, roundHours } from '../../../shared/teams/activities';
import { formatRegistrationNumber, registrationPrefix, validityOf, validUntil } from '../../../shared/teams/registration';
import { isOrderedRange, rangeOverlaps, slotText, sortSlots, weeklyMinutes } from '../../../shared/teams/slots';
import {
  checkTeamDecision,
  decisionOf,
  reasonRequired,
  TEAM_STATUSES,
  type TeamDecision,
  type TeamStatus,
} from '../../../shared/teams/status';
import { fitsAllowedHours, monthsInTwoRules, quietHourBreaches } from '../../../shared/teams/venues';

describe('the committee’s decisions, cell by cell', () => {
  const DECISIONS: Partial<Record<`${TeamStatus}>${TeamStatus}`, TeamDecision>> = {
    'submitted>approved': 'approve',
    'submitted>rejected': 'reject',
    'submitted>changes_requested': 'request-changes',
    'approved>suspended': 'suspend',
    'suspended>approved': 'reinstate',
  };
  const cells = TEAM_STATUSES.flatMap((from) => TEAM_STATUSES.map((to) => [from, to, DECISIONS[`${from}>${to}`]] as const));

  it.each(cells)('%s → %s: %s', (from, to, decision) => {
    expect(decisionOf(from, to)).toBe(decision);
    if (!decision) expect(checkTeamDecision(from, to, '理由')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it.each<[TeamDecision, boolean]>([
    ['approve', false],
    ['reject', true],
    ['request-changes', true],
    ['suspend', true],
    ['reinstate', true],
  ])('%s needs a reason: %s', (decision, needed) => {
    expect(reasonRequired(decision)).toBe(needed);
  });

  it('refuses a decision that needs a reason without one (missing, empty or blank), and takes it with one', () => {
    for (const reason of [undefined, '', ' \n ']) expect(checkTeamDecision('approved', 'suspended', reason)).toEqual({ ok: false, reason: 'reason_required' });
    expect(checkTeamDecision('approved', 'suspended', '噪音投诉')).toEqual({ ok: true, decision: 'suspend' });
    expect(checkTeamDecision('suspended', 'approved', '已整改')).toEqual({ ok: true, decision: 'reinstate' });
    expect(checkTeamDecision('submitted', 'approved', '')).toEqual({ ok: true, decision: 'approve' });
  });
});

describe('where a venue is full', () => {
  const slot = { day: 3, start: '19:00', end: '21:00' };
  const holders: PlaceHolder[] = [
    { teamId: 'a', slots: [{ day: 3, start: '18:00', end: '19:30' }] },
    { teamId: 'b', slots: [{ day: 3, start: '19:00', end: '20:00' }] },
    { teamId: 'c', slots: [{ day: 3, start: '19:30', end: '20:15' }, { day: 4, start: '19:00', end: '21:00' }] },
    // touches the slot's end only: never there at the same minute
    { teamId: 'd', slots: [{ day: 3, start: '21:00', end: '22:00' }] },
  ];

  it.each<[string, number, { start: string; end: string; teams: number }[]]>([
    // 19:00–19:30 a and b; 19:30–20:00 b and c; 20:00–20:15 c: two teams from 19:00 to 20:00
    ['capacity 1: full wherever anyone is, windows joined, the most teams told', 1, [{ start: '19:00', end: '20:15', teams: 2 }]],
    ['capacity 2 (teams = capacity): full where two are', 2, [{ start: '19:00', end: '20:00', teams: 2 }]],
    ['capacity 3 (capacity + 1 over the most there): never full', 3, []],
  ])('%s', (_, capacity, windows) => {
    expect(fullWindows(slot, holders, capacity)).toEqual(windows);
  });

  it('keeps windows apart when the venue has room between them', () => {
    const apart: PlaceHolder[] = [
      { teamId: 'a', slots: [{ day: 3, start: '19:00', end: '19:30' }] },
      { teamId: 'b', slots: [{ day: 3, start: '20:00', end: '20:30' }] },
    ];
    expect(fullWindows(slot, apart, 1)).toEqual([
      { start: '19:00', end: '19:30', teams: 1 },
      { start: '20:00', end: '20:30', teams: 1 },
    ]);
  });

  it('does not count the team’s own places, only other teams’', () => {
    // without b: a until 19:30, then c until 20:15, one team at a time, one window
    expect(fullWindows(slot, holders, 1, 'b')).toEqual([{ start: '19:00', end: '20:15', teams: 1 }]);
    expect(fullWindows(slot, holders, 2, 'b')).toEqual([]);
  });

  it('numbers an overlap by the other slot, both ways', () => {
    const problems = checkSlots({
      slots: [
        { day: 1, start: '19:00', end: '20:00' },
        { day: 2, start: '19:00', end: '20:00' },
        { day: 1, start: '19:30', end: '20:30' },
      ],
      venue: { capacity: 5, allowedHours: [{ start: '06:00', end: '22:00' }], seasonalRules: [] },
      holders: [],
    });
    expect(problems).toEqual([[{ code: 'overlaps-own-slot', otherSlot: 2 }], [], [{ code: 'overlaps-own-slot', otherSlot: 0 }]]);
  });
});

describe('problems in the leader’s words', () => {
  it.each([
    [{ code: 'overlaps-own-slot' as const, otherSlot: 0 }, '与本队第 1 个时段重叠'],
    [
      { code: 'outside-allowed-hours' as const, season: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '11:00' }, { start: '14:00', end: '20:00' }] },
      '超出场地允许的时间（冬季，12、1、2月只允许 07:30–11:00、14:00–20:00）',
    ],
    [{ code: 'outside-allowed-hours' as const, season: null, months: [3, 4], allowedHours: [{ start: '07:00', end: '21:00' }] }, '超出场地允许的时间（3、4月只允许 07:00–21:00）'],
    [{ code: 'venue-full' as const, start: '19:30', end: '20:00', teams: 3, capacity: 3 }, '19:30–20:00 场地已有 3 支队伍，最多容纳 3 支'],
  ])('%j', (problem, text) => {
    expect(slotProblemText(problem)).toBe(text);
  });
});

describe('occupancy cells and the week grid', () => {
  it('read a cell key back into its quarter hour', () => {
    expect(cellRange('D3#1915')).toEqual({ day: 3, start: '19:15', end: '19:30' });
    expect(cellRange('D7#0000')).toEqual({ day: 7, start: '00:00', end: '00:15' });
  });

  it('merge neighbouring cells of one day only: a gap or another day starts a new slot', () => {
    expect(cellsToSlots(['D2#1900', 'D1#1915', 'D1#1900', 'D1#1945', 'D2#1915'])).toEqual([
      { day: 1, start: '19:00', end: '19:30' },
      { day: 1, start: '19:45', end: '20:00' },
      { day: 2, start: '19:00', end: '19:30' },
    ]);
    // the same quarter hour on the next day is not a neighbour
    expect(cellsToSlots(['D1#2345', 'D2#0000'])).toEqual([
      { day: 1, start: '23:45', end: '24:00' },
      { day: 2, start: '00:00', end: '00:15' },
    ]);
  });

  it('draw a known week: stretches with the same teams, teams in order, empty days empty', () => {
    const grid = weekGrid([
      { teamId: 'b', slots: [{ day: 2, start: '19:00', end: '20:00' }] },
      { teamId: 'a', slots: [{ day: 2, start: '19:30', end: '20:30' }, { day: 7, start: '06:00', end: '07:00' }] },
      { teamId: 'c', slots: [{ day: 2, start: '21:00', end: '21:30' }] },
    ]);
    expect(grid.filter((d) => d.segments.length)).toEqual([
      {
        day: 2,
        segments: [
          { start: '19:00', end: '19:30', teamIds: ['b'] },
          { start: '19:30', end: '20:00', teamIds: ['a', 'b'] },
          { start: '20:00', end: '20:30', teamIds: ['a'] },
          { start: '21:00', end: '21:30', teamIds: ['c'] },
        ],
      },
      { day: 7, segments: [{ start: '06:00', end: '07:00', teamIds: ['a'] }] },
    ]);
  });
});

describe('ranges and slots at their edges', () => {
  it.each([
    ['19:00', '19:15', true],
    ['19:00', '19:00', false],
    ['19:15', '19:00', false],
    ['00:00', '23:45', true],
  ])('%s–%s is ordered: %s', (start, end, ordered) => {
    expect(isOrderedRange({ start, end })).toBe(ordered);
  });

  it('fits a window exactly at both its ends, not a minute past either', () => {
    const windows = [{ start: '07:00', end: '21:00' }];
    expect(fitsAllowedHours({ start: '07:00', end: '21:00' }, windows)).toBe(true);
    expect(fitsAllowedHours({ start: '06:45', end: '08:00' }, windows)).toBe(false);
    expect(fitsAllowedHours({ start: '20:00', end: '21:15' }, windows)).toBe(false);
    expect(fitsAllowedHours({ start: '07:00', end: '08:00' }, [])).toBe(false);
  });

  it('names a venue’s own hours broken in the months no season covers', () => {
    const venue = { allowedHours: [{ start: '07:00', end: '20:00' }], seasonalRules: [{ name: '夏季', months: [7, 8], allowedHours: [{ start: '06:00', end: '21:30' }] }] };
    expect(quietHourBreaches({ start: '20:00', end: '21:00' }, venue)).toEqual([{ season: null, months: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], allowedHours: [{ start: '07:00', end: '20:00' }] }]);
  });

  it('finds months named twice across rules (a month twice in one rule is not), in order', () => {
    expect(monthsInTwoRules([{ months: [9, 9, 3] }, { months: [12, 3] }, { months: [12, 1] }])).toEqual([3, 12]);
    expect(monthsInTwoRules([{ months: [1, 2] }, { months: [3] }])).toEqual([]);
  });

  it('finds overlapping allowed hours by index', () => {
    expect(rangeOverlaps([{ start: '07:00', end: '12:00' }, { start: '12:00', end: '14:00' }, { start: '11:00', end: '13:00' }])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('sorts by day, start, then end; words a day it does not know; adds up minutes', () => {
    expect(sortSlots([{ day: 2, start: '19:00', end: '21:00' }, { day: 2, start: '19:00', end: '20:00' }]).map((s) => s.end)).toEqual(['20:00', '21:00']);
    expect(slotText({ day: 8, start: '19:00', end: '20:00' })).toBe('第8天 19:00–20:00');
    expect(slotText({ day: 7, start: '06:00', end: '07:00' })).toBe('周日 06:00–07:00');
    expect(weeklyMinutes([])).toBe(0);
  });
});

describe('registration', () => {
  it.each([
    ['青年社区', '青年'],
    // only a trailing 社区 goes
    ['社区花园社区', '社区花园'],
    ['社区之家', '社区之家'],
    // at most 8 letters, punctuation and spaces dropped
    ['滨湖 世纪·城市花园北区社区', '滨湖世纪城市花园'],
    ['ABC-12社区', 'ABC12'],
    ['社区', 'SQ'],
    ['·', 'SQ'],
  ])('%s → %s', (name, prefix) => {
    expect(registrationPrefix(name)).toBe(prefix);
  });

  it('numbers the year’s approvals with at least three digits', () => {
    expect([1, 10, 999, 1000].map((n) => formatRegistrationNumber('青年', 2027, n))).toEqual(['青年-WD-2027-001', '青年-WD-2027-010', '青年-WD-2027-999', '青年-WD-2027-1000']);
  });

  it.each([
    ['2026-11-27', 12, '2027-11-26'],
    ['2026-12-15', 1, '2027-01-14'],
    ['2026-11-30', 2, '2027-01-29'],
    ['2026-01-01', 1, '2026-01-31'],
    ['2026-01-01', 24, '2027-12-31'],
    ['2026-05-31', 1, '2026-06-29'],
    ['2028-01-31', 1, '2028-02-28'],
  ] as const)('approved %s for %i months: valid until %s', (on, months, until) => {
    expect(validUntil(on, months)).toBe(until);
  });

  it('is suspended while suspended, even past its last day', () => {
    expect(validityOf('suspended', '2027-11-26', '2028-01-01')).toBe('suspended');
    expect(validityOf('approved', '2027-11-26', '2027-11-25')).toBe('valid');
  });
});

describe('hours', () => {
  it('count an attendee named twice once', () => {
    const t = hourTotals(['a'], [{ kind: 'performance', hours: 2, attendeeIds: ['a', 'a'] }]);
    expect(t.members['a']).toEqual({ performance: 2, volunteer: 0 });
    expect(t.team).toEqual({ performance: { activities: 1, hours: 2 }, volunteer: { activities: 0, hours: 0 } });
  });

  it.each([
    [0.24, 0],
    [0.25, 0.5],
    [0.74, 0.5],
    [0.75, 1],
  ])('%s hours count as %s', (hours, counted) => {
    expect(roundHours(hours)).toBe(counted);
  });
});
