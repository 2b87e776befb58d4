/**
 * Ballots and outcomes through the API: who may vote when, clear refusals (before open, after close, another
 * council, twice), changes where allowed, in-person ballots on the same roll, secret ballots that store no link
 * between member and choice, hidden results, the outcome stored once at close (by the job or the first read,
 * whichever comes first), closing early, the public list of decisions, and reminders through the outbox.
 */
import { api } from '../../shared/api';
import { AUDIT_ACTIONS } from '../../shared/api/audit';
import { issueToken } from '../../functions/src/http/auth';
import { closeDueMotions } from '../../functions/src/council/jobs/close-due-motions';
import { deliverCouncilNotifications } from '../../functions/src/council/jobs/deliver-notifications';
import { remindCouncilVoters } from '../../functions/src/council/jobs/remind-voters';
import { getReminder } from '../../functions/src/council/store';
import { sentLocally } from '../../functions/src/notify/senders';
import { Harness, isProblem } from '../support/harness';
import {
  COMMUNITY,
  discussedMotion,
  expectStatus,
  inMinutes,
  motionItems,
  passTime,
  person,
  proposed,
  seat,
  seatedCouncil,
  storedMotion,
  votingMotion,
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
  c = await seatedCouncil(h, committee, 4);
  other = await seatedCouncil(h, committee, 1);
}, 60_000);
afterAll(() => h.close());

const problem = (r: { status: number; body: any; headers: Headers }, status: number, type?: string) => {
  if (!isProblem(r as never, status)) throw new Error(`expected ${status}${type ? ` ${type}` : ''}, got ${r.status}: ${JSON.stringify(r.body)}`);
  if (type) expect(r.body.type).toBe(`urn:gongzhi:problem:${type}`);
};
const vote = (token: string, id: string, choice: string) => h.call(council.castBallot, { token, params: { id }, body: { choice } });
const read = async (token: string, id: string) => expectStatus(await h.call(council.getMotion, { token, params: { id } }), 200);
const HOUR = 3600_000;

describe('who may vote, and when', () => {
  it('a member on the roll votes once; the receipt says how; the roll shows who has voted, never what', async () => {
    const m = await votingMotion(h, c);
    const r = expectStatus(await vote(c.members[1]!.token, m.id, 'yes'), 201);
    expect(r).toEqual({ motionId: m.id, voted: true, via: 'online', changed: false, seatId: c.members[1]!.seatId, name: c.members[1]!.name, choice: 'yes' });
    const seen = await read(c.members[0]!.token, m.id);
    expect(seen.roll.size).toBe(5);
    expect(seen.roll.voted).toBe(1);
    expect(seen.roll.entries.find((e: { seatId: string }) => e.seatId === c.members[1]!.seatId)).toMatchObject({ voted: true, via: 'online' });
    expect(seen.myBallot).toEqual({ onRoll: true, voted: false, canChange: false });
    expect(seen.can.vote).toBe(true);
    expect((await read(c.members[1]!.token, m.id)).myBallot).toEqual({ onRoll: true, voted: true, via: 'online', choice: 'yes', canChange: false });
  });

  it('refuses clearly: twice, before voting opens, after it closed, from another council, a resident, an option the motion lacks', async () => {
    const m = await votingMotion(h, c);
    expectStatus(await vote(c.members[0]!.token, m.id, 'no'), 201);
    problem(await vote(c.members[0]!.token, m.id, 'yes'), 409, 'already-voted');

    const later = await discussedMotion(h, c);
    const before = await vote(c.members[0]!.token, later.id, 'yes');
    problem(before, 409, 'voting-not-open');
    expect(before.body.detail).toMatch(/^投票尚未开始，将于 \d{4}-\d\d-\d\d \d\d:\d\d 开始$/);
    const unscheduled = await proposed(h, c.members[0]!.token, c.id);
    problem(await vote(c.members[0]!.token, unscheduled.id, 'yes'), 409, 'voting-not-open');

    problem(await vote(other.members[0]!.token, m.id, 'yes'), 403, 'not-a-member');
    problem(await vote(await h.resident('王建国'), m.id, 'yes'), 403, 'not-a-member');
    problem(await vote(c.members[1]!.token, m.id, 'o3'), 422, 'unknown-option');
    problem(await vote(c.members[1]!.token, m.id, 'maybe'), 400);
    problem(await h.call(council.castBallot, { params: { id: m.id }, body: { choice: 'yes' } }), 401);
    problem(await vote(c.members[1]!.token, c.id, 'yes'), 404);

    await passTime(m.id, 2 * HOUR);
    problem(await vote(c.members[1]!.token, m.id, 'yes'), 409, 'voting-closed');
  });

  it('a member seated after voting opened is not on that motion’s roll', async () => {
    const small = await seatedCouncil(h, committee, 1);
    const m = await votingMotion(h, small);
    const late = await person('新任成员');
    await seat(h, committee, small.id, late);
    problem(await vote(late.token, m.id, 'yes'), 403, 'not-on-roll');
    expect((await read(late.token, m.id)).myBallot).toEqual({ onRoll: false, voted: false, canChange: false });
  });

  it('where the chair allows it, a member changes their ballot until close: still one ballot', async () => {
    const m = await votingMotion(h, c, { allowBallotChange: true, resultsHiddenUntilClose: false });
    expectStatus(await vote(c.members[2]!.token, m.id, 'no'), 201);
    expect(expectStatus(await vote(c.members[2]!.token, m.id, 'yes'), 201).changed).toBe(true);
    const seen = await read(c.members[2]!.token, m.id);
    expect(seen.myBallot).toMatchObject({ voted: true, choice: 'yes', canChange: true });
    expect(seen.tally.options).toEqual([
      { id: 'yes', label: '同意', votes: 1 },
      { id: 'no', label: '反对', votes: 0 },
    ]);
    expect((await motionItems(h, m.id)).filter((i) => i.sk.S.startsWith('BALLOT#'))).toHaveLength(1);
  });
});

describe('in-person ballots', () => {
  it('the chair records a present member’s ballot on the same roll; nobody votes twice either way', async () => {
    const m = await votingMotion(h, c, { allowBallotChange: true });
    const onlineFirst = c.members[0]!;
    expectStatus(await vote(onlineFirst.token, m.id, 'yes'), 201);
    const twice = await h.call(council.recordInPersonBallot, { token: c.chair.token, params: { id: m.id }, body: { seatId: onlineFirst.seatId, choice: 'no' } });
    problem(twice, 409, 'already-voted');

    const present = c.members[1]!;
    const r = expectStatus(await h.call(council.recordInPersonBallot, { token: c.chair.token, params: { id: m.id }, body: { seatId: present.seatId, choice: 'no' } }), 201);
    expect(r).toMatchObject({ via: 'in-person', seatId: present.seatId, name: present.name, choice: 'no' });
    // recorded in person: final, even where online ballots may change
    problem(await vote(present.token, m.id, 'yes'), 409, 'voted-in-person');
    problem(await h.call(council.recordInPersonBallot, { token: committee, params: { id: m.id }, body: { seatId: present.seatId, choice: 'yes' } }), 409, 'already-voted');

    // only the chair or staff; only seats on the roll
    problem(await h.call(council.recordInPersonBallot, { token: c.members[2]!.token, params: { id: m.id }, body: { seatId: c.members[3]!.seatId, choice: 'yes' } }), 403, 'not-the-chair');
    problem(await h.call(council.recordInPersonBallot, { token: c.chair.token, params: { id: m.id }, body: { seatId: other.members[0]!.seatId, choice: 'yes' } }), 422, 'not-on-roll');
    expectStatus(await h.call(council.recordInPersonBallot, { token: committee, params: { id: m.id }, body: { seatId: c.members[3]!.seatId, choice: 'abstain' } }), 201);

    const seen = await read(c.chair.token, m.id);
    expect(seen.roll.entries.map((e: { name: string; voted: boolean; via?: string }) => [e.name, e.voted, e.via ?? null])).toEqual([
      [c.chair.name, false, null],
      ...[...c.members]
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
        .map((p) => [p.name, p !== c.members[2], p === onlineFirst ? 'online' : p === c.members[2] ? null : 'in-person']),
    ]);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026') }), 200);
    const entries = audit.items.filter((e: { action: string; target?: { id: string } }) => e.action === 'motion-in-person-ballot' && e.target?.id === m.id);
    expect(entries).toHaveLength(2);
    // which seat, never which choice
    expect(entries.map((e: { change: string }) => e.change).sort()).toEqual([`seat ${c.members[1]!.seatId}`, `seat ${c.members[3]!.seatId}`].sort());
    expect(AUDIT_ACTIONS).toContain('motion-in-person-ballot');
  });
});

describe('secret ballots', () => {
  it('store no link between member and choice; nobody, staff or the voter, reads a member’s choice', async () => {
    const m = await votingMotion(h, c, { secret: true, allowBallotChange: true });
    expect(expectStatus(await vote(c.members[0]!.token, m.id, 'no'), 201)).not.toHaveProperty('choice');
    expectStatus(await vote(c.members[1]!.token, m.id, 'yes'), 201);
    expectStatus(await h.call(council.recordInPersonBallot, { token: c.chair.token, params: { id: m.id }, body: { seatId: c.members[2]!.seatId, choice: 'yes' } }), 201);

    const ballots = (await motionItems(h, m.id)).filter((i) => i.sk.S.startsWith('BALLOT#'));
    expect(ballots).toHaveLength(3);
    const stored = JSON.stringify(ballots);
    for (const p of [c.chair, ...c.members]) {
      expect(stored).not.toContain(p.userId);
      expect(stored).not.toContain(p.seatId);
      expect(stored).not.toContain(p.name);
    }
    for (const b of ballots) expect(Object.keys(b).sort()).toEqual(['choice', 'pk', 'sk', 'via']);

    // who has voted shows; what never does, not even to the voter or the committee
    const mine = await read(c.members[0]!.token, m.id);
    expect(mine.myBallot).toEqual({ onRoll: true, voted: true, via: 'online', canChange: true });
    const staff = await read(committee, m.id);
    expect(staff.roll.voted).toBe(3);
    expect(JSON.stringify(staff)).not.toMatch(/"choice"/);
    expect(staff.tally).toBeUndefined();

    await passTime(m.id, 2 * HOUR);
    const decided = await read(await h.resident('王建国'), m.id);
    expect(decided.outcome.counts.options).toEqual([
      { id: 'yes', label: '同意', votes: 2 },
      { id: 'no', label: '反对', votes: 1 },
    ]);
    expect(decided.votes).toBeUndefined();
    expect(JSON.stringify(decided)).not.toMatch(/"choice"/);
  });
});

describe('results and outcome', () => {
  it('counts stay hidden until close when the chair says so; residents see nothing until decided', async () => {
    const m = await votingMotion(h, c);
    expectStatus(await vote(c.members[0]!.token, m.id, 'yes'), 201);
    expect((await read(committee, m.id)).tally).toBeUndefined();
    isProblem(await h.call(council.getMotion, { token: await h.resident('王建国'), params: { id: m.id } }), 404);
  });

  it('the first read after close counts the ballots and stores the outcome, once, with counts and the rule', async () => {
    const m = await votingMotion(h, c, { quorumPercent: 60, passRule: 'simple-majority' });
    for (const [p, choice] of [[c.members[0]!, 'yes'], [c.members[1]!, 'yes'], [c.members[2]!, 'no'], [c.chair, 'abstain']] as const)
      expectStatus(await vote(p.token, m.id, choice), 201);
    await passTime(m.id, 2 * HOUR);
    expect((await storedMotion(m.id)).outcome).toBeUndefined();

    const resident = await h.resident('张桂兰');
    const reads = await Promise.all([read(resident, m.id), read(c.members[3]!.token, m.id), read(committee, m.id)]);
    const outcome = reads[0].outcome;
    expect(reads.map((x) => x.outcome)).toEqual([outcome, outcome, outcome]);
    expect(outcome).toMatchObject({
      result: 'passed',
      resultLabel: '通过',
      tie: false,
      counts: { rollSize: 5, cast: 4, abstain: 1, notVoted: 1 },
      rule: { passRule: 'simple-majority', quorumPercent: 60, quorumRequired: 3, quorumMet: true, forOrAgainst: 3, votesNeeded: 2 },
      text: '赞成 2 票，赞成与反对共 3 票，需 2 票，通过',
      closed: 'on-schedule',
    });
    expect(outcome.decidedAt).toBe((await storedMotion(m.id)).times!.votingClosesAt);
    const stored = await storedMotion(m.id);
    expect(stored.status).toBe('decided');
    expect(stored.history.filter((e) => e.act === 'decide')).toHaveLength(1);
    // an open ballot: who voted what, once decided, for everyone
    expect(reads[0].votes.map((v: { name: string; choiceLabel: string }) => `${v.name}:${v.choiceLabel}`).sort()).toEqual(
      [`${c.members[0]!.name}:同意`, `${c.members[1]!.name}:同意`, `${c.members[2]!.name}:反对`, `${c.chair.name}:弃权`].sort(),
    );
    // every roll member's ballot key is sealed: a ballot now is refused, the count stays
    problem(await vote(c.members[3]!.token, m.id, 'yes'), 409, 'voting-closed');
    expect((await read(committee, m.id)).outcome).toEqual(outcome);
  });

  it('without quorum nothing is decided', async () => {
    const m = await votingMotion(h, c, { quorumPercent: 80 });
    expectStatus(await vote(c.members[0]!.token, m.id, 'yes'), 201);
    await passTime(m.id, 2 * HOUR);
    const { outcome } = await read(committee, m.id);
    expect(outcome).toMatchObject({ result: 'no-quorum', rule: { quorumRequired: 4, quorumMet: false } });
  });

  it('the scheduled job decides what is due, once: a second run finds nothing', async () => {
    const m = await votingMotion(h, c, { options: { kind: 'choice', labels: ['20:00', '20:30', '21:00'] }, passRule: 'majority-of-seats', quorumPercent: 50 });
    for (const [p, choice] of [[c.members[0]!, 'o2'], [c.members[1]!, 'o2'], [c.members[2]!, 'o2'], [c.members[3]!, 'o1']] as const)
      expectStatus(await vote(p.token, m.id, choice), 201);
    await passTime(m.id, 2 * HOUR);
    expect(await closeDueMotions(new Date())).toBeGreaterThanOrEqual(1);
    const stored = await storedMotion(m.id);
    expect(stored.outcome).toMatchObject({ result: 'passed', chosen: { id: 'o2', label: '20:30' }, rule: { votesNeeded: 3 } });
    expect(await closeDueMotions(new Date())).toBe(0);
    expect((await storedMotion(m.id)).outcome).toEqual(stored.outcome);
  });

  it('the chair closes early only once everyone on the roll has voted', async () => {
    const m = await votingMotion(h, c);
    const everyone = [c.chair, ...c.members];
    for (const p of everyone.slice(0, -1)) expectStatus(await vote(p.token, m.id, 'yes'), 201);
    const early = await h.call(council.closeMotionEarly, { token: c.chair.token, params: { id: m.id } });
    problem(early, 409, 'not-everyone-voted');
    expect(early.body.detail).toContain('表决名单 5 人中已有 4 人投票');
    problem(await h.call(council.closeMotionEarly, { token: c.members[0]!.token, params: { id: m.id } }), 403, 'not-the-chair');
    expect((await read(c.chair.token, m.id)).can.closeEarly).toBe(false);

    expectStatus(await vote(everyone.at(-1)!.token, m.id, 'no'), 201);
    expect((await read(c.chair.token, m.id)).can.closeEarly).toBe(true);
    const closed = expectStatus(await h.call(council.closeMotionEarly, { token: c.chair.token, params: { id: m.id } }), 200);
    expect(closed).toMatchObject({ status: 'decided', phase: 'decided', outcome: { result: 'passed', closed: 'early', counts: { cast: 5 } } });
    expect(closed.schedule.closedEarlyAt).toBeDefined();
    problem(await h.call(council.closeMotionEarly, { token: c.chair.token, params: { id: m.id } }), 409, 'act-not-allowed');
  });

  it('the first read of the decisions after close shows a motion the job has not reached yet', async () => {
    const m = await votingMotion(h, c);
    expectStatus(await vote(c.members[0]!.token, m.id, 'yes'), 201);
    await passTime(m.id, 2 * HOUR);
    expect((await storedMotion(m.id)).outcome).toBeUndefined();
    const list = expectStatus(await h.call(council.listCouncilDecisions, { token: await h.resident('李秀英'), params: { id: c.id } }), 200);
    expect(list.items.find((d: { id: string }) => d.id === m.id)).toMatchObject({ outcome: { result: 'no-quorum', counts: { cast: 1 } } });
  });

  it('residents read the council’s decisions with outcomes and counts, latest first', async () => {
    const list = expectStatus(await h.call(council.listCouncilDecisions, { token: await h.resident('王建国'), params: { id: c.id }, query: { limit: 50 } }), 200);
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    const decided = list.items.map((d: { outcome: { decidedAt: string } }) => d.outcome.decidedAt);
    expect(decided).toEqual([...decided].sort().reverse());
    expect(list.items.find((d: { secret: boolean }) => d.secret)).toBeDefined();
    for (const d of list.items) expect(d.outcome.counts.rollSize).toBe(5);
    expect(JSON.stringify(list)).not.toMatch(/"choice"|userId|seatId/);
    isProblem(await h.call(council.listCouncilDecisions, { token: await h.resident('王建国'), params: { id: COMMUNITY.padEnd(36, '0').replace(/[^0-9a-f-]/g, '0') } }), 404);
  });
});

describe('reminders', () => {
  it('go to members who have not voted, a day and an hour before close, each once, through the outbox', async () => {
    // the other suites' motions close within the hour: their reminders go first
    await remindCouncilVoters(new Date());
    await deliverCouncilNotifications(new Date());
    // a member signed in through WeChat opens their seats: their seat learns where their messages go
    const wx = await issueToken({ userId: c.members[2]!.userId, communityId: COMMUNITY, name: c.members[2]!.name, roles: ['resident'], openid: 'o-wechat-member-2' });
    expectStatus(await h.call(council.listMyCouncilSeats, { token: wx }), 200);
    const m = await votingMotion(h, c, { votingClosesAt: inMinutes(30 * 60) });
    expectStatus(await vote(c.members[0]!.token, m.id, 'yes'), 201);
    expect(await remindCouncilVoters(new Date())).toBe(0);

    await passTime(m.id, 7 * HOUR); // 23 hours left
    expect(await remindCouncilVoters(new Date())).toBe(4);
    expect(await remindCouncilVoters(new Date())).toBe(0);
    const day = await getReminder(COMMUNITY, m.id, 'day');
    expect(day!.outbox.map((x) => x.to).sort()).toEqual([c.chair, ...c.members.slice(1)].map((p) => p.userId).sort());
    expect(day!.outbox.filter((x) => x.toOpenid)).toEqual([expect.objectContaining({ to: c.members[2]!.userId, toOpenid: 'o-wechat-member-2' })]);

    const sentBefore = sentLocally.length;
    expect(await deliverCouncilNotifications(new Date())).toBeGreaterThanOrEqual(4);
    const sent = sentLocally.slice(sentBefore).filter((x) => x.kind === 'council-reminder' && x.page.endsWith(m.id));
    expect(sent).toHaveLength(4);
    expect(sent[0]!.data).toMatchObject({ thing1: '中心广场晚间音乐时段', thing3: expect.any(String) });
    expect(await deliverCouncilNotifications(new Date())).toBe(0);
    expect((await getReminder(COMMUNITY, m.id, 'day'))!.outbox).toEqual([]);

    expectStatus(await vote(c.members[1]!.token, m.id, 'no'), 201);
    await passTime(m.id, 22.5 * HOUR); // half an hour left
    expect(await remindCouncilVoters(new Date())).toBe(3);
    expect(await remindCouncilVoters(new Date())).toBe(0);
    await deliverCouncilNotifications(new Date());
    const all = sentLocally.filter((x) => x.kind === 'council-reminder' && x.page.endsWith(m.id));
    expect(all).toHaveLength(7);
    expect(new Set(all.map((x) => x.id)).size).toBe(7);
  });
});
