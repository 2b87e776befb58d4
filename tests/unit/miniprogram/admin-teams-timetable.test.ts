/** A venue's week as the timetable draws it (miniprogram/src/packages/admin/timetable/weekTable.ts). */
import { weekGrid } from '../../../shared/teams/capacity';
import { cellText, dayLists, weekRows, weekSummary, type WeekInput } from '../../../miniprogram/src/packages/admin/timetable/weekTable';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const teams = [
  { id: A, name: '朝阳舞蹈队', slots: [{ day: 1, start: '19:00', end: '20:30' }, { day: 3, start: '19:00', end: '20:30' }] },
  { id: B, name: '夕阳红舞蹈队', slots: [{ day: 1, start: '19:30', end: '21:00' }] },
  { id: C, name: '晨练队', slots: [{ day: 1, start: '20:00', end: '20:30' }, { day: 6, start: '07:00', end: '08:00' }] },
];

/** The server's answer for these teams at a venue holding `capacity`, built with the rule the server uses. */
const weekOf = (capacity: number): WeekInput => ({
  venue: { capacity },
  teams,
  days: weekGrid(teams.map((t) => ({ teamId: t.id, slots: t.slots }))).map((d) => ({
    day: d.day,
    segments: d.segments.map((s) => ({ ...s, count: s.teamIds.length, overCapacity: s.teamIds.length > capacity })),
  })),
});

it('cuts the week into stretches where nothing changes on any day, joining equal neighbours', () => {
  const rows = weekRows(weekOf(2));
  expect(rows.map((r) => `${r.start}–${r.end}`)).toEqual(['07:00–08:00', '19:00–19:30', '19:30–20:00', '20:00–20:30', '20:30–21:00']);
  const [morning, early, both, three, late] = rows;
  expect(morning!.cells.map((c) => c?.teamNames ?? null)).toEqual([null, null, null, null, null, ['晨练队'], null]);
  expect(early!.cells[0]).toEqual({ teamNames: ['朝阳舞蹈队'], count: 1, overCapacity: false });
  expect(early!.cells[2]).toEqual({ teamNames: ['朝阳舞蹈队'], count: 1, overCapacity: false });
  expect(both!.cells[0]!.count).toBe(2);
  expect(three!.cells[0]).toEqual({ teamNames: ['朝阳舞蹈队', '夕阳红舞蹈队', '晨练队'], count: 3, overCapacity: true });
  expect(late!.cells[0]).toEqual({ teamNames: ['夕阳红舞蹈队'], count: 1, overCapacity: false });
  // Wednesday's one team runs on through the rows Monday splits
  expect(late!.cells[2]).toBeNull();
});

it('joins rows that say the same for every day', () => {
  const one = [{ id: A, name: '朝阳舞蹈队', slots: [{ day: 1, start: '19:00', end: '20:30' }] }];
  const input: WeekInput = { venue: { capacity: 1 }, teams: one, days: [{ day: 1, segments: [{ start: '19:00', end: '20:30', teamIds: [A], count: 1, overCapacity: false }] }] };
  expect(weekRows(input).map((r) => `${r.start}–${r.end}`)).toEqual(['19:00–20:30']);
  expect(weekRows({ ...input, teams: [], days: [] })).toEqual([]);
});

it.each([
  [cellText(null, 2), '空闲'],
  [cellText({ teamNames: ['朝阳舞蹈队'], count: 1, overCapacity: false }, 2), '朝阳舞蹈队（1 支）'],
  [cellText({ teamNames: ['朝阳舞蹈队', '夕阳红舞蹈队', '晨练队'], count: 3, overCapacity: true }, 2), '朝阳舞蹈队、夕阳红舞蹈队、晨练队（3 支，超出容量 2 支）'],
])('%s', (actual, expected) => expect(actual).toBe(expected));

it('lists each day Monday to Sunday, a day with nobody empty', () => {
  const days = dayLists(weekOf(2));
  expect(days.map((d) => d.label)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
  expect(days[1]!.entries).toEqual([]);
  expect(days[5]!.entries).toEqual([{ start: '07:00', end: '08:00', text: '晨练队（1 支）', overCapacity: false }]);
  expect(days[0]!.entries.find((e) => e.overCapacity)).toEqual({ start: '20:00', end: '20:30', text: '朝阳舞蹈队、夕阳红舞蹈队、晨练队（3 支，超出容量 2 支）', overCapacity: true });
});

it.each([
  [weekSummary(weekOf(3)), '3 支舞队在这里活动，场地可同时容纳 3 支。'],
  [weekSummary(weekOf(2)), '3 支舞队在这里活动，场地可同时容纳 2 支。周一有时段超出容量（场地容量调小前已备案的队伍保留原时段）。'],
  [weekSummary({ venue: { capacity: 1 }, teams: [], days: [] }), '这个场地还没有已备案的舞队。'],
])('%s', (actual, expected) => expect(actual).toBe(expected));
