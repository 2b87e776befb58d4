import { api } from '../../shared/api';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback } = api;
let h: Harness;
let resident: string;
let neighbour: string;
let committee: string;

beforeAll(async () => {
  h = await Harness.start();
  [resident, neighbour, committee] = await Promise.all([h.resident('王建国'), h.resident('李秀英'), h.staff()]);
});
afterAll(() => h.close());

const submit = async (token = resident, overrides = {}) => {
  const r = await h.call(feedback.submitFeedback, { token, body: aFeedback(overrides) });
  expect(r.status).toBe(201);
  return r.body;
};

describe('a resident reports a problem', () => {
  it('creates it as submitted, signed with their name, with a one-line history', async () => {
    const r = await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title: '电梯异响' }) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ title: '电梯异响', status: 'submitted', reporterName: '王建国', version: 1 });
    expect(r.body.history).toEqual([expect.objectContaining({ from: null, to: 'submitted', byRole: 'resident' })]);
    expect(r.body).not.toHaveProperty('reporterId');
    expect(r.body).not.toHaveProperty('pk');
  });

  it('refuses an incomplete form with every field error, and stores nothing', async () => {
    const before = await h.snapshot();
    const r = await h.call(feedback.submitFeedback, { token: resident, body: { category: 'nope', title: ' ' } });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:validation-error');
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['category', 'compound', 'description', 'title']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses malformed JSON and non-JSON bodies, and stores nothing', async () => {
    const before = await h.snapshot();
    const bad = await h.call(feedback.submitFeedback, { token: resident, rawBody: '{"title": ' });
    expect(isProblem(bad, 400)).toBe(true);
    const text = await h.call(feedback.submitFeedback, { token: resident, rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(isProblem(text, 415)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses an over-large body before parsing it', async () => {
    const r = await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ description: 'x'.repeat(20_000) }) });
    expect(isProblem(r, 413)).toBe(true);
  });

  it('is stored once when the mini-program retries with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const body = aFeedback({ title: '重试只记一次' });
    const first = await h.call(feedback.submitFeedback, { token: resident, body, headers });
    const again = await h.call(feedback.submitFeedback, { token: resident, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 50 } });
    expect(mine.body.items.filter((i: { title: string }) => i.title === '重试只记一次')).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key for a different report (422), storing nothing', async () => {
    const headers = { 'idempotency-key': 'retry-key-0002' };
    await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title: '第一份' }), headers });
    const before = await h.snapshot();
    const other = await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title: '第二份' }), headers });
    expect(isProblem(other, 422)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('keeps Idempotency-Keys per resident: the same key from a neighbour is a new report', async () => {
    const headers = { 'idempotency-key': 'shared-key-0003' };
    const a = await h.call(feedback.submitFeedback, { token: resident, body: aFeedback(), headers });
    const b = await h.call(feedback.submitFeedback, { token: neighbour, body: aFeedback(), headers });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.reporterName).toBe('李秀英');
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const r = await h.call(feedback.submitFeedback, { token: resident, body: aFeedback(), headers: { 'idempotency-key': 'short' } });
    expect(isProblem(r, 400)).toBe(true);
  });
});

describe('my feedback', () => {
  it('lists only my own, newest first, a page at a time', async () => {
    const me = await h.resident('分页测试居民');
    for (const n of [1, 2, 3, 4, 5]) await submit(me, { title: `第${n}条` });
    await submit(neighbour, { title: '邻居的' });
    const first = await h.call(feedback.listMyFeedback, { token: me, query: { limit: 2 } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { title: string }) => i.title)).toEqual(['第5条', '第4条']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h.call(feedback.listMyFeedback, { token: me, query: { limit: 2, cursor: first.body.nextCursor } });
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(['第3条', '第2条']);
    const third = await h.call(feedback.listMyFeedback, { token: me, query: { limit: 2, cursor: second.body.nextCursor } });
    expect(third.body.items.map((i: { title: string }) => i.title)).toEqual(['第1条']);
  });

  it("refuses a cursor taken from someone else's list", async () => {
    const other = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 1 } });
    expect(other.body.nextCursor).toEqual(expect.any(String));
    const r = await h.call(feedback.listMyFeedback, { token: neighbour, query: { cursor: other.body.nextCursor } });
    expect(isProblem(r, 400)).toBe(true);
  });

  it('refuses a bad page size', async () => {
    const r = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 500 } });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors[0]).toMatchObject({ location: 'query', path: 'limit' });
  });
});

describe('reading one piece of feedback', () => {
  it('is allowed to its reporter and to the committee', async () => {
    const f = await submit();
    expect((await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } })).body.title).toBe(f.title);
    expect((await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } })).status).toBe(200);
  });

  it("answers 404 to another resident, as if it did not exist", async () => {
    const f = await submit();
    const r = await h.call(feedback.getFeedback, { token: neighbour, params: { id: f.id } });
    expect(isProblem(r, 404)).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await h.call(feedback.getFeedback, { token: resident, params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
    expect(isProblem(await h.call(feedback.getFeedback, { token: resident, params: { id: 'abc' } }), 400)).toBe(true);
  });
});

describe("the committee's queue", () => {
  it('shows waiting feedback oldest first, page by page', async () => {
    const r = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 50 } });
    expect(r.status).toBe(200);
    const times = r.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect(times).toEqual([...times].sort());
    expect(r.body.items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
    const page1 = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 1 } });
    const page2 = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 1, cursor: page1.body.nextCursor } });
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
  });

  it('filters by status', async () => {
    const f = await submit();
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    const accepted = await h.call(feedback.listFeedbackQueue, { token: committee, query: { status: 'accepted' } });
    expect(accepted.body.items.map((i: { id: string }) => i.id)).toContain(f.id);
    const waiting = await h.call(feedback.listFeedbackQueue, { token: committee, query: { status: 'submitted', limit: 50 } });
    expect(waiting.body.items.map((i: { id: string }) => i.id)).not.toContain(f.id);
  });

  it('refuses an unknown status', async () => {
    const r = await h.call(feedback.listFeedbackQueue, { token: committee, query: { status: 'lost' } });
    expect(isProblem(r, 400)).toBe(true);
  });
});

describe('the committee answers feedback', () => {
  it('accepts and resolves it with a reply the resident then reads', async () => {
    const f = await submit();
    const accepted = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    const resolved = await h.call(feedback.transitionFeedback, {
      token: committee,
      params: { id: f.id },
      body: { to: 'resolved', version: 2, note: '已联系物业更换灯泡' },
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', version: 3 });
    const seen = await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } });
    expect(seen.body.status).toBe('resolved');
    expect(seen.body.history.map((e: { to: string }) => e.to)).toEqual(['submitted', 'accepted', 'resolved']);
    expect(seen.body.history[2]).toMatchObject({ note: '已联系物业更换灯泡', byRole: 'committee', byName: '社区工作人员 陈静' });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const f = await submit();
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    const before = await h.snapshot();
    const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'rejected', version: 1, note: '重复' } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:stale-version');
    expect(await h.snapshot()).toEqual(before);
  });

  it('lets exactly one of two simultaneous answers through', async () => {
    const f = await submit();
    const results = await Promise.all(
      ['accepted', 'rejected'].map((to) =>
        h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to, version: 1, note: '同时操作' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const now = await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } });
    expect(now.body.history).toHaveLength(2);
  });

  it('refuses a move the status machine does not allow (409) and a resolve without a reply (400)', async () => {
    const f = await submit();
    const skip = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'closed', version: 1 } });
    expect(isProblem(skip, 409)).toBe(true);
    expect(skip.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
    const noNote = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'resolved', version: 2 } });
    expect(isProblem(noNote, 400)).toBe(true);
    expect(noNote.body.errors[0]).toMatchObject({ path: 'note' });
  });

  it('answers 404 for feedback that does not exist', async () => {
    const r = await h.call(feedback.transitionFeedback, {
      token: committee,
      params: { id: '00000000-0000-4000-8000-000000000000' },
      body: { to: 'accepted', version: 1 },
    });
    expect(isProblem(r, 404)).toBe(true);
  });
});
