/** A leader files a team: draft, edits, the slot check, submission; who may see and touch it. */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { createUserWithLogin, putCommunity } from '../../functions/src/identity/store';
import { hashPassword } from '../../functions/src/identity/passwords';
import { Harness, isProblem } from '../support/harness';
import { aTeam, acceptAll, expectStatus, join, newDraft, newVenue, someone, submittedTeam } from './teams-fixtures';

const { teams } = api;
let h: Harness;
let committee: string;
let leader: string;
let venue: { id: string; name: string };

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  if ((await h.call(teams.getCurrentDanceRules, { token: committee })).status === 404)
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '广场舞规章', text: '一、音量适中。', previousVersion: 0 } }), 201);
  leader = await h.resident('王建国');
  venue = await newVenue(h, committee, { capacity: 1 });
});
afterAll(() => h.close());

describe('a resident files a team as a draft', () => {
  it('becomes its leader and first member; the draft is version 1 with its history opened', async () => {
    const r = await h.call(teams.createTeamDraft, { token: leader, body: aTeam(venue.id) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: '夕阳红舞蹈队',
      status: 'draft',
      version: 1,
      leaderName: '王建国',
      phone: '13912345678',
      venue: { id: venue.id, name: venue.name },
      viewer: 'leader',
      rules: { accepted: 0, of: 1 },
    });
    expect(r.body.members).toEqual([expect.objectContaining({ name: '王建国', isLeader: true, via: 'founder', acceptedCurrent: false })]);
    expect(r.body.history).toEqual([expect.objectContaining({ from: null, to: 'draft', byRole: 'leader' })]);
    expect(r.body.registration).toBeUndefined();
  });

  it('refuses an incomplete or inconsistent form with every field error, and stores nothing', async () => {
    const before = await h.snapshot();
    const r = await h.call(teams.createTeamDraft, {
      token: leader,
      body: aTeam(venue.id, {
        name: ' ',
        phone: '12345',
        slots: [{ day: 1, start: '19:00', end: '20:00' }, { day: 1, start: '19:30', end: '19:40' }],
        usesLoudspeaker: true,
        volumeCommitment: '',
      }),
    });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'phone', 'slots.1.end', 'volumeCommitment']);
    const overlap = await h.call(teams.createTeamDraft, { token: leader, body: aTeam(venue.id, { slots: [{ day: 1, start: '19:00', end: '20:00' }, { day: 1, start: '19:30', end: '20:30' }] }) });
    expect(isProblem(overlap, 400)).toBe(true);
    expect(overlap.body.errors).toEqual([expect.objectContaining({ path: 'slots.1', message: '与第 1 个时段重叠' })]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a venue that does not exist (422), storing nothing', async () => {
    const before = await h.snapshot();
    const r = await h.call(teams.createTeamDraft, { token: leader, body: aTeam(randomUUID()) });
    expect(isProblem(r, 422)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:unknown-venue');
    expect(await h.snapshot()).toEqual(before);
  });

  it('is created once when the mini-program retries with the same Idempotency-Key; other content with it is 422', async () => {
    const headers = { 'idempotency-key': `team-draft-${randomUUID()}` };
    const body = aTeam(venue.id, { name: '重试只建一次舞队' });
    const first = await h.call(teams.createTeamDraft, { token: leader, body, headers });
    const again = await h.call(teams.createTeamDraft, { token: leader, body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const mine = expectStatus(await h.call(teams.listMyTeams, { token: leader, query: { limit: 50 } }), 200);
    expect(mine.items.filter((t: { name: string }) => t.name === '重试只建一次舞队')).toHaveLength(1);
    const before = await h.snapshot();
    const other = await h.call(teams.createTeamDraft, { token: leader, body: { ...body, name: '另一支队' }, headers });
    expect(isProblem(other, 422)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('is for residents: no token is 401, the committee is 403', async () => {
    expect(isProblem(await h.call(teams.createTeamDraft, { body: aTeam(venue.id) }), 401)).toBe(true);
    expect(isProblem(await h.call(teams.createTeamDraft, { token: committee, body: aTeam(venue.id) }), 403)).toBe(true);
  });
});

describe('the leader edits the filing', () => {
  it('with the version read; a stale version is 409 and changes nothing', async () => {
    const draft = await newDraft(h, leader, venue.id);
    const r = await h.call(teams.updateTeamDraft, { token: leader, params: { id: draft.id }, body: { ...aTeam(venue.id, { name: '改名舞蹈队', expectedSize: 30 }), version: 1 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '改名舞蹈队', expectedSize: 30, version: 2 });
    const before = await h.snapshot();
    const stale = await h.call(teams.updateTeamDraft, { token: leader, params: { id: draft.id }, body: { ...aTeam(venue.id), version: 1 } });
    expect(isProblem(stale, 409)).toBe(true);
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
    expect(await h.snapshot()).toEqual(before);
  });

  it('may drop the loudspeaker and its commitment', async () => {
    const draft = await newDraft(h, leader, venue.id);
    const r = await h.call(teams.updateTeamDraft, {
      token: leader,
      params: { id: draft.id },
      body: { ...aTeam(venue.id, { usesLoudspeaker: false, volumeLimitDb: undefined, volumeCommitment: undefined }), version: 1 },
    });
    expect(r.body).toMatchObject({ usesLoudspeaker: false });
    expect(r.body.volumeCommitment).toBeUndefined();
    expect(r.body.volumeLimitDb).toBeUndefined();
  });

  it('only while a draft or sent back: a submitted filing is 409 not-editable', async () => {
    const teamLeader = await someone('编辑测试队长');
    const team = await submittedTeam(h, teamLeader, venue.id, { slots: [{ day: 6, start: '08:00', end: '09:00' }] });
    const before = await h.snapshot();
    const r = await h.call(teams.updateTeamDraft, { token: teamLeader, params: { id: team.id }, body: { ...aTeam(venue.id), version: team.version } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:not-editable');
    expect(await h.snapshot()).toEqual(before);
  });

  it('one leader cannot touch another leader’s team (404, as if it did not exist), nothing written', async () => {
    const draft = await newDraft(h, leader, venue.id);
    const other = await h.resident('李秀英');
    const before = await h.snapshot();
    for (const r of [
      await h.call(teams.getTeam, { token: other, params: { id: draft.id } }),
      await h.call(teams.updateTeamDraft, { token: other, params: { id: draft.id }, body: { ...aTeam(venue.id), version: 1 } }),
      await h.call(teams.submitTeam, { token: other, params: { id: draft.id }, body: { version: 1 } }),
      await h.call(teams.addTeamMember, { token: other, params: { id: draft.id }, body: { name: '张三', consent: true } }),
      await h.call(teams.rotateTeamInvite, { token: other, params: { id: draft.id } }),
      await h.call(teams.removeTeamMember, { token: other, params: { id: draft.id }, body: { memberId: 'x' } }),
    ])
      expect(isProblem(r, 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a member may read the team but not edit or submit it (403), nothing written', async () => {
    const teamLeader = await someone('成员测试队长');
    const draft = await newDraft(h, teamLeader, venue.id, { slots: [{ day: 7, start: '08:00', end: '09:00' }] });
    const member = await someone('普通队员');
    await join(h, teamLeader, draft.id, member);
    const seen = expectStatus(await h.call(teams.getTeam, { token: member, params: { id: draft.id } }), 200);
    expect(seen).toMatchObject({ viewer: 'member', phone: '139****5678' });
    expect(seen.invite).toBeUndefined();
    const before = await h.snapshot();
    for (const r of [
      await h.call(teams.updateTeamDraft, { token: member, params: { id: draft.id }, body: { ...aTeam(venue.id), version: draft.version } }),
      await h.call(teams.submitTeam, { token: member, params: { id: draft.id }, body: { version: draft.version } }),
      await h.call(teams.addTeamMember, { token: member, params: { id: draft.id }, body: { name: '张三', consent: true } }),
      await h.call(teams.rotateTeamInvite, { token: member, params: { id: draft.id } }),
    ])
      expect(isProblem(r, 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('the slot check', () => {
  it('answers each slot’s problems as codes and data, saving nothing', async () => {
    const square = await newVenue(h, committee, { capacity: 1 });
    await submittedTeam(h, await someone('占位队长'), square.id, { slots: [{ day: 2, start: '19:00', end: '20:00' }] }).then((t) =>
      h.call(teams.decideTeam, { token: committee, params: { id: t.id }, body: { to: 'approved', version: t.version } }),
    );
    const before = await h.snapshot();
    const r = await h.call(teams.checkTeamSlots, {
      token: leader,
      body: { venueId: square.id, slots: [{ day: 2, start: '19:30', end: '20:30' }, { day: 4, start: '20:30', end: '21:15' }, { day: 5, start: '08:00', end: '09:00' }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.problems[0]).toEqual([{ code: 'venue-full', start: '19:30', end: '20:00', capacity: 1, teams: 1 }]);
    expect(r.body.problems[1].map((p: { code: string; season: string | null }) => [p.code, p.season])).toEqual([
      ['outside-allowed-hours', '冬季'],
      ['outside-allowed-hours', null],
    ]);
    expect(r.body.problems[2]).toEqual([]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('reports a team’s own overlapping slots rather than refusing them', async () => {
    const r = await h.call(teams.checkTeamSlots, { token: leader, body: { venueId: venue.id, slots: [{ day: 1, start: '08:00', end: '09:00' }, { day: 1, start: '08:30', end: '09:30' }] } });
    expect(r.body.problems).toEqual([[{ code: 'overlaps-own-slot', otherSlot: 1 }], [{ code: 'overlaps-own-slot', otherSlot: 0 }]]);
  });

  it('answers 404 for a venue that does not exist', async () => {
    expect(isProblem(await h.call(teams.checkTeamSlots, { token: leader, body: { venueId: randomUUID(), slots: [{ day: 1, start: '08:00', end: '09:00' }] } }), 404)).toBe(true);
  });
});

describe('the leader submits', () => {
  it('only when every member accepted the rules in force (409 rules-not-accepted), nothing written', async () => {
    const draft = await newDraft(h, leader, venue.id, { slots: [{ day: 4, start: '08:00', end: '09:00' }] });
    const before = await h.snapshot();
    const r = await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: draft.version } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:rules-not-accepted');
    expect(await h.snapshot()).toEqual(before);
  });

  it('not with slots in quiet hours or where the venue is full (422, each slot named), nothing written', async () => {
    const square = await newVenue(h, committee, { capacity: 1 });
    const holder = await submittedTeam(h, await someone('先来的队长'), square.id, { slots: [{ day: 2, start: '19:00', end: '20:00' }] });
    expectStatus(await h.call(teams.decideTeam, { token: committee, params: { id: holder.id }, body: { to: 'approved', version: holder.version } }), 200);
    const draft = await newDraft(h, leader, square.id, { slots: [{ day: 5, start: '06:00', end: '07:00' }, { day: 2, start: '19:30', end: '20:30' }] });
    await acceptAll(h, draft.id, [leader]);
    const current = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: draft.id } }), 200);
    const before = await h.snapshot();
    const r = await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: current.version } });
    expect(isProblem(r, 422)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:slot-problems');
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['slots.0', 'slots.0', 'slots.1']);
    expect(r.body.errors[2].message).toBe('19:30–20:00 场地已有 1 支队伍，最多容纳 1 支');
    expect(await h.snapshot()).toEqual(before);
  });

  it('moves it to submitted, in the history; a second submission is 409', async () => {
    const draft = await newDraft(h, leader, venue.id, { slots: [{ day: 5, start: '08:00', end: '09:00' }] });
    await acceptAll(h, draft.id, [leader]);
    const r = await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: draft.version } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'submitted', version: draft.version + 1 });
    expect(r.body.history.at(-1)).toMatchObject({ from: 'draft', to: 'submitted', byRole: 'leader', byName: '王建国' });
    const again = await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: r.body.version } });
    expect(isProblem(again, 409)).toBe(true);
    expect(again.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const draft = await newDraft(h, leader, venue.id);
    const before = await h.snapshot();
    const r = await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: draft.version + 5 } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:stale-version');
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('my teams', () => {
  it('lists the teams I lead and belong to, newest first, a page at a time, with my role', async () => {
    const me = await someone('列表测试居民');
    const a = await newDraft(h, me, venue.id, { name: '第一队' });
    const b = await newDraft(h, me, venue.id, { name: '第二队' });
    const otherLeader = await someone('另一位队长');
    const c = await newDraft(h, otherLeader, venue.id, { name: '别人的队' });
    await join(h, otherLeader, c.id, me);
    const first = expectStatus(await h.call(teams.listMyTeams, { token: me, query: { limit: 2 } }), 200);
    expect(first.items.map((t: { name: string; role: string }) => [t.name, t.role])).toEqual([
      ['别人的队', 'member'],
      ['第二队', 'leader'],
    ]);
    const second = expectStatus(await h.call(teams.listMyTeams, { token: me, query: { limit: 2, cursor: first.nextCursor } }), 200);
    expect(second.items.map((t: { id: string }) => t.id)).toEqual([a.id]);
    expect(b.id).not.toBe(a.id);
  });

  it("refuses a cursor from someone else's list", async () => {
    const me = await someone('游标居民');
    await newDraft(h, me, venue.id);
    await newDraft(h, me, venue.id);
    const page = expectStatus(await h.call(teams.listMyTeams, { token: me, query: { limit: 1 } }), 200);
    expect(isProblem(await h.call(teams.listMyTeams, { token: leader, query: { cursor: page.nextCursor } }), 400)).toBe(true);
  });
});

describe('a team page', () => {
  it('shows the committee whole phone numbers, the leader theirs, members masked ones', async () => {
    const teamLeader = await someone('电话测试队长');
    const draft = await newDraft(h, teamLeader, venue.id);
    const withMember = expectStatus(
      await h.call(teams.addTeamMember, { token: teamLeader, params: { id: draft.id }, body: { name: '赵阿姨', phone: '13800001111', consent: true } }),
      201,
    );
    expect(withMember.members.find((m: { name: string }) => m.name === '赵阿姨').phone).toBe('138****1111');
    expect(withMember.phone).toBe('13912345678');
    const staff = expectStatus(await h.call(teams.getTeam, { token: committee, params: { id: draft.id } }), 200);
    expect(staff.viewer).toBe('committee');
    expect(staff.members.find((m: { name: string }) => m.name === '赵阿姨').phone).toBe('13800001111');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect(isProblem(await h.call(teams.getTeam, { token: leader, params: { id: randomUUID() } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.getTeam, { token: leader, params: { id: 'abc' } }), 400)).toBe(true);
  });
});

describe('communities are kept apart', () => {
  it("another community's committee and residents find none of this community's teams or venues", async () => {
    await putCommunity({ id: 'other-teams-community', name: '别的社区', subdistrict: '某街道', district: '某区' });
    await createUserWithLogin(
      { id: randomUUID(), communityId: 'other-teams-community', name: '外社区工作人员', roles: ['committee'], createdAt: new Date().toISOString() },
      { kind: 'staff', name: 'teams-outsider', passwordHash: await hashPassword('Outsider@2026') },
    );
    const outsider = expectStatus(
      await h.call(api.identity.staffLogin, { body: { username: 'teams-outsider', password: 'Outsider@2026', communityId: 'other-teams-community' } }),
      200,
    ).token;
    const outsideResident = await someone('外社区居民', ['resident'], 'other-teams-community');
    const team = await submittedTeam(h, await someone('本社区队长'), venue.id, { slots: [{ day: 6, start: '15:00', end: '16:00' }] });
    const before = await h.snapshot();
    expect(isProblem(await h.call(teams.getTeam, { token: outsider, params: { id: team.id } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.getTeam, { token: outsideResident, params: { id: team.id } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.decideTeam, { token: outsider, params: { id: team.id }, body: { to: 'approved', version: team.version } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.createTeamDraft, { token: outsideResident, body: aTeam(venue.id) }), 422)).toBe(true);
    expect(isProblem(await h.call(teams.getVenueTimetable, { token: outsider, params: { id: venue.id } }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    expect(expectStatus(await h.call(teams.listTeamQueue, { token: outsider, query: { limit: 50 } }), 200).items).toEqual([]);
    expect(expectStatus(await h.call(teams.listVenues, { token: outsider }), 200).items).toEqual([]);
  });
});
