/** Venues and their quiet hours, the week timetable, and the dance rules as versioned text. */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { Harness, isProblem } from '../support/harness';
import { aVenue, approvedTeam, expectStatus, newDraft, newVenue, someone, submittedTeam } from './teams-fixtures';

const { teams } = api;
let h: Harness;
let committee: string;
let resident: string;

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  resident = await h.resident('王建国');
  if ((await h.call(teams.getCurrentDanceRules, { token: committee })).status === 404)
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '广场舞规章', text: '一、音量适中。', previousVersion: 0 } }), 201);
});
afterAll(() => h.close());

describe('venues', () => {
  it('the committee adds one; everyone signed in lists them', async () => {
    const r = await h.call(teams.createVenue, { token: committee, body: aVenue({ name: '紫云小区健身广场', capacity: 3, note: '靠近6栋，注意音量' }) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '紫云小区健身广场', capacity: 3, version: 1, note: '靠近6栋，注意音量', seasonalRules: [expect.objectContaining({ name: '冬季' })] });
    const listed = expectStatus(await h.call(teams.listVenues, { token: resident }), 200);
    expect(listed.items.map((v: { id: string }) => v.id)).toContain(r.body.id);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 20 } }), 200);
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'venue-update', target: { kind: 'venue', id: r.body.id } }));
  });

  it('refuses hours that overlap or end before they start, a capacity of 0, a month in two seasons; nothing written', async () => {
    const before = await h.snapshot();
    const r = await h.call(teams.createVenue, {
      token: committee,
      body: aVenue({
        capacity: 0,
        allowedHours: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '10:00' }],
        seasonalRules: [
          { name: '夏季', months: [6, 7], allowedHours: [{ start: '06:00', end: '21:30' }] },
          { name: '盛夏', months: [7], allowedHours: [{ start: '06:00', end: '22:00' }] },
        ],
      }),
    });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['allowedHours.1.end', 'capacity', 'seasonalRules']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('is created once per Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `venue-${randomUUID()}` };
    const body = aVenue();
    const first = expectStatus(await h.call(teams.createVenue, { token: committee, body, headers }), 201);
    const again = expectStatus(await h.call(teams.createVenue, { token: committee, body, headers }), 201);
    expect(again).toEqual(first);
  });

  it('changes with the version read: a stale one is 409, nothing written', async () => {
    const v = await newVenue(h, committee);
    const r = await h.call(teams.updateVenue, { token: committee, params: { id: v.id }, body: { ...aVenue({ name: '改名广场', capacity: 4 }), version: 1 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '改名广场', capacity: 4, version: 2 });
    expect(r.body.note).toBeUndefined();
    const before = await h.snapshot();
    const stale = await h.call(teams.updateVenue, { token: committee, params: { id: v.id }, body: { ...aVenue(), version: 1 } });
    expect(isProblem(stale, 409)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    expect(isProblem(await h.call(teams.updateVenue, { token: committee, params: { id: randomUUID() }, body: { ...aVenue(), version: 1 } }), 404)).toBe(true);
  });

  it('are kept by the committee only (403 for residents, 401 without a token)', async () => {
    expect(isProblem(await h.call(teams.createVenue, { token: resident, body: aVenue() }), 403)).toBe(true);
    expect(isProblem(await h.call(teams.createVenue, { body: aVenue() }), 401)).toBe(true);
    expect(isProblem(await h.call(teams.listVenues), 401)).toBe(true);
  });

  it('a renamed venue shows its new name on the teams’ pages', async () => {
    const v = await newVenue(h, committee);
    const draft = await newDraft(h, resident, v.id);
    expectStatus(await h.call(teams.updateVenue, { token: committee, params: { id: v.id }, body: { ...aVenue({ name: '新名字广场' }), version: v.version } }), 200);
    expect(expectStatus(await h.call(teams.getTeam, { token: resident, params: { id: draft.id } }), 200).venue.name).toBe('新名字广场');
  });
});

describe('the timetable', () => {
  it('is the venue’s week: the teams holding places and who dances when, for anyone signed in', async () => {
    const v = await newVenue(h, committee, { capacity: 2 });
    const a = await approvedTeam(h, await someone('时间表队长一'), committee, v.id, { name: '甲队', slots: [{ day: 3, start: '19:00', end: '20:00' }] });
    const b = await approvedTeam(h, await someone('时间表队长二'), committee, v.id, { name: '乙队', slots: [{ day: 3, start: '19:30', end: '20:30' }, { day: 6, start: '08:00', end: '09:00' }] });
    await submittedTeam(h, await someone('待批队长'), v.id, { name: '丙队', slots: [{ day: 3, start: '07:30', end: '08:30' }] });
    const r = expectStatus(await h.call(teams.getVenueTimetable, { token: resident, params: { id: v.id } }), 200);
    expect(r.venue).toMatchObject({ id: v.id, capacity: 2 });
    expect(r.teams.map((t: { name: string }) => t.name)).toEqual(['甲队', '乙队']);
    expect(r.teams[0]).toEqual({ id: a.id, name: '甲队', status: 'approved', registrationNumber: a.registration.number, slots: [{ day: 3, start: '19:00', end: '20:00' }] });
    expect(r.days[2].segments).toEqual([
      { start: '19:00', end: '19:30', teamIds: [a.id], count: 1, overCapacity: false },
      { start: '19:30', end: '20:00', teamIds: [a.id, b.id].sort(), count: 2, overCapacity: false },
      { start: '20:00', end: '20:30', teamIds: [b.id], count: 1, overCapacity: false },
    ]);
    expect(r.days[5].segments).toEqual([{ start: '08:00', end: '09:00', teamIds: [b.id], count: 1, overCapacity: false }]);
    // the committee lowers the capacity: the teams keep their places, the timetable shows the venue over it
    expectStatus(await h.call(teams.updateVenue, { token: committee, params: { id: v.id }, body: { ...aVenue({ name: v.name, capacity: 1 }), version: v.version } }), 200);
    const lowered = expectStatus(await h.call(teams.getVenueTimetable, { token: committee, params: { id: v.id } }), 200);
    expect(lowered.days[2].segments[1]).toMatchObject({ count: 2, overCapacity: true });
  });

  it('answers 404 for a venue that does not exist', async () => {
    expect(isProblem(await h.call(teams.getVenueTimetable, { token: resident, params: { id: randomUUID() } }), 404)).toBe(true);
  });
});

describe('the dance rules', () => {
  it('are published as versions, each based on the one read; the newest is in force', async () => {
    const current = await h.call(teams.getCurrentDanceRules, { token: resident });
    const previous = current.status === 200 ? current.body.version : 0;
    const stale = await h.call(teams.publishDanceRules, { token: committee, body: { title: '规章', text: '内容', previousVersion: previous + 1 } });
    expect(isProblem(stale, 409)).toBe(true);
    const r = await h.call(teams.publishDanceRules, {
      token: committee,
      body: { title: '青年社区广场舞活动规章', text: '一、活动时间：07:00–21:00。\n二、音量不超过 60 分贝。', previousVersion: previous },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ version: previous + 1, title: '青年社区广场舞活动规章', publishedByName: '社区工作人员 陈静' });
    expect(expectStatus(await h.call(teams.getCurrentDanceRules, { token: resident }), 200)).toEqual(r.body);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 20 } }), 200);
    expect(audit.items).toContainEqual(expect.objectContaining({ action: 'dance-rules-publish', target: { kind: 'dance-rules', id: String(previous + 1) } }));
  });

  it('two published at once: one becomes the next version, the other is told to read it first', async () => {
    const { version } = expectStatus(await h.call(teams.getCurrentDanceRules, { token: resident }), 200);
    const both = await Promise.all(
      ['甲稿', '乙稿'].map((text) => h.call(teams.publishDanceRules, { token: committee, body: { title: '规章', text, previousVersion: version } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(expectStatus(await h.call(teams.getCurrentDanceRules, { token: resident }), 200).version).toBe(version + 1);
  });

  it('a new version asks every member again: acceptances of the old one stop counting', async () => {
    const leader = await someone('新版规章队长');
    const v = await newVenue(h, committee);
    const team = await submittedTeam(h, leader, v.id, { slots: [{ day: 1, start: '08:00', end: '09:00' }] });
    expect(team.rules).toMatchObject({ accepted: 1, of: 1 });
    const { version } = expectStatus(await h.call(teams.getCurrentDanceRules, { token: resident }), 200);
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '修订版', text: '新增：禁止占用消防通道。', previousVersion: version } }), 201);
    const page = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: team.id } }), 200);
    expect(page.rules).toMatchObject({ currentVersion: version + 1, accepted: 0, of: 1, pendingMemberIds: [page.members[0].id] });
    expect(page.members[0]).toMatchObject({ acceptedCurrent: false, rules: { version } });
    const refused = await h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'approved', version: team.version } });
    expect(isProblem(refused, 409)).toBe(true);
    expect(refused.body.type).toBe('urn:gongzhi:problem:rules-not-accepted');
    // accepting the old text no longer counts
    expect(isProblem(await h.call(teams.acceptDanceRules, { token: leader, params: { id: team.id }, body: { rulesVersion: version } }), 409)).toBe(true);
    expectStatus(await h.call(teams.acceptDanceRules, { token: leader, params: { id: team.id }, body: { rulesVersion: version + 1 } }), 200);
    expectStatus(await h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'approved', version: team.version } }), 200);
  });

  it('are published by the committee only, and refuse an empty text (400, nothing written)', async () => {
    const before = await h.snapshot();
    expect(isProblem(await h.call(teams.publishDanceRules, { token: resident, body: { title: '规章', text: '内容', previousVersion: 0 } }), 403)).toBe(true);
    const empty = await h.call(teams.publishDanceRules, { token: committee, body: { title: '规章', text: ' \u200b ', previousVersion: 0 } });
    expect(isProblem(empty, 400)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});
