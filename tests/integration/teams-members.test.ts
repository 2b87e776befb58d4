/**
 * A team's people: the leader adds and removes members (with their consent), residents join with the invite code
 * and leave; everyone accepts the dance rules (in the app, or at a study session the leader records); activities
 * add up to each member's and the team's hours; anyone can check a registration number.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { Harness, isProblem } from '../support/harness';
import { acceptAll, approvedTeam, COMMUNITY, currentRulesVersion, expectStatus, join, newDraft, newVenue, someone } from './teams-fixtures';

const { teams } = api;
let h: Harness;
let committee: string;
let venue: { id: string; name: string };

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  if ((await h.call(teams.getCurrentDanceRules, { token: committee })).status === 404)
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '广场舞规章', text: '一、音量适中。', previousVersion: 0 } }), 201);
  venue = await newVenue(h, committee, { capacity: 5 });
});
afterAll(() => h.close());

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
type Member = { name: string; id: string; rules: unknown; hours: unknown };
const memberNamed = (team: { members: Member[] }, name: string): Member => team.members.find((m) => m.name === name)!;

describe('the leader adds members', () => {
  it('by name, with a phone number if given and the consent recorded; they join the roster unaccepted', async () => {
    const leader = await someone('添加队长');
    const draft = await newDraft(h, leader, venue.id);
    const r = await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '孙阿姨', phone: '13700002222', consent: true } });
    expect(r.status).toBe(201);
    expect(memberNamed(r.body, '孙阿姨')).toMatchObject({ via: 'leader', isLeader: false, phone: '137****2222', acceptedCurrent: false, consentRecordedAt: expect.any(String) });
    expect(r.body.rules).toMatchObject({ accepted: 0, of: 2 });
  });

  it('only with their consent (400), storing nothing', async () => {
    const leader = await someone('同意测试队长');
    const draft = await newDraft(h, leader, venue.id);
    const before = await h.snapshot();
    for (const consent of [false, undefined, 'yes']) {
      const r = await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '孙阿姨', consent } });
      expect(isProblem(r, 400)).toBe(true);
      expect(r.body.errors).toEqual([expect.objectContaining({ path: 'consent' })]);
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it('once per Idempotency-Key (a retry adds nobody twice; other content with the key is 422)', async () => {
    const leader = await someone('重试添加队长');
    const draft = await newDraft(h, leader, venue.id);
    const headers = { 'idempotency-key': `member-${randomUUID()}` };
    const body = { name: '周阿姨', consent: true };
    const first = await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body, headers });
    const again = await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body, headers });
    expect(again.body.members).toEqual(first.body.members);
    expect(again.body.members.filter((m: { name: string }) => m.name === '周阿姨')).toHaveLength(1);
    const reused = await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '吴阿姨', consent: true }, headers });
    expect(isProblem(reused, 422)).toBe(true);
  });

  it('and removes them (not themself: 409); a removed member is gone from the page and the roster', async () => {
    const leader = await someone('移除队长');
    const draft = await newDraft(h, leader, venue.id);
    const added = expectStatus(await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '钱阿姨', consent: true } }), 201);
    const r = await h.call(teams.removeTeamMember, { token: leader, params: { id: draft.id }, body: { memberId: memberNamed(added, '钱阿姨').id } });
    expect(r.status).toBe(200);
    expect(r.body.members.map((m: { name: string }) => m.name)).toEqual(['移除队长']);
    expect(r.body.rules.of).toBe(1);
    const self = await h.call(teams.removeTeamMember, { token: leader, params: { id: draft.id }, body: { memberId: memberNamed(r.body, '移除队长').id } });
    expect(isProblem(self, 409)).toBe(true);
    expect(self.body.type).toBe('urn:gongzhi:problem:leader-stays');
    expect(isProblem(await h.call(teams.removeTeamMember, { token: leader, params: { id: draft.id }, body: { memberId: 'nobody' } }), 404)).toBe(true);
  });
});

describe('residents join with the invite code', () => {
  it('the leader makes one (30 days), shows it on the page; a new one replaces it', async () => {
    const leader = await someone('邀请队长');
    const draft = await newDraft(h, leader, venue.id);
    const first = expectStatus(await h.call(teams.rotateTeamInvite, { token: leader, params: { id: draft.id } }), 201);
    expect(first.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(Date.parse(first.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: draft.id } }), 200).invite).toEqual(first);
    const second = expectStatus(await h.call(teams.rotateTeamInvite, { token: leader, params: { id: draft.id } }), 201);
    expect(second.code).not.toBe(first.code);
    const late = await h.call(teams.joinTeam, { token: await someone('拿旧码的人'), body: { code: first.code, consent: true } });
    expect(isProblem(late, 404)).toBe(true);
  });

  it('a resident joins once, typed in lower case too, with consent; the page then shows them as a member', async () => {
    const leader = await someone('加入队长');
    const draft = await newDraft(h, leader, venue.id);
    const { code } = expectStatus(await h.call(teams.rotateTeamInvite, { token: leader, params: { id: draft.id } }), 201);
    const resident = await someone('新队员');
    const r = await h.call(teams.joinTeam, { token: resident, body: { code: ` ${code.toLowerCase()} `, consent: true } });
    expect(r.status).toBe(200);
    expect(r.body.viewer).toBe('member');
    expect(memberNamed(r.body, '新队员')).toMatchObject({ via: 'invite', acceptedCurrent: false });
    const twice = await h.call(teams.joinTeam, { token: resident, body: { code, consent: true } });
    expect(isProblem(twice, 409)).toBe(true);
    expect(twice.body.type).toBe('urn:gongzhi:problem:already-member');
    const mine = expectStatus(await h.call(teams.listMyTeams, { token: resident }), 200);
    expect(mine.items.map((t: { id: string; role: string }) => [t.id, t.role])).toEqual([[draft.id, 'member']]);
  });

  it('refuses a code nobody has (404) and a join without consent (400), storing nothing', async () => {
    const before = await h.snapshot();
    expect(isProblem(await h.call(teams.joinTeam, { token: await someone('乱输的人'), body: { code: 'ABCDEFGH', consent: true } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.joinTeam, { token: await someone('乱输的人'), body: { code: 'ABCDEFGH', consent: false } }), 400)).toBe(true);
    expect(isProblem(await h.call(teams.joinTeam, { token: committee, body: { code: 'ABCDEFGH', consent: true } }), 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a member leaves (their details go with them); the leader cannot', async () => {
    const leader = await someone('离队队长');
    const draft = await newDraft(h, leader, venue.id);
    const member = await someone('要走的队员');
    await join(h, leader, draft.id, member);
    expect(expectStatus(await h.call(teams.leaveTeam, { token: member, params: { id: draft.id } }), 200)).toEqual({ left: true });
    expect(isProblem(await h.call(teams.getTeam, { token: member, params: { id: draft.id } }), 404)).toBe(true);
    const page = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: draft.id } }), 200);
    expect(page.members.map((m: { name: string }) => m.name)).toEqual(['离队队长']);
    expect(expectStatus(await h.call(teams.listMyTeams, { token: member }), 200).items).toEqual([]);
    const stays = await h.call(teams.leaveTeam, { token: leader, params: { id: draft.id } });
    expect(isProblem(stays, 409)).toBe(true);
    expect(isProblem(await h.call(teams.leaveTeam, { token: await someone('路人'), params: { id: draft.id } }), 404)).toBe(true);
  });
});

describe('the dance rules are accepted by every member', () => {
  it('in the app, for the version in force only (409 rules-outdated otherwise); accepting again changes nothing', async () => {
    const leader = await someone('规章队长');
    const draft = await newDraft(h, leader, venue.id);
    const version = await currentRulesVersion(h, leader);
    const stale = await h.call(teams.acceptDanceRules, { token: leader, params: { id: draft.id }, body: { rulesVersion: version + 1 } });
    expect(isProblem(stale, 409)).toBe(true);
    expect(stale.body.type).toBe('urn:gongzhi:problem:rules-outdated');
    const r = expectStatus(await h.call(teams.acceptDanceRules, { token: leader, params: { id: draft.id }, body: { rulesVersion: version } }), 200);
    expect(r.rules).toMatchObject({ currentVersion: version, accepted: 1, of: 1, pendingMemberIds: [] });
    expect(r.members[0]).toMatchObject({ acceptedCurrent: true, rules: { version, how: 'app' } });
    const again = expectStatus(await h.call(teams.acceptDanceRules, { token: leader, params: { id: draft.id }, body: { rulesVersion: version } }), 200);
    expect(again.rules).toEqual(r.rules);
    expect(isProblem(await h.call(teams.acceptDanceRules, { token: await someone('外人'), params: { id: draft.id }, body: { rulesVersion: version } }), 404)).toBe(true);
  });

  it('or at a study session the leader records: each attendee’s acceptance counts, the others are still asked', async () => {
    const leader = await someone('学习队长');
    const draft = await newDraft(h, leader, venue.id);
    const withTwo = expectStatus(await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '学习甲', consent: true } }), 201);
    const three = expectStatus(await h.call(teams.addTeamMember, { token: leader, params: { id: draft.id }, body: { name: '学习乙', consent: true } }), 201);
    const version = await currentRulesVersion(h, leader);
    const attendees = [memberNamed(three, '学习队长').id, memberNamed(three, '学习甲').id];
    const r = await h.call(teams.recordStudySession, {
      token: leader,
      params: { id: draft.id },
      body: { date: today(), rulesVersion: version, attendeeIds: attendees, note: '在青年新苑党群服务站集体学习' },
    });
    expect(r.status).toBe(201);
    expect(r.body.rules).toMatchObject({ accepted: 2, of: 3, pendingMemberIds: [memberNamed(three, '学习乙').id] });
    expect(memberNamed(r.body, '学习甲').rules).toMatchObject({ version, how: 'study-session' });
    expect(r.body.studySessions).toEqual([expect.objectContaining({ date: today(), rulesVersion: version, attendeeIds: attendees })]);
    expect(withTwo.members).toHaveLength(2);
  });

  it('a study session refuses strangers, future dates and old versions, storing nothing', async () => {
    const leader = await someone('学习检查队长');
    const draft = await newDraft(h, leader, venue.id);
    const version = await currentRulesVersion(h, leader);
    const me = draft.members[0].id;
    const before = await h.snapshot();
    const stranger = await h.call(teams.recordStudySession, { token: leader, params: { id: draft.id }, body: { date: today(), rulesVersion: version, attendeeIds: [me, 'someone-else'] } });
    expect(isProblem(stranger, 400)).toBe(true);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ path: 'attendeeIds.1', message: '不是本队队员' })]);
    const future = await h.call(teams.recordStudySession, { token: leader, params: { id: draft.id }, body: { date: '2099-01-01', rulesVersion: version, attendeeIds: [me] } });
    expect(isProblem(future, 400)).toBe(true);
    const old = await h.call(teams.recordStudySession, { token: leader, params: { id: draft.id }, body: { date: today(), rulesVersion: version + 1, attendeeIds: [me] } });
    expect(isProblem(old, 409)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('activities', () => {
  it('add up to each member’s and the team’s hours, newest first', async () => {
    const leader = await someone('活动队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { slots: [{ day: 2, start: '07:30', end: '08:30' }] });
    const member = await someone('活动队员');
    const joined = await join(h, leader, team.id, member);
    const [me, them] = [memberNamed(joined, '活动队长').id, memberNamed(joined, '活动队员').id];
    expectStatus(
      await h.call(teams.recordTeamActivity, {
        token: leader,
        params: { id: team.id },
        body: { kind: 'performance', title: '“民星小舞台 民生大情懷”文艺汇演', date: '2026-10-01', hours: 2, attendeeIds: [me, them] },
      }),
      201,
    );
    const r = await h.call(teams.recordTeamActivity, {
      token: committee,
      params: { id: team.id },
      body: { kind: 'volunteer', title: '慰问孤寡老人', date: '2026-10-15', hours: 1.4, attendeeIds: [them], note: '社区组织' },
    });
    expect(r.status).toBe(201);
    expect(r.body.viewer).toBe('committee');
    expect(r.body.totals).toEqual({ performance: { activities: 1, hours: 4 }, volunteer: { activities: 1, hours: 1.5 } });
    expect(memberNamed(r.body, '活动队长').hours).toEqual({ performance: 2, volunteer: 0 });
    expect(memberNamed(r.body, '活动队员').hours).toEqual({ performance: 2, volunteer: 1.5 });
    expect(r.body.activities.map((a: { title: string }) => a.title)).toEqual(['慰问孤寡老人', '“民星小舞台 民生大情懷”文艺汇演']);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 50 } }), 200);
    expect(audit.items.filter((e: { action: string; target?: { id: string } }) => e.action === 'team-activity' && e.target?.id === team.id)).toHaveLength(1);
  });

  it('are recorded once per Idempotency-Key', async () => {
    const leader = await someone('重试活动队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { slots: [{ day: 2, start: '09:00', end: '10:00' }] });
    const headers = { 'idempotency-key': `activity-${randomUUID()}` };
    const body = { kind: 'volunteer', title: '清扫楼道', date: '2026-10-20', hours: 1, attendeeIds: [team.members[0].id] };
    const first = expectStatus(await h.call(teams.recordTeamActivity, { token: leader, params: { id: team.id }, body, headers }), 201);
    const again = expectStatus(await h.call(teams.recordTeamActivity, { token: leader, params: { id: team.id }, body, headers }), 201);
    expect(again.activities).toHaveLength(1);
    expect(again).toEqual(first);
  });

  it('only for a registered team (409), by its leader or staff (a member: 403), with members only (400); nothing written', async () => {
    const leader = await someone('未备案活动队长');
    const draft = await newDraft(h, leader, venue.id);
    const body = { kind: 'volunteer', title: '清扫', date: '2026-10-20', hours: 1, attendeeIds: [draft.members[0].id] };
    const before = await h.snapshot();
    const unregistered = await h.call(teams.recordTeamActivity, { token: leader, params: { id: draft.id }, body });
    expect(isProblem(unregistered, 409)).toBe(true);
    expect(unregistered.body.type).toBe('urn:gongzhi:problem:not-registered');
    expect(await h.snapshot()).toEqual(before);

    const registeredLeader = await someone('已备案活动队长');
    const registered = await approvedTeam(h, registeredLeader, committee, venue.id, { slots: [{ day: 4, start: '07:30', end: '08:30' }] });
    const member = await someone('不能记录的队员');
    await join(h, registeredLeader, registered.id, member);
    const again = await h.snapshot();
    const asMember = await h.call(teams.recordTeamActivity, { token: member, params: { id: registered.id }, body: { ...body, attendeeIds: [registered.members[0].id] } });
    expect(isProblem(asMember, 403)).toBe(true);
    const stranger = await h.call(teams.recordTeamActivity, { token: committee, params: { id: registered.id }, body: { ...body, attendeeIds: ['not-a-member'] } });
    expect(isProblem(stranger, 400)).toBe(true);
    const outsider = await h.call(teams.recordTeamActivity, { token: await someone('路人甲'), params: { id: registered.id }, body });
    expect(isProblem(outsider, 404)).toBe(true);
    expect(await h.snapshot()).toEqual(again);
  });
});

describe('anyone checks a registration number', () => {
  it('sees the team, venue, slots, validity and member count: no names, no phone numbers', async () => {
    const leader = await someone('公示队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { name: '公示舞蹈队', slots: [{ day: 6, start: '07:30', end: '08:30' }] });
    const r = await h.call(teams.verifyRegistration, { params: { number: team.registration.number } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      number: team.registration.number,
      teamName: '公示舞蹈队',
      venueName: venue.name,
      slots: [{ day: 6, start: '07:30', end: '08:30' }],
      status: 'approved',
      validUntil: team.registration.validUntil,
      validity: 'valid',
      memberCount: 1,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/公示队长|139/);
    expect(team.registration.number).toMatch(/^青年-WD-\d{4}-\d{3}$/);
    const withCommunity = await h.call(teams.verifyRegistration, { params: { number: team.registration.number }, query: { community: COMMUNITY } });
    expect(withCommunity.body).toEqual(r.body);
  });

  it('answers 404 for a number nobody has, or one of another community, and 400 for something that is no number', async () => {
    expect(isProblem(await h.call(teams.verifyRegistration, { params: { number: '青年-WD-1999-999' } }), 404)).toBe(true);
    const team = await approvedTeam(h, await someone('外查队长'), committee, venue.id, { slots: [{ day: 6, start: '09:00', end: '10:00' }] });
    expect(isProblem(await h.call(teams.verifyRegistration, { params: { number: team.registration.number }, query: { community: 'other-place' } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.verifyRegistration, { params: { number: 'not-a-number' } }), 400)).toBe(true);
  });

  it('shows a suspended team as suspended', async () => {
    const team = await approvedTeam(h, await someone('暂停公示队长'), committee, venue.id, { slots: [{ day: 6, start: '10:00', end: '11:00' }] });
    expectStatus(await h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'suspended', reason: '多次噪音投诉', version: team.version } }), 200);
    const r = expectStatus(await h.call(teams.verifyRegistration, { params: { number: team.registration.number } }), 200);
    expect(r).toMatchObject({ status: 'suspended', validity: 'suspended' });
  });
});

describe('a member may not act as the leader', () => {
  it('reads the team, accepts the rules, but cannot add members or record activities', async () => {
    const leader = await someone('权限队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { slots: [{ day: 7, start: '07:30', end: '08:30' }] });
    const member = await someone('权限队员');
    await join(h, leader, team.id, member);
    await acceptAll(h, team.id, [member]);
    const before = await h.snapshot();
    expect(isProblem(await h.call(teams.addTeamMember, { token: member, params: { id: team.id }, body: { name: 'x', consent: true } }), 403)).toBe(true);
    expect(
      isProblem(
        await h.call(teams.recordTeamActivity, { token: member, params: { id: team.id }, body: { kind: 'volunteer', title: '清扫', date: '2026-10-20', hours: 1, attendeeIds: [team.members[0].id] } }),
        403,
      ),
    ).toBe(true);
    expect(isProblem(await h.call(teams.removeTeamMember, { token: member, params: { id: team.id }, body: { memberId: team.members[0].id } }), 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});
