/**
 * Sending a submitted self-assessment back (退回): the committee or the working group's lead sends it back to the
 * branch's secretary with the reason, while the self-assessment is open; it is a draft again (its proposal and
 * problem list dropped until it is submitted again), the secretary reads why, corrects and submits. Every refusal
 * writes nothing: bad input, no token, a role that may not, another community, one that is not submitted, a stale
 * version, a period whose review has begun. The secretary is told through the assessment's outbox, written with
 * the send-back, and the notifier delivers it once.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, putBranch, putCommunity } from '../../functions/src/identity/store';
import { issueToken } from '../../functions/src/http/auth';
import { sentLocally } from '../../functions/src/notify/senders';
import { deliverScoringNotifications } from '../../functions/src/scoring/jobs/deliver-notifications';
import { sentBackMessage } from '../../functions/src/scoring/send-back-self-assessment';
import { getAssessment, getPeriod, scoringOutbox } from '../../functions/src/scoring/store';
import { Harness, isProblem } from '../support/harness';
import { expectStatus, movePeriod, openPeriod, scoreAll, signInPeople, submitSelf, type People } from './scoring-fixtures';

const { scoring } = api;

let h: Harness;
let people: People;
beforeAll(async () => {
  h = await Harness.start();
  people = await signInPeople(h);
}, 60_000);
afterAll(() => h.close());

const sendBack = (token: string | undefined, id: string, body: Record<string, unknown>) =>
  h.call(scoring.sendBackScoringSelfAssessment, { ...(token ? { token } : {}), params: { id }, body });
/** The assessment's item as the table holds it. */
const stored = async (id: string) => (await getAssessment('baogong-qingnian', id)) as any;
const auditOf = async (id: string) =>
  expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 50 } }), 200).items.filter(
    (e: any) => e.action === 'scoring-send-back' && e.target?.id === id,
  );

describe('sending a self-assessment back', () => {
  it('makes a submitted one a draft again, with the reason for the secretary, on the audit trail; resubmitted, it is fixed again', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1, { venue: [{ ruleId: 'not-open' }] });
    expect(submitted.can.sendBack).toBe(false); // the secretary cannot send their own back
    const staffView = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.committee, params: { id: p.a1 } }), 200);
    expect(staffView.can.sendBack).toBe(true);

    const r = expectStatus(await sendBack(people.committee, p.a1, { reason: '活动阵地一项缺少佐证照片，请补充后再提交', version: submitted.version }), 200);
    expect(r).toMatchObject({ status: 'draft', version: submitted.version + 1, sentBack: { byName: '社区工作人员 陈静', reason: '活动阵地一项缺少佐证照片，请补充后再提交' }, can: { sendBack: false } });
    expect(r.proposed).toBeUndefined();
    expect(r.submittedAt).toBeUndefined();

    const item = await stored(p.a1);
    expect(item).toMatchObject({ status: 'draft', sentBack: { reason: '活动阵地一项缺少佐证照片，请补充后再提交' } });
    expect(item.proposed).toBeUndefined();
    expect(item.problemKeys).toBeUndefined();
    expect(item.entries.venue).toEqual({ deductions: [{ ruleId: 'not-open', times: 1 }] }); // what was scored stays
    expect(await auditOf(p.a1)).toHaveLength(1);

    // the secretary reads why, may change it, and submits again
    const mine = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec1, params: { id: p.a1 } }), 200);
    expect(mine).toMatchObject({ status: 'draft', sentBack: { reason: '活动阵地一项缺少佐证照片，请补充后再提交' }, can: { editSelf: true, submit: true } });
    const again = expectStatus(await h.call(scoring.submitScoringSelfAssessment, { token: people.sec1, params: { id: p.a1 }, body: { version: mine.version } }), 200);
    expect(again).toMatchObject({ status: 'submitted', proposed: { total: submitted.proposed.total } });
    // the board reads it as submitted again
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items.find((i: any) => i.branch.id === '01')).toMatchObject({ status: 'submitted' });
  });

  it('lets the working group’s lead send one back; not a reviewer, the secretary, or a resident (403)', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    const before = await h.snapshot();
    for (const token of [people.r1, people.sec1, people.sec2, people.resident]) expect(isProblem(await sendBack(token, p.a1, { reason: '请修改', version: submitted.version }), 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    const r = expectStatus(await sendBack(people.lead, p.a1, { reason: '党员发展一项得分与材料不符', version: submitted.version }), 200);
    expect(r).toMatchObject({ status: 'draft', sentBack: { byName: '宋金花' } });
  });

  it('refuses bad input (400) and no token (401), writing nothing', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    const before = await h.snapshot();
    const bad = await sendBack(people.committee, p.a1, { reason: '', version: 0 });
    expect(isProblem(bad, 400)).toBe(true);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['reason', 'version']);
    expect(isProblem(await sendBack(people.committee, p.a1, { reason: '长'.repeat(301), version: submitted.version }), 400)).toBe(true);
    expect(isProblem(await sendBack(people.committee, 'not-an-id', { reason: '请修改', version: submitted.version }), 400)).toBe(true);
    expect(isProblem(await sendBack(undefined, p.a1, { reason: '请修改', version: submitted.version }), 401)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses a draft (not-submitted), a stale version, an assessment that does not exist, and after the review began', async () => {
    const p = await openPeriod(h, people);
    const draft = await scoreAll(h, people.sec2, p.a2);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    const before = await h.snapshot();
    expect((await sendBack(people.committee, p.a2, { reason: '请修改', version: draft.version })).body.type).toBe('urn:gongzhi:problem:not-submitted');
    expect((await sendBack(people.committee, p.a1, { reason: '请修改', version: submitted.version - 1 })).body.type).toBe('urn:gongzhi:problem:stale-version');
    expect(isProblem(await sendBack(people.committee, randomUUID(), { reason: '请修改', version: 1 }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);

    await movePeriod(h, people.committee, p, 'review');
    const inReview = await h.snapshot();
    expect((await sendBack(people.committee, p.a1, { reason: '请修改', version: submitted.version })).body.type).toBe('urn:gongzhi:problem:self-assessment-closed');
    expect((await sendBack(people.lead, p.a1, { reason: '请修改', version: submitted.version })).body.type).toBe('urn:gongzhi:problem:self-assessment-closed');
    expect(await h.snapshot()).toEqual(inReview);
    expect(await auditOf(p.a1)).toEqual([]);
  });

  it('keeps communities apart: another community’s committee finds nothing (404) and changes nothing', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    await putCommunity({ id: 'other-send-back', name: '别的社区', subdistrict: '某街道', district: '某区' });
    await putBranch('other-send-back', { id: '01', name: '别的党支部' });
    await createUserWithLogin(
      { id: randomUUID(), communityId: 'other-send-back', name: '外社区工作人员', roles: ['committee'], createdAt: new Date().toISOString() },
      { kind: 'staff', name: 'send-back-outsider', passwordHash: await hashPassword('Outsider@2026') },
    );
    const outsider = expectStatus(await h.call(api.identity.staffLogin, { body: { username: 'send-back-outsider', password: 'Outsider@2026', communityId: 'other-send-back' } }), 200).token;
    const before = await h.snapshot();
    expect(isProblem(await sendBack(outsider, p.a1, { reason: '请修改', version: submitted.version }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('telling the secretary', () => {
  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
  const pendingIds = async () => (await scoringOutbox.pending(100)).map((r) => r.key.pk);

  it('queues the message in the send-back’s own write, to the secretary’s WeChat, and the notifier delivers it once', async () => {
    const p = await openPeriod(h, people);
    const me = claims(people.sec1);
    expect(me.oid).toEqual(expect.any(String)); // signed in through (the local stand-in of) WeChat
    const submitted = await submitSelf(h, people.sec1, p.a1);
    expect(await stored(p.a1)).toMatchObject({ submittedById: me.sub, submittedByOpenid: me.oid });
    expectStatus(await sendBack(people.committee, p.a1, { reason: '加分项的佐证照片看不清，请补拍后重新提交一次', version: submitted.version }), 200);

    const item = await stored(p.a1);
    expect(item).toMatchObject({ status: 'draft', sentBack: { reason: '加分项的佐证照片看不清，请补拍后重新提交一次' } });
    expect(item.submittedById).toBeUndefined();
    expect(item.outbox).toEqual([
      {
        id: expect.any(String),
        kind: 'scoring-sent-back',
        to: me.sub,
        toOpenid: me.oid,
        at: item.sentBack.at,
        data: { thing1: '青年新苑第一党支部', thing2: expect.stringMatching(/自评已退回$/), thing3: '加分项的佐证照片看不清，请补拍后重新提…', time4: expect.any(String) },
        page: `packages/scoring/assessment/index?id=${p.a1}`,
      },
    ]);
    expect(await pendingIds()).toContain(`C#baogong-qingnian#ASSESSMENT#${p.a1}`);

    const before = sentLocally.length;
    expect(await deliverScoringNotifications(new Date())).toBeGreaterThanOrEqual(1);
    expect(sentLocally.slice(before).filter((m) => m.page.endsWith(p.a1))).toEqual([item.outbox[0]]);
    expect(await deliverScoringNotifications(new Date())).toBe(0);
    expect((await stored(p.a1)).outbox).toEqual([]);
    expect(await pendingIds()).not.toContain(`C#baogong-qingnian#ASSESSMENT#${p.a1}`);
    // and the secretary goes on as before: the delivery changed no version
    expect((await stored(p.a1)).version).toBe(item.version);
  });

  it('tells an account signed in without WeChat without an openid (WeChat’s sender then records it as not sent), and a second send-back again', async () => {
    const p = await openPeriod(h, people);
    const me = claims(people.sec1);
    const plain = await issueToken({ userId: me.sub, communityId: me.cid, name: me.name, roles: me.roles });
    let submitted = await submitSelf(h, plain, p.a1);
    expectStatus(await sendBack(people.lead, p.a1, { reason: '请补充说明', version: submitted.version }), 200);
    submitted = expectStatus(await h.call(scoring.submitScoringSelfAssessment, { token: plain, params: { id: p.a1 }, body: { version: (await stored(p.a1)).version } }), 200);
    expectStatus(await sendBack(people.committee, p.a1, { reason: '还需修改', version: submitted.version }), 200);
    const outbox = (await stored(p.a1)).outbox;
    expect(outbox.map((m: any) => [m.to, m.toOpenid, m.data.thing3])).toEqual([
      [me.sub, undefined, '请补充说明'],
      [me.sub, undefined, '还需修改'],
    ]);
    await deliverScoringNotifications(new Date());
    expect((await stored(p.a1)).outbox).toEqual([]);
  });

  it('tells no one while the secretary’s place is a name with an unclaimed code', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    const period = (await getPeriod('baogong-qingnian', p.id))!;
    const nameOnly = { ...period, secretaries: { ...period.secretaries, '01': { name: '新任书记', claimCode: 'ABCD2345', assignedAt: new Date().toISOString() } } };
    expect(sentBackMessage(nameOnly, await stored(p.a1), '请修改', new Date().toISOString())).toBeUndefined();
    // with the place held, the message goes to whoever holds it now, through WeChat only if they submitted it
    const other = { ...period, secretaries: { ...period.secretaries, '01': { name: '新任书记', userId: 'someone-else', assignedAt: new Date().toISOString() } } };
    expect(sentBackMessage(other, await stored(p.a1), '请修改', new Date().toISOString())).toMatchObject({ to: 'someone-else' });
    expect(sentBackMessage(other, await stored(p.a1), '请修改', new Date().toISOString())).not.toHaveProperty('toOpenid');
    expect(submitted.status).toBe('submitted');
  });

  it('queues nothing when the send-back is refused', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1);
    expect(isProblem(await sendBack(people.r1, p.a1, { reason: '请修改', version: submitted.version }), 403)).toBe(true);
    expect((await sendBack(people.committee, p.a1, { reason: '请修改', version: submitted.version - 1 })).body.type).toBe('urn:gongzhi:problem:stale-version');
    expect((await stored(p.a1)).outbox).toBeUndefined();
    expect(await pendingIds()).not.toContain(`C#baogong-qingnian#ASSESSMENT#${p.a1}`);
  });
});
