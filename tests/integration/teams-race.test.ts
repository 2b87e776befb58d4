/**
 * Venue occupancy under contention: approvals racing for the last places, two staff approving one team, an
 * approval that fails half-way, and one that died with its places taken. Checked on the stored items (the
 * teams and the venue's occupancy cells), not only on the answers.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { slotCells } from '../../shared/teams/capacity';
import { claimPlaces } from '../../functions/src/teams/occupancy';
import { endApproval, getTeam, readCells, startApproval } from '../../functions/src/teams/store';
import { Harness, isProblem } from '../support/harness';
import { COMMUNITY, expectStatus, newVenue, someone, submittedTeam } from './teams-fixtures';

const { teams } = api;
let h: Harness;
let committee: string;

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  if ((await h.call(teams.getCurrentDanceRules, { token: committee })).status === 404)
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '广场舞规章', text: '一、音量适中。', previousVersion: 0 } }), 201);
}, 30_000);
afterAll(() => h.close());

const approve = (team: { id: string; version: number }, token = committee) =>
  h.call(teams.decideTeam, { token, params: { id: team.id }, body: { to: 'approved', version: team.version } });

/** Every team id in every cell of the venue, and each cell's count. */
const occupancy = async (venueId: string) => readCells(COMMUNITY, venueId);

describe('50 leaders racing for a venue with room for 2 in the same slot', () => {
  it('get exactly 2 approvals; the stored teams and cells say the same, and the others hold nothing', async () => {
    const venue = await newVenue(h, committee, { capacity: 2 });
    const slots = [
      { day: 2, start: '19:00', end: '20:00' },
      { day: 4, start: '19:30', end: '20:30' },
    ];
    const filed = [];
    for (let i = 0; i < 50; i++) filed.push(await submittedTeam(h, await someone(`抢位队长${i}`), venue.id, { name: `抢位舞队${i}`, slots }));

    const answers = await Promise.all(filed.map((t) => approve(t)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(48);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.type).toBe('urn:gongzhi:problem:venue-full');

    const stored = await Promise.all(filed.map((t) => getTeam(COMMUNITY, t.id)));
    const approved = stored.filter((t) => t!.status === 'approved');
    expect(approved).toHaveLength(2);
    expect(stored.filter((t) => t!.status === 'submitted')).toHaveLength(48);
    expect(stored.every((t) => t!.approving === undefined)).toBe(true);
    expect(new Set(approved.map((t) => t!.registration!.number)).size).toBe(2);

    const cells = await occupancy(venue.id);
    const winners = approved.map((t) => t!.id).sort();
    for (const cell of slotCells(slots)) expect([cell, cells.get(cell)]).toEqual([cell, winners]);
    // no cell anywhere at the venue holds a loser
    expect([...cells.values()].flat().every((id) => winners.includes(id))).toBe(true);

    // the timetable and the slot check see the two
    const timetable = expectStatus(await h.call(teams.getVenueTimetable, { token: committee, params: { id: venue.id } }), 200);
    expect(timetable.teams.map((t: { id: string }) => t.id).sort()).toEqual(winners);
    expect(timetable.days[1].segments).toEqual([{ start: '19:00', end: '20:00', teamIds: winners, count: 2, overCapacity: false }]);
  }, 120_000);
});

describe('two staff approving the same team at once', () => {
  it('one approves it; the other is told it changed or is being approved; it holds its places once', async () => {
    const venue = await newVenue(h, committee, { capacity: 1 });
    const team = await submittedTeam(h, await someone('同时审批队长'), venue.id, { slots: [{ day: 6, start: '09:00', end: '10:00' }] });
    const admin = await h.staff('admin', 'Admin@2026');
    const answers = await Promise.all([approve(team), approve(team, admin)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(['urn:gongzhi:problem:stale-version', 'urn:gongzhi:problem:approval-in-progress']).toContain(refused.body.type);
    const stored = await getTeam(COMMUNITY, team.id);
    expect(stored).toMatchObject({ status: 'approved', version: team.version + 1 });
    expect(stored!.history.filter((e) => e.to === 'approved')).toHaveLength(1);
    const cells = await occupancy(venue.id);
    expect([...cells.values()]).toEqual(slotCells(stored!.slots).map(() => [team.id]));
  });
});

describe('an approval that cannot get every place', () => {
  it('gives back the places it took before the full one, and the team stays submitted', async () => {
    const venue = await newVenue(h, committee, { capacity: 1 });
    // both filed while the venue was free; the first approval then fills 20:00–20:30 for the second
    const late = await submittedTeam(h, await someone('后到队长'), venue.id, { slots: [{ day: 3, start: '19:00', end: '20:15' }] });
    const first = await submittedTeam(h, await someone('抢先队长'), venue.id, { slots: [{ day: 3, start: '20:00', end: '20:30' }] });
    expectStatus(await approve(first), 200);
    const before = await h.snapshot();
    const r = await approve(late);
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:venue-full');
    expect(r.body.detail).toContain('周三 20:00–20:15');
    const cells = await occupancy(venue.id);
    expect([...cells.entries()].filter(([, ids]) => ids.includes(late.id))).toEqual([]);
    // it took 19:00–20:00 on the way and gave it back: the cells are as before, emptied
    expect(cells.get('D3#1900')).toEqual([]);
    // and nothing else changed: the team, its history and version are as they were (emptied cells stay as items)
    const outsideCells = (snap: Record<string, unknown[]>) => ({
      ...snap,
      teams: snap.teams!.filter((i) => !(i as { pk: { S: string } }).pk.S.endsWith('#CELLS')),
    });
    expect(outsideCells(await h.snapshot())).toEqual(outsideCells(before));
    expect((await getTeam(COMMUNITY, late.id))!.approving).toBeUndefined();
  });
});

describe('an approval that died half-way', () => {
  it('blocks nobody for long: once its mark is stale another approval takes over and finishes', async () => {
    const venue = await newVenue(h, committee, { capacity: 1 });
    const team = await submittedTeam(h, await someone('中断审批队长'), venue.id, { slots: [{ day: 7, start: '09:00', end: '10:00' }] });
    const stored = (await getTeam(COMMUNITY, team.id))!;
    // a function that marked the team and took its places two minutes ago, then died
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    expect(await startApproval(stored, { id: randomUUID(), at: twoMinutesAgo }, stored.version, new Date(Date.now() - 180_000).toISOString())).toBe(true);
    expect((await claimPlaces(COMMUNITY, venue.id, team.id, stored.slots, 1)).ok).toBe(true);
    expectStatus(await approve(team), 200);
    const cells = await occupancy(venue.id);
    expect([...cells.values()]).toEqual(slotCells(stored.slots).map(() => [team.id]));
  });

  it('while fresh, makes a second approval wait (409 approval-in-progress); refusing the team gives back what it took', async () => {
    const venue = await newVenue(h, committee, { capacity: 1 });
    const team = await submittedTeam(h, await someone('正在审批队长'), venue.id, { slots: [{ day: 7, start: '11:00', end: '12:00' }] });
    const stored = (await getTeam(COMMUNITY, team.id))!;
    expect(await startApproval(stored, { id: randomUUID(), at: new Date().toISOString() }, stored.version, new Date(Date.now() - 60_000).toISOString())).toBe(true);
    expect((await claimPlaces(COMMUNITY, venue.id, team.id, stored.slots, 1)).ok).toBe(true);
    const r = await approve(team);
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:approval-in-progress');
    // a refusal waits for the approval too…
    const refuse = () => h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'rejected', reason: '重复备案', version: team.version } });
    expect(isProblem(await refuse(), 409)).toBe(true);
    // …and once the mark is gone, refusing clears the places the approval left
    await endApproval(stored, (await getTeam(COMMUNITY, team.id))!.approving!.id);
    expectStatus(await refuse(), 200);
    expect([...(await occupancy(venue.id)).values()].flat()).toEqual([]);
  });
});
