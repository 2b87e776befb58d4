/**
 * The committee's side: the review queue and its counts; approve, reject, ask for changes, suspend, reinstate,
 * each with its reason in the team's history and in the audit trail; noise complaints linked to teams; the export.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { aFeedback, Harness, isProblem } from '../support/harness';
import { aTeam, acceptAll, approvedTeam, expectStatus, join, newDraft, newVenue, someone, submittedTeam } from './teams-fixtures';

const { teams } = api;
let h: Harness;
let committee: string;
let admin: string;
let venue: { id: string; name: string; version: number };

beforeAll(async () => {
  h = await Harness.start();
  [committee, admin] = await Promise.all([h.staff(), h.staff('admin', 'Admin@2026')]);
  if ((await h.call(teams.getCurrentDanceRules, { token: committee })).status === 404)
    expectStatus(await h.call(teams.publishDanceRules, { token: committee, body: { title: '广场舞规章', text: '一、音量适中。', previousVersion: 0 } }), 201);
  venue = await newVenue(h, committee, { capacity: 3 });
});
afterAll(() => h.close());

const decide = (team: { id: string; version: number }, to: string, reason?: string, token = committee) =>
  h.call(teams.decideTeam, { token, params: { id: team.id }, body: { to, version: team.version, ...(reason ? { reason } : {}) } });
const auditOf = async (teamId: string) =>
  expectStatus(await h.call(api.identity.listAuditTrail, { token: admin, query: { limit: 50 } }), 200).items.filter(
    (e: { target?: { id: string } }) => e.target?.id === teamId,
  );

describe('the review queue', () => {
  it('lists submitted filings, the longest waiting first, with how many members accepted the rules', async () => {
    const a = await submittedTeam(h, await someone('排队队长一'), venue.id, { name: '排队一队', slots: [{ day: 1, start: '07:30', end: '08:00' }] });
    const b = await submittedTeam(h, await someone('排队队长二'), venue.id, { name: '排队二队', slots: [{ day: 1, start: '08:00', end: '08:30' }] });
    const r = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { limit: 50 } }), 200);
    const ids = r.items.map((t: { id: string }) => t.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(r.items.every((t: { status: string }) => t.status === 'submitted')).toBe(true);
    expect(r.items.find((t: { id: string }) => t.id === a.id)).toMatchObject({ name: '排队一队', memberCount: 1, rules: { accepted: 1, of: 1 }, complaintCount: 0 });
    const page1 = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { limit: 1 } }), 200);
    const page2 = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { limit: 1, cursor: page1.nextCursor } }), 200);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it('lists any status, and counts every status', async () => {
    const draft = await newDraft(h, await someone('草稿队长'), venue.id);
    const drafts = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { status: 'draft', limit: 50 } }), 200);
    expect(drafts.items.map((t: { id: string }) => t.id)).toContain(draft.id);
    const counts = expectStatus(await h.call(teams.countTeamsByStatus, { token: committee }), 200).counts;
    expect(Object.keys(counts).sort()).toEqual(['approved', 'changes_requested', 'draft', 'rejected', 'submitted', 'suspended']);
    expect(counts.draft).toBeGreaterThanOrEqual(1);
    expect(counts.submitted).toBeGreaterThanOrEqual(2);
  });

  it('is the committee’s: a resident is 403, an unknown status 400', async () => {
    expect(isProblem(await h.call(teams.listTeamQueue, { token: await someone('好奇居民') }), 403)).toBe(true);
    expect(isProblem(await h.call(teams.countTeamsByStatus, { token: await someone('好奇居民', ['steward']) }), 403)).toBe(true);
    expect(isProblem(await h.call(teams.listTeamQueue, { token: committee, query: { status: 'lost' } }), 400)).toBe(true);
  });
});

describe('decisions', () => {
  it('approve: a registration number and a year’s validity, in the history and the audit trail', async () => {
    const team = await submittedTeam(h, await someone('批准队长'), venue.id, { slots: [{ day: 2, start: '07:30', end: '08:30' }] });
    const r = await decide(team, 'approved');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'approved', version: team.version + 1, registration: { number: expect.stringMatching(/^青年-WD-\d{4}-\d{3}$/), validity: 'valid' } });
    const { approvedAt, validUntil } = r.body.registration;
    expect(Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(approvedAt)).toBeGreaterThan(360 * 86_400_000);
    expect(r.body.history.at(-1)).toMatchObject({ from: 'submitted', to: 'approved', byRole: 'committee', byName: '社区工作人员 陈静' });
    expect(await auditOf(team.id)).toEqual([expect.objectContaining({ action: 'team-decision', change: 'submitted → approved', actorName: '社区工作人员 陈静' })]);
  });

  it('approve for fewer months when the committee says so; numbers count up within the year', async () => {
    const a = await approvedTeam(h, await someone('编号队长一'), committee, venue.id, { slots: [{ day: 2, start: '09:00', end: '10:00' }] });
    const b = await submittedTeam(h, await someone('编号队长二'), venue.id, { slots: [{ day: 2, start: '10:00', end: '11:00' }] });
    const r = expectStatus(await h.call(teams.decideTeam, { token: committee, params: { id: b.id }, body: { to: 'approved', version: b.version, validMonths: 6 } }), 200);
    const n = (num: string) => Number(num.split('-').at(-1));
    expect(n(r.registration.number)).toBe(n(a.registration.number) + 1);
    expect(Date.parse(`${r.registration.validUntil}T00:00:00Z`) - Date.parse(r.registration.approvedAt)).toBeLessThan(185 * 86_400_000);
  });

  it('reject needs a reason (400, nothing written); with one, the leader reads it and the filing is final', async () => {
    const leader = await someone('驳回队长');
    const team = await submittedTeam(h, leader, venue.id, { slots: [{ day: 3, start: '07:30', end: '08:30' }] });
    const before = await h.snapshot();
    const bare = await decide(team, 'rejected');
    expect(isProblem(bare, 400)).toBe(true);
    expect(bare.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(await h.snapshot()).toEqual(before);
    expectStatus(await decide(team, 'rejected', '该场地已有固定活动，请另选场地'), 200);
    const seen = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: team.id } }), 200);
    expect(seen.status).toBe('rejected');
    expect(seen.history.at(-1)).toMatchObject({ to: 'rejected', reason: '该场地已有固定活动，请另选场地' });
    const after = await h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'approved', version: seen.version } });
    expect(isProblem(after, 409)).toBe(true);
    expect(after.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    // a refused team takes no new members
    expect(isProblem(await h.call(teams.rotateTeamInvite, { token: leader, params: { id: team.id } }), 409)).toBe(true);
  });

  it('ask for changes: the leader edits and resubmits, and it can then be approved', async () => {
    const leader = await someone('修改队长');
    const team = await submittedTeam(h, leader, venue.id, { slots: [{ day: 3, start: '09:00', end: '10:00' }] });
    const returned = expectStatus(await decide(team, 'changes_requested', '请把结束时间提前半小时'), 200);
    expect(returned.status).toBe('changes_requested');
    const edited = expectStatus(
      await h.call(teams.updateTeamDraft, { token: leader, params: { id: team.id }, body: { ...aTeam(venue.id, { slots: [{ day: 3, start: '09:00', end: '09:30' }] }), version: returned.version } }),
      200,
    );
    const resubmitted = expectStatus(await h.call(teams.submitTeam, { token: leader, params: { id: team.id }, body: { version: edited.version } }), 200);
    expect(resubmitted.history.map((e: { to: string }) => e.to)).toEqual(['draft', 'submitted', 'changes_requested', 'submitted']);
    expectStatus(await decide(resubmitted, 'approved'), 200);
  });

  it('suspend (with a reason) keeps the registration and its places; reinstate (with a reason) brings it back', async () => {
    const team = await approvedTeam(h, await someone('暂停队长'), committee, venue.id, { slots: [{ day: 4, start: '07:30', end: '08:30' }] });
    expect(isProblem(await decide(team, 'suspended'), 400)).toBe(true);
    const suspended = expectStatus(await decide(team, 'suspended', '一个月内三次噪音投诉', admin), 200);
    expect(suspended).toMatchObject({ status: 'suspended', registration: { number: team.registration.number, validity: 'suspended' } });
    expect(suspended.history.at(-1)).toMatchObject({ to: 'suspended', byRole: 'admin' });
    const timetable = expectStatus(await h.call(teams.getVenueTimetable, { token: committee, params: { id: venue.id } }), 200);
    expect(timetable.teams.find((t: { id: string }) => t.id === team.id)).toMatchObject({ status: 'suspended' });
    const reinstated = expectStatus(await decide(suspended, 'approved', '已整改，音量符合要求'), 200);
    expect(reinstated).toMatchObject({ status: 'approved', registration: { number: team.registration.number, validity: 'valid' } });
    expect((await auditOf(team.id)).map((e: { change: string }) => e.change)).toEqual(['suspended → approved', 'approved → suspended', 'submitted → approved']);
  });

  it('refuses a stale version (409) and a move the machine does not allow (409), writing nothing', async () => {
    const team = await submittedTeam(h, await someone('冲突队长'), venue.id, { slots: [{ day: 4, start: '09:00', end: '10:00' }] });
    const before = await h.snapshot();
    const stale = await h.call(teams.decideTeam, { token: committee, params: { id: team.id }, body: { to: 'approved', version: team.version - 1 } });
    expect(isProblem(stale, 409)).toBe(true);
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
    const skip = await decide(team, 'suspended', '还没批准就暂停');
    expect(isProblem(skip, 409)).toBe(true);
    expect(skip.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    expect(await h.snapshot()).toEqual(before);
  });

  it('approval waits until everyone who joined since accepted the rules in force (409 rules-not-accepted)', async () => {
    const leader = await someone('新人队长');
    const team = await submittedTeam(h, leader, venue.id, { slots: [{ day: 5, start: '07:30', end: '08:30' }] });
    const newcomer = await someone('新来的队员');
    await join(h, leader, team.id, newcomer);
    const r = await decide(team, 'approved');
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:rules-not-accepted');
    await acceptAll(h, team.id, [newcomer]);
    expectStatus(await decide(team, 'approved'), 200);
  });

  it('approval meets the venue’s hours as they are now (422 when they shrank since submission), nothing written', async () => {
    const square = await newVenue(h, committee, { capacity: 2 });
    const team = await submittedTeam(h, await someone('变更时间队长'), square.id, { slots: [{ day: 5, start: '19:00', end: '20:00' }] });
    expectStatus(
      await h.call(teams.updateVenue, {
        token: committee,
        params: { id: square.id },
        body: { name: square.name, capacity: 2, allowedHours: [{ start: '07:00', end: '19:30' }], seasonalRules: [], version: square.version },
      }),
      200,
    );
    const before = await h.snapshot();
    const r = await decide(team, 'approved');
    expect(isProblem(r, 422)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:slot-problems');
    expect(await h.snapshot()).toEqual(before);
  });

  it('answers 404 for a team that does not exist, 403 to residents', async () => {
    expect(isProblem(await h.call(teams.decideTeam, { token: committee, params: { id: randomUUID() }, body: { to: 'approved', version: 1 } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.decideTeam, { token: await someone('想批准自己'), params: { id: randomUUID() }, body: { to: 'approved', version: 1 } }), 403)).toBe(true);
  });
});

describe('noise complaints', () => {
  const noise = async (title = '晚上广场舞太吵') =>
    expectStatus(await h.call(api.feedback.submitFeedback, { token: await h.resident('张桂兰'), body: aFeedback({ category: 'noise', title }) }), 201);

  it('are linked once to a team (again: the same link, one audit entry), shown on its page without who reported them', async () => {
    const leader = await someone('投诉队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { slots: [{ day: 5, start: '09:00', end: '10:00' }] });
    const f = await noise();
    const link = await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: team.id }, body: { feedbackId: f.id, note: '现场核实音量偏大' } });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ feedbackId: f.id, ref: f.ref, title: '晚上广场舞太吵', reportedAt: f.createdAt, linkedByName: '社区工作人员 陈静', note: '现场核实音量偏大' });
    const again = expectStatus(await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: team.id }, body: { feedbackId: f.id } }), 201);
    expect(again).toEqual(link.body);
    expect((await auditOf(team.id)).filter((e: { action: string }) => e.action === 'team-complaint-link')).toHaveLength(1);

    const leaderView = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: team.id } }), 200);
    expect(leaderView.complaints).toEqual([{ feedbackId: f.id, ref: f.ref, title: '晚上广场舞太吵', reportedAt: f.createdAt, linkedAt: link.body.linkedAt, linkedByName: '社区工作人员 陈静' }]);
    expect(JSON.stringify(leaderView)).not.toContain('张桂兰');
    const staffView = expectStatus(await h.call(teams.getTeam, { token: committee, params: { id: team.id } }), 200);
    expect(staffView.complaints[0].note).toBe('现场核实音量偏大');
    const queue = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { status: 'approved', limit: 50 } }), 200);
    expect(queue.items.find((t: { id: string }) => t.id === team.id).complaintCount).toBe(1);
  });

  it('are listed per team, newest complaint first, a page at a time', async () => {
    const team = await approvedTeam(h, await someone('多次投诉队长'), committee, venue.id, { slots: [{ day: 6, start: '07:30', end: '08:30' }] });
    const first = await noise('第一次投诉');
    const second = await noise('第二次投诉');
    for (const f of [first, second]) expectStatus(await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: team.id }, body: { feedbackId: f.id } }), 201);
    const page1 = expectStatus(await h.call(teams.listTeamComplaints, { token: committee, params: { id: team.id }, query: { limit: 1 } }), 200);
    expect(page1.items.map((c: { title: string }) => c.title)).toEqual(['第二次投诉']);
    const page2 = expectStatus(await h.call(teams.listTeamComplaints, { token: committee, params: { id: team.id }, query: { limit: 1, cursor: page1.nextCursor } }), 200);
    expect(page2.items.map((c: { title: string }) => c.title)).toEqual(['第一次投诉']);
    expect(isProblem(await h.call(teams.listTeamComplaints, { token: committee, params: { id: randomUUID() } }), 404)).toBe(true);
  });

  it('must be noise complaints of the community (422 otherwise; 404 for unknown ones), nothing written', async () => {
    const team = await approvedTeam(h, await someone('非噪音队长'), committee, venue.id, { slots: [{ day: 6, start: '09:00', end: '10:00' }] });
    const lamp = expectStatus(await h.call(api.feedback.submitFeedback, { token: await h.resident('王建国'), body: aFeedback() }), 201);
    const before = await h.snapshot();
    const wrong = await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: team.id }, body: { feedbackId: lamp.id } });
    expect(isProblem(wrong, 422)).toBe(true);
    expect(wrong.body.type).toBe('urn:gongzhi:problem:not-noise');
    expect(isProblem(await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: team.id }, body: { feedbackId: randomUUID() } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.linkNoiseComplaint, { token: committee, params: { id: randomUUID() }, body: { feedbackId: lamp.id } }), 404)).toBe(true);
    expect(isProblem(await h.call(teams.linkNoiseComplaint, { token: await someone('居民'), params: { id: team.id }, body: { feedbackId: lamp.id } }), 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('the export', () => {
  it('is a CSV of registered teams with members, whole phone numbers and hours; recorded in the audit trail', async () => {
    const leader = await someone('导出队长');
    const team = await approvedTeam(h, leader, committee, venue.id, { name: '导出舞蹈队', slots: [{ day: 7, start: '07:30', end: '08:30' }] });
    expectStatus(await h.call(teams.addTeamMember, { token: leader, params: { id: team.id }, body: { name: '导出队员', phone: '13600003333', consent: true } }), 201);
    await submittedTeam(h, await someone('未批准队长'), venue.id, { name: '未批准舞蹈队', slots: [{ day: 7, start: '09:00', end: '10:00' }] });
    const r = await h.call(teams.exportTeams, { token: committee });
    expect(r.status).toBe(200);
    expect(r.body.filename).toMatch(/^舞队名单_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(r.body.csv.startsWith('\uFEFF队伍名称,备案编号')).toBe(true);
    const lines = r.body.csv.split('\r\n').filter((l: string) => l.startsWith('导出舞蹈队,'));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',导出队员,13600003333,');
    expect(lines[2]).toContain('（全队合计）');
    expect(r.body.csv).not.toContain('未批准舞蹈队');
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: admin, query: { limit: 50 } }), 200);
    expect(audit.items[0]).toMatchObject({ action: 'teams-export', actorName: '社区工作人员 陈静' });
  });

  it('is for staff only', async () => {
    expect(isProblem(await h.call(teams.exportTeams, { token: await someone('居民') }), 403)).toBe(true);
    expect(isProblem(await h.call(teams.exportTeams), 401)).toBe(true);
  });
});
