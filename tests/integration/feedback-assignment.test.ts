/** The committee hands feedback to a branch and a red steward; the steward works it; staff keep notes the resident never sees. */
import { api } from '../../shared/api';
import { FEEDBACK_STATUSES } from '../../shared/feedback/status';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback, identity } = api;
let h: Harness;
let resident: string;
let committee: string;
let steward: string;
let otherSteward: string;
let stewardRef: { id: string; name: string };
let otherRef: { id: string; name: string };
let branch: { id: string; name: string };

beforeAll(async () => {
  h = await Harness.start();
  [resident, committee, steward, otherSteward] = await Promise.all([h.resident('分派居民'), h.staff(), h.resident('刘玉兰'), h.resident('陈志强')]);
  const stewards = (await h.call(identity.listStewards, { token: committee })).body.items as { id: string; name: string }[];
  stewardRef = stewards.find((s) => s.name === '刘玉兰')!;
  otherRef = stewards.find((s) => s.name === '陈志强')!;
  branch = (await h.call(identity.listBranches, { token: committee })).body.items[0];
});
afterAll(() => h.close());

const submit = async (title = '分派测试') => (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title }) })).body;
const assignTo = (id: string, body: object, token = committee) => h.call(feedback.assignFeedback, { token, params: { id }, body });
const queueOf = async (token: string) => ((await h.call(feedback.listAssignedToMe, { token, query: { limit: 50 } })).body.items as { id: string }[]).map((i) => i.id);

describe('the lists staff pick from', () => {
  it("are the community's 17 branches and 20 red stewards", async () => {
    const branches = await h.call(identity.listBranches, { token: committee });
    expect(branches.body.items).toHaveLength(17);
    expect(branches.body.items.map((b: { name: string }) => b.name)).toContain('望湖小区党支部');
    const stewards = await h.call(identity.listStewards, { token: committee });
    expect(stewards.body.items).toHaveLength(20);
  });
});

describe('assignment', () => {
  it('puts it in the steward’s queue; the steward starts and resolves it with a reply the resident reads', async () => {
    const f = await submit();
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    const assigned = await assignTo(f.id, { branch, steward: stewardRef });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignment).toMatchObject({ branch, steward: stewardRef, byName: '社区工作人员 陈静' });
    expect(await queueOf(steward)).toContain(f.id);
    expect(await queueOf(otherSteward)).not.toContain(f.id);

    const started = await h.call(feedback.progressAssignedFeedback, { token: steward, params: { id: f.id }, body: { to: 'in_progress', version: assigned.body.version } });
    expect(started.body).toMatchObject({ status: 'in_progress' });
    const noReply = await h.call(feedback.progressAssignedFeedback, { token: steward, params: { id: f.id }, body: { to: 'resolved', version: started.body.version } });
    expect(isProblem(noReply, 400)).toBe(true);
    const done = await h.call(feedback.progressAssignedFeedback, { token: steward, params: { id: f.id }, body: { to: 'resolved', note: '已联系物业换了灯泡', version: started.body.version } });
    expect(done.body.history.at(-1)).toMatchObject({ from: 'in_progress', to: 'resolved', byRole: 'steward', byName: '刘玉兰', note: '已联系物业换了灯泡' });
    const seen = await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } });
    expect(seen.body).toMatchObject({ status: 'resolved', assignment: { steward: stewardRef } });
  });

  it('another steward can neither read nor move it (404), and nothing changes', async () => {
    const f = await submit();
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    const a = await assignTo(f.id, { steward: stewardRef });
    const before = await h.snapshot();
    expect(isProblem(await h.call(feedback.getFeedback, { token: otherSteward, params: { id: f.id } }), 404)).toBe(true);
    expect(isProblem(await h.call(feedback.progressAssignedFeedback, { token: otherSteward, params: { id: f.id }, body: { to: 'in_progress', version: a.body.version } }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('the assignee may not reject or accept: only the moves open to them (409)', async () => {
    const f = await submit();
    const a = await assignTo(f.id, { steward: stewardRef });
    const r = await h.call(feedback.progressAssignedFeedback, { token: steward, params: { id: f.id }, body: { to: 'in_progress', version: a.body.version } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
  });

  it('reassigning moves it from one steward’s queue to the other’s', async () => {
    const f = await submit();
    await assignTo(f.id, { steward: stewardRef });
    await assignTo(f.id, { steward: otherRef, branch });
    expect(await queueOf(steward)).not.toContain(f.id);
    expect(await queueOf(otherSteward)).toContain(f.id);
  });

  it('is refused for finished feedback (409) and for none (404) or nobody (400), changing nothing', async () => {
    const f = await submit();
    await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 1 } });
    const before = await h.snapshot();
    const final = await assignTo(f.id, { branch });
    expect(isProblem(final, 409)).toBe(true);
    expect(final.body.type).toBe('urn:gongzhi:problem:already-final');
    expect(isProblem(await assignTo('00000000-0000-4000-8000-000000000000', { branch }), 404)).toBe(true);
    const nobody = await assignTo(f.id, {});
    expect(isProblem(nobody, 400)).toBe(true);
    expect(nobody.body.errors).toEqual([expect.objectContaining({ path: 'branch' })]);
    expect(await h.snapshot()).toEqual(before);
  });

  it('in bulk: each assigned or refused on its own; at most 50 at once', async () => {
    const [a, b, done] = [await submit('批量一'), await submit('批量二'), await submit('批量三')];
    await h.call(feedback.withdrawFeedback, { token: resident, params: { id: done.id }, body: { version: 1 } });
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const r = await h.call(feedback.assignFeedbackInBulk, { token: committee, body: { ids: [a.id, b.id, done.id, missing, a.id], branch } });
    expect(r.status).toBe(200);
    expect(r.body.assigned.sort()).toEqual([a.id, b.id].sort());
    expect(r.body.refused).toEqual(
      expect.arrayContaining([
        { id: done.id, reason: '这条反馈已结束，不能再分派' },
        { id: missing, reason: '反馈不存在' },
      ]),
    );
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await h.call(feedback.assignFeedbackInBulk, { token: committee, body: { ids: ids(50), branch } })).status).toBe(200);
    expect(isProblem(await h.call(feedback.assignFeedbackInBulk, { token: committee, body: { ids: ids(51), branch } }), 400)).toBe(true);
  });
});

describe('internal notes', () => {
  it('staff and the assigned steward read them; the resident never does', async () => {
    const f = await submit();
    await assignTo(f.id, { steward: stewardRef });
    const noted = await h.call(feedback.addInternalNote, { token: committee, params: { id: f.id }, body: { text: '住户电话打不通，改天上门' } });
    expect(noted.body.notes).toEqual([{ at: expect.any(String), byName: '社区工作人员 陈静', text: '住户电话打不通，改天上门' }]);
    expect((await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } })).body.notes).toHaveLength(1);
    expect((await h.call(feedback.getFeedback, { token: steward, params: { id: f.id } })).body.notes).toHaveLength(1);
    const residentView = await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } });
    expect(residentView.body.notes).toBeUndefined();
    expect(JSON.stringify(residentView.body)).not.toContain('电话打不通');
  });
});

describe('counts per status', () => {
  it('equal a recount of each status queue', async () => {
    const counts = (await h.call(feedback.countFeedbackByStatus, { token: committee })).body.counts;
    for (const status of FEEDBACK_STATUSES) {
      let n = 0;
      let cursor: string | undefined;
      do {
        const page = await h.call(feedback.listFeedbackQueue, { token: committee, query: { status, limit: 50, ...(cursor ? { cursor } : {}) } });
        n += page.body.items.length;
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect([status, counts[status]]).toEqual([status, n]);
    }
  });
});
