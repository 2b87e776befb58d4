/**
 * Councils, seats and motions through the API: the committee sets up a council and seats people by party; members
 * propose; the committee turns a feedback into a motion (linked both ways); the chair schedules; members discuss.
 * Each route: valid, bad input, no token, a resident who is not a member, a member of another council, another
 * community. (Voting and outcomes: council-voting.test.ts; races: council-race.test.ts.)
 */
import { api } from '../../shared/api';
import { aFeedback, Harness, isProblem } from '../support/harness';
import {
  aCouncil,
  day,
  discussedMotion,
  expectStatus,
  inMinutes,
  newCouncil,
  openNow,
  person,
  proposed,
  seat,
  seatedCouncil,
  storedMotion,
  type SeatedCouncil,
} from './council-fixtures';

const { council } = api;
let h: Harness;
let committee: string;
let c: SeatedCouncil;
let other: SeatedCouncil;

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  c = await seatedCouncil(h, committee, 3);
  other = await seatedCouncil(h, committee, 1);
}, 60_000);
afterAll(() => h.close());

const problem = (r: { status: number; body: any; headers: Headers }, status: number, type?: string) => {
  expect(isProblem(r as never, status)).toBe(true);
  if (type) expect(r.body.type).toBe(`urn:gongzhi:problem:${type}`);
};

describe('councils and seats', () => {
  it('the committee creates a council with its parties; it starts with no one seated', async () => {
    const made = await newCouncil(h, committee, { name: '七彩测试议事会' });
    expect(made).toMatchObject({ name: '七彩测试议事会', viewer: 'committee', version: 1, members: [] });
    expect(made.parties.map((p: { name: string; seated: number }) => [p.name, p.seated])).toEqual([
      ['两委', 0],
      ['红色小管家', 0],
      ['妇联', 0],
      ['舞队', 0],
      ['居民代表', 0],
    ]);
  });

  it('refuses a council without parties or with a party twice (400, every field named)', async () => {
    const before = await h.snapshot();
    const r = await h.call(council.createCouncil, { token: committee, body: aCouncil({ name: '', parties: [{ name: '妇联', seats: 1 }, { name: '妇联', seats: 2 }] }) });
    problem(r, 400, 'validation-error');
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'parties']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('a retried create with the same Idempotency-Key returns the first council', async () => {
    const headers = { 'idempotency-key': 'council-create-0001' };
    const body = aCouncil();
    const first = expectStatus(await h.call(council.createCouncil, { token: committee, body, headers }), 201);
    const again = expectStatus(await h.call(council.createCouncil, { token: committee, body, headers }), 201);
    expect(again.id).toBe(first.id);
    expect(isProblem(await h.call(council.createCouncil, { token: committee, body: aCouncil(), headers }), 422)).toBe(true);
  });

  it('shows who sits for which party: residents see today’s members, the committee every seat and unclaimed codes', async () => {
    const made = await newCouncil(h, committee);
    const chair = await person('陈主任');
    await seat(h, committee, made.id, chair, { party: '两委', role: 'chair' });
    const past = await person('退任成员');
    await seat(h, committee, made.id, past, { party: '妇联', termStart: day(-400), termEnd: day(-35) });
    const unclaimed = expectStatus(
      await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '舞队', name: '舞队代表', role: 'member', termStart: day(-1), termEnd: day(300) } }),
      201,
    );
    const code = unclaimed.members.find((m: { name: string }) => m.name === '舞队代表').claimCode;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    const resident = await h.resident('张桂兰');
    const page = expectStatus(await h.call(council.getCouncil, { token: resident, params: { id: made.id } }), 200);
    expect(page.viewer).toBe('resident');
    expect(page.members.map((m: { name: string; party: string; role: string }) => [m.name, m.party, m.role])).toEqual([
      ['陈主任', '两委', 'chair'],
      ['舞队代表', '舞队', 'member'],
    ]);
    expect(JSON.stringify(page)).not.toContain(code);
    expect(page.parties.find((p: { name: string }) => p.name === '舞队')).toEqual({ name: '舞队', seats: 2, seated: 1 });

    const staffView = expectStatus(await h.call(council.getCouncil, { token: committee, params: { id: made.id } }), 200);
    expect(staffView.members.map((m: { name: string }) => m.name)).toEqual(['陈主任', '舞队代表', '退任成员']);
    expect(staffView.members.find((m: { name: string }) => m.name === '退任成员').inTerm).toBe(false);

    // the holder claims the seat with its code, once; then it is theirs
    const holder = await person('舞队代表');
    const claimed = expectStatus(await h.call(council.claimCouncilSeat, { token: holder.token, body: { code: code.toLowerCase() } }), 200);
    expect(claimed).toMatchObject({ viewer: 'member', mySeat: { party: '舞队', role: 'member' } });
    problem(await h.call(council.claimCouncilSeat, { token: resident, body: { code } }), 404);
    const mine = expectStatus(await h.call(council.listMyCouncilSeats, { token: holder.token }), 200);
    expect(mine.items).toEqual([{ council: { id: made.id, name: made.name }, seat: expect.objectContaining({ party: '舞队', hasAccount: true }) }]);
  });

  it('refuses a seat that does not fit: a full party, a second chair, the same person twice, a stranger’s account (nothing written)', async () => {
    const made = await newCouncil(h, committee, { parties: [{ name: '两委', seats: 1 }, { name: '妇联', seats: 2 }] });
    const a = await person('甲');
    await seat(h, committee, made.id, a, { party: '两委', role: 'chair' });
    const before = await h.snapshot();
    const b = await person('乙');
    const full = await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '两委', name: '乙', role: 'member', termStart: day(0), termEnd: day(10), userId: b.userId } });
    problem(full, 409, 'seat-problems');
    expect(full.body.detail).toContain('“两委”界别只有 1 个席位');
    const secondChair = await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '妇联', name: '乙', role: 'chair', termStart: day(0), termEnd: day(10), userId: b.userId } });
    problem(secondChair, 409, 'seat-problems');
    const twice = await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '妇联', name: '甲', role: 'member', termStart: day(0), termEnd: day(10), userId: a.userId } });
    problem(twice, 409, 'seat-problems');
    const stranger = await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '妇联', name: '丙', role: 'member', termStart: day(0), termEnd: day(10), userId: 'no-such-user' } });
    problem(stranger, 422, 'unknown-person');
    const backwards = await h.call(council.seatCouncilMember, { token: committee, params: { id: made.id }, body: { party: '妇联', name: '丙', role: 'member', termStart: day(10), termEnd: day(0) } });
    problem(backwards, 400);
    expect(backwards.body.errors).toEqual([{ location: 'body', path: 'termEnd', message: '任期结束日不能早于开始日' }]);
    // the people made above are identity's items: the council's own are unchanged
    const after = await h.snapshot();
    expect(after.council).toEqual(before.council);
  });

  it('the committee changes a term or a role, and a council’s parties only where its seats still fit', async () => {
    const made = await newCouncil(h, committee, { parties: [{ name: '两委', seats: 1 }, { name: '妇联', seats: 2 }] });
    const a = await person('甲');
    const seatId = await seat(h, committee, made.id, a, { party: '妇联' });
    const ended = expectStatus(
      await h.call(council.changeCouncilSeat, { token: committee, params: { id: made.id }, body: { seatId, role: 'secretary', termStart: day(-30), termEnd: day(-1) } }),
      200,
    );
    expect(ended.members.find((m: { id: string }) => m.id === seatId)).toMatchObject({ role: 'secretary', inTerm: false });
    problem(await h.call(council.changeCouncilSeat, { token: committee, params: { id: made.id }, body: { seatId: made.id, role: 'member', termStart: day(0), termEnd: day(1) } }), 404);

    const current = expectStatus(await h.call(council.getCouncil, { token: committee, params: { id: made.id } }), 200);
    const dropParty = await h.call(council.updateCouncil, { token: committee, params: { id: made.id }, body: { name: made.name, purpose: made.purpose, parties: [{ name: '两委', seats: 1 }], version: current.version } });
    problem(dropParty, 409, 'seat-problems');
    const renamed = expectStatus(
      await h.call(council.updateCouncil, { token: committee, params: { id: made.id }, body: { name: '新名字议事会', purpose: made.purpose, parties: [{ name: '两委', seats: 1 }, { name: '妇联', seats: 3 }], version: current.version } }),
      200,
    );
    expect(renamed).toMatchObject({ name: '新名字议事会', version: current.version + 1 });
    problem(await h.call(council.updateCouncil, { token: committee, params: { id: made.id }, body: { name: 'x', purpose: 'y', parties: [{ name: '妇联', seats: 3 }], version: current.version } }), 409, 'stale-version');
  });

  it('lists the community’s councils with their parties and the caller’s seat', async () => {
    const list = expectStatus(await h.call(council.listCouncils, { token: c.members[0]!.token }), 200);
    const mine = list.items.find((x: { id: string }) => x.id === c.id);
    expect(mine).toMatchObject({ memberCount: 4, mySeat: { party: '居民代表', role: 'member' } });
    // the demo's council is there too
    expect(list.items.map((x: { name: string }) => x.name)).toContain('七彩阳光妇女小组议事会');
  });

  it('another community’s committee finds nothing, and changes nothing', async () => {
    const outsider = (await person('外社区工作人员', ['committee'], 'other-community')).token;
    const before = await h.snapshot();
    problem(await h.call(council.getCouncil, { token: outsider, params: { id: c.id } }), 404);
    problem(await h.call(council.seatCouncilMember, { token: outsider, params: { id: c.id }, body: { party: '两委', name: '某', role: 'member', termStart: day(0), termEnd: day(1) } }), 404);
    expect((await h.call(council.listCouncils, { token: outsider })).body.items).toEqual([]);
    expect((await h.snapshot()).council).toEqual(before.council);
  });
});

describe('motions', () => {
  it('a member proposes; it waits for the chair, and members see it while residents do not yet', async () => {
    const m = await proposed(h, c.members[1]!.token, c.id, { title: '楼道堆物清理' });
    expect(m).toMatchObject({ status: 'proposed', phase: 'proposed', proposedBy: { kind: 'member', name: c.members[1]!.name }, viewer: 'member' });
    expect(m.can).toEqual({ schedule: false, withdraw: true, comment: false, vote: false, recordInPerson: false, closeEarly: false });
    const asChair = expectStatus(await h.call(council.getMotion, { token: c.chair.token, params: { id: m.id } }), 200);
    expect(asChair).toMatchObject({ viewer: 'chair', can: { schedule: true, withdraw: true } });
    problem(await h.call(council.getMotion, { token: await h.resident('王建国'), params: { id: m.id } }), 404);
  });

  it('refuses a proposal from a resident who holds no seat, and from a member of another council (403 not-a-member)', async () => {
    const before = await h.snapshot();
    const body = { title: '议题', background: '背景', proposedDecision: '决定' };
    problem(await h.call(council.proposeMotion, { token: await h.resident('王建国'), params: { id: c.id }, body }), 403, 'not-a-member');
    problem(await h.call(council.proposeMotion, { token: other.members[0]!.token, params: { id: c.id }, body }), 403, 'not-a-member');
    problem(await h.call(council.proposeMotion, { token: c.members[0]!.token, params: { id: c.id }, body: { ...body, title: '\u200b' } }), 400);
    problem(await h.call(council.proposeMotion, { params: { id: c.id }, body }), 401);
    expect(await h.snapshot()).toEqual(before);
  });

  it('the committee turns a feedback into a motion, linked both ways; a feedback makes one motion at most', async () => {
    const reporter = await h.resident('李秀英');
    const fb = expectStatus(await h.call(api.feedback.submitFeedback, { token: reporter, body: aFeedback({ category: 'noise', title: '广场音乐太晚' }) }), 201);
    const m = expectStatus(
      await h.call(council.proposeMotionFromFeedback, { token: committee, params: { id: c.id }, body: { feedbackId: fb.id, proposedDecision: '晚间音乐 20:30 前结束。' } }),
      201,
    );
    expect(m).toMatchObject({ title: '广场音乐太晚', proposedBy: { kind: 'committee' }, feedback: { id: fb.id, title: '广场音乐太晚' } });
    expect(m.background).toContain('广场音乐太晚');
    // the reporter follows it from their feedback; another resident cannot ask
    const link = expectStatus(await h.call(council.getFeedbackMotion, { token: reporter, params: { id: fb.id } }), 200);
    expect(link.motion).toMatchObject({ id: m.id, phase: 'proposed', feedbackId: fb.id });
    problem(await h.call(council.getFeedbackMotion, { token: await h.resident('张桂兰'), params: { id: fb.id } }), 404);
    const again = await h.call(council.proposeMotionFromFeedback, { token: committee, params: { id: other.id }, body: { feedbackId: fb.id, proposedDecision: '再来一次' } });
    problem(again, 409, 'feedback-has-motion');
    problem(await h.call(council.proposeMotionFromFeedback, { token: committee, params: { id: c.id }, body: { feedbackId: c.id, proposedDecision: '无此反馈' } }), 422, 'unknown-feedback');
    // a feedback not made into a motion says so
    const plain = expectStatus(await h.call(api.feedback.submitFeedback, { token: reporter, body: aFeedback() }), 201);
    expect(expectStatus(await h.call(council.getFeedbackMotion, { token: reporter, params: { id: plain.id } }), 200)).toEqual({ motion: null });
  });

  it('the chair schedules: discussion, then voting, with the rules; only the chair or staff, with the version read', async () => {
    const m = await proposed(h, c.members[0]!.token, c.id);
    const body = {
      votingOpensAt: inMinutes(24 * 60),
      votingClosesAt: inMinutes(72 * 60),
      options: { kind: 'choice', labels: ['20:00 结束', '20:30 结束', '21:00 结束'] },
      quorumPercent: 60,
      passRule: 'two-thirds',
      secret: true,
      resultsHiddenUntilClose: true,
      allowBallotChange: true,
      version: m.version,
    };
    problem(await h.call(council.scheduleMotion, { token: c.members[0]!.token, params: { id: m.id }, body }), 403, 'not-the-chair');
    problem(await h.call(council.scheduleMotion, { token: other.chair.token, params: { id: m.id }, body }), 404);
    problem(await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: { ...body, version: 9 } }), 409, 'stale-version');
    const past = await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: { ...body, votingOpensAt: inMinutes(-60) } });
    problem(past, 422, 'schedule-problems');
    expect(past.body.errors).toEqual([{ location: 'body', path: 'votingOpensAt', message: '投票开始时间不能早于现在' }]);
    const order = await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: { ...body, votingClosesAt: inMinutes(60) } });
    problem(order, 400);
    expect(order.body.errors[0]).toMatchObject({ path: 'votingClosesAt' });

    const s = expectStatus(await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body }), 200);
    expect(s).toMatchObject({ status: 'scheduled', phase: 'discussion', version: m.version + 1 });
    expect(s.settings).toMatchObject({ optionKind: 'choice', quorumPercent: 60, passRule: 'two-thirds', secret: true, allowBallotChange: true });
    expect(s.settings.options.map((o: { id: string; label: string }) => `${o.id}:${o.label}`)).toEqual(['o1:20:00 结束', 'o2:20:30 结束', 'o3:21:00 结束', 'abstain:弃权']);
    expect(s.settings.passRuleText).toContain('弃权不计');
    expect(s.history.map((e: { act: string }) => e.act)).toEqual(['propose', 'schedule']);
    // rescheduled before voting opens, with the new version
    // a day later than first planned (derived from the first time, so no minute can tick over in between)
    const reopens = new Date(Date.parse(body.votingOpensAt) + 24 * 3600_000).toISOString();
    const moved = expectStatus(await h.call(council.scheduleMotion, { token: committee, params: { id: m.id }, body: { ...body, votingOpensAt: reopens, version: s.version } }), 200);
    expect(moved.schedule.votingOpensAt).toBe(reopens);
  });

  it('once voting has opened the schedule is fixed, and a motion cannot be withdrawn', async () => {
    const m = await proposed(h, c.members[0]!.token, c.id);
    const open = expectStatus(await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: openNow(m.version) }), 200);
    expect(open.phase).toBe('voting');
    // the answer already has the roll: the chair sees who may vote, and may vote at once
    expect(open.roll).toMatchObject({ size: c.members.length + 1, voted: 0 });
    expect(open.roll.entries).toHaveLength(open.roll.size);
    expect(open.myBallot).toEqual({ onRoll: true, voted: false, canChange: false });
    expect(open.can.vote).toBe(true);
    problem(await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: openNow(open.version) }), 409, 'act-not-allowed');
    problem(await h.call(council.withdrawMotion, { token: c.members[0]!.token, params: { id: m.id }, body: { version: open.version } }), 409, 'act-not-allowed');
  });

  it('who proposed it withdraws it before voting; another member may not', async () => {
    const m = await proposed(h, c.members[2]!.token, c.id);
    problem(await h.call(council.withdrawMotion, { token: c.members[0]!.token, params: { id: m.id }, body: { version: m.version } }), 403);
    const w = expectStatus(await h.call(council.withdrawMotion, { token: c.members[2]!.token, params: { id: m.id }, body: { version: m.version, reason: '已由物业解决' } }), 200);
    expect(w).toMatchObject({ status: 'withdrawn', phase: 'withdrawn' });
    expect(w.history.at(-1)).toMatchObject({ act: 'withdraw', note: '已由物业解决' });
    expect((await storedMotion(m.id)).status).toBe('withdrawn');
  });

  it('members and the committee speak during discussion only; comments are listed oldest first', async () => {
    const early = await proposed(h, c.members[0]!.token, c.id);
    problem(await h.call(council.commentOnMotion, { token: c.members[1]!.token, params: { id: early.id }, body: { text: '还没开始讨论' } }), 409, 'act-not-allowed');

    const m = await discussedMotion(h, c);
    const first = expectStatus(await h.call(council.commentOnMotion, { token: c.members[1]!.token, params: { id: m.id }, body: { text: '建议 20:30 结束。' } }), 201);
    expect(first).toMatchObject({ authorName: c.members[1]!.name, authorRole: 'member', party: '居民代表', text: '建议 20:30 结束。' });
    const headers = { 'idempotency-key': 'comment-once-0001' };
    const byChair = expectStatus(await h.call(council.commentOnMotion, { token: c.chair.token, params: { id: m.id }, body: { text: '同意，另请舞队调低音量。' }, headers }), 201);
    expect(expectStatus(await h.call(council.commentOnMotion, { token: c.chair.token, params: { id: m.id }, body: { text: '同意，另请舞队调低音量。' }, headers }), 201)).toEqual(byChair);
    expect(byChair.authorRole).toBe('chair');
    expect(expectStatus(await h.call(council.commentOnMotion, { token: committee, params: { id: m.id }, body: { text: '社区会协调物业。' } }), 201).authorRole).toBe('committee');

    problem(await h.call(council.commentOnMotion, { token: other.members[0]!.token, params: { id: m.id }, body: { text: '我也说两句' } }), 403, 'not-a-member');
    problem(await h.call(council.commentOnMotion, { token: await h.resident('王建国'), params: { id: m.id }, body: { text: '我也说两句' } }), 403, 'not-a-member');
    problem(await h.call(council.listMotionComments, { token: await h.resident('王建国'), params: { id: m.id } }), 403, 'not-a-member');

    const list = expectStatus(await h.call(council.listMotionComments, { token: c.members[0]!.token, params: { id: m.id }, query: { limit: 2 } }), 200);
    expect(list.items.map((x: { text: string }) => x.text)).toEqual(['建议 20:30 结束。', '同意，另请舞队调低音量。']);
    const rest = expectStatus(await h.call(council.listMotionComments, { token: c.members[0]!.token, params: { id: m.id }, query: { limit: 2, cursor: list.nextCursor } }), 200);
    expect(rest.items.map((x: { text: string }) => x.text)).toEqual(['社区会协调物业。']);
    expect(expectStatus(await h.call(council.getMotion, { token: c.members[0]!.token, params: { id: m.id } }), 200).commentCount).toBe(3);
  });

  it('lists a council’s motions newest first, by phase, for members and staff only', async () => {
    const voting = expectStatus(await h.call(council.listCouncilMotions, { token: c.members[1]!.token, params: { id: c.id }, query: { phase: 'voting' } }), 200);
    expect(voting.items.length).toBeGreaterThan(0);
    expect(voting.items.every((m: { phase: string; myBallot?: { voted: boolean } }) => m.phase === 'voting' && m.myBallot?.voted === false)).toBe(true);
    const all = expectStatus(await h.call(council.listCouncilMotions, { token: committee, params: { id: c.id }, query: { limit: 50 } }), 200);
    const created = all.items.map((m: { createdAt: string }) => m.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    problem(await h.call(council.listCouncilMotions, { token: await h.resident('王建国'), params: { id: c.id } }), 403, 'not-a-member');
    problem(await h.call(council.listCouncilMotions, { token: c.members[0]!.token, params: { id: c.id }, query: { phase: 'soon' } }), 400);
  });
});
