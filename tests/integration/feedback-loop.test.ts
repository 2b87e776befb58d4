/** The resident's side of the loop: withdraw before acceptance; after 已解决, say whether it is solved; silence closes it. */
import type { Context } from 'aws-lambda';
import { api } from '../../shared/api';
import { RATING_WINDOW_DAYS } from '../../shared/feedback/status';
import { closeUnratedFeedback } from '../../functions/src/feedback/jobs/close-unrated';
import { handler as feedbackLambda } from '../../functions/src/feedback/lambda';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback } = api;
let h: Harness;
let resident: string;
let neighbour: string;
let committee: string;
beforeAll(async () => {
  h = await Harness.start();
  [resident, neighbour, committee] = await Promise.all([h.resident('闭环居民'), h.resident('闭环邻居'), h.staff()]);
});
afterAll(() => h.close());

const submit = async (title = '闭环测试') => (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title }) })).body;
const move = async (id: string, to: string, version: number, note = '已处理完毕') => {
  const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id }, body: { to, version, note } });
  expect(r.status).toBe(200);
  return r.body;
};
const resolved = async (title?: string) => {
  const f = await submit(title);
  await move(f.id, 'accepted', 1);
  return move(f.id, 'resolved', 2, '已安排维修，灯已更换');
};

describe('withdrawing a report', () => {
  it('its reporter withdraws it while it waits, with a reason in the timeline', async () => {
    const f = await submit();
    const r = await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 1, reason: '已经自己修好了' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(r.body.history.at(-1)).toMatchObject({ from: 'submitted', to: 'withdrawn', note: '已经自己修好了', byRole: 'resident', byName: '闭环居民' });
  });

  it('is refused once the committee accepted it, changing nothing', async () => {
    const f = await submit();
    await move(f.id, 'accepted', 1);
    const before = await h.snapshot();
    const r = await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 2 } });
    expect(isProblem(r, 409)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    expect(await h.snapshot()).toEqual(before);
  });

  it("is refused for someone else's report (404) and for a stale version (409), changing nothing", async () => {
    const f = await submit();
    const before = await h.snapshot();
    expect(isProblem(await h.call(feedback.withdrawFeedback, { token: neighbour, params: { id: f.id }, body: { version: 1 } }), 404)).toBe(true);
    const stale = await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version: 7 } });
    expect(isProblem(stale, 409)).toBe(true);
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('“解决了吗？” after 已解决', () => {
  it('shows when an unrated resolution closes itself, and only while resolved', async () => {
    const f = await resolved();
    const resolvedAt = f.history.at(-1).at;
    expect(f.autoCloseAt).toBe(new Date(Date.parse(resolvedAt) + RATING_WINDOW_DAYS * 86_400_000).toISOString());
    const read = await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } });
    expect(read.body.autoCloseAt).toBe(f.autoCloseAt);
    const fresh = await submit();
    expect(fresh.autoCloseAt).toBeUndefined();
  });

  it('解决了 closes it and keeps the stars and words', async () => {
    const f = await resolved();
    const r = await h.call(feedback.rateFeedback, { token: resident, params: { id: f.id }, body: { resolved: true, stars: 5, comment: '很及时，谢谢', version: f.version } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'closed', rating: { resolved: true, stars: 5, comment: '很及时，谢谢' } });
    expect(r.body.autoCloseAt).toBeUndefined();
    expect(r.body.history.at(-1)).toMatchObject({ from: 'resolved', to: 'closed', byRole: 'resident', note: '居民确认已解决，满意度 5 星：很及时，谢谢' });
  });

  it('没解决 reopens it with the resident’s words, which the committee reads', async () => {
    const f = await resolved();
    const r = await h.call(feedback.rateFeedback, { token: resident, params: { id: f.id }, body: { resolved: false, stars: 2, comment: '晚上灯还是不亮', version: f.version } });
    expect(r.body).toMatchObject({ status: 'in_progress', rating: { resolved: false, stars: 2 } });
    const staffView = await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } });
    expect(staffView.body.history.at(-1).note).toContain('晚上灯还是不亮');
  });

  it('没解决 without words is refused (400), changing nothing', async () => {
    const f = await resolved();
    const before = await h.snapshot();
    const r = await h.call(feedback.rateFeedback, { token: resident, params: { id: f.id }, body: { resolved: false, stars: 1, comment: ' \u200b ', version: f.version } });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'comment' })]);
    expect(await h.snapshot()).toEqual(before);
  });

  it.each([
    [1, 200],
    [5, 200],
    [0, 400],
    [6, 400],
    [2.5, 400],
  ])('%s stars → %i', async (stars, status) => {
    const f = await resolved();
    const r = await h.call(feedback.rateFeedback, { token: resident, params: { id: f.id }, body: { resolved: true, stars, version: f.version } });
    expect(r.status).toBe(status);
  });

  it('is refused before resolution (409) and for a neighbour (404)', async () => {
    const f = await submit();
    expect(isProblem(await h.call(feedback.rateFeedback, { token: resident, params: { id: f.id }, body: { resolved: true, stars: 3, version: 1 } }), 409)).toBe(true);
    const done = await resolved();
    expect(isProblem(await h.call(feedback.rateFeedback, { token: neighbour, params: { id: done.id }, body: { resolved: true, stars: 3, version: done.version } }), 404)).toBe(true);
  });
});

describe('an unrated resolution closes itself', () => {
  const days = (n: number) => new Date(Date.now() + n * 86_400_000);
  const read = async (id: string) => (await h.call(feedback.getFeedback, { token: resident, params: { id } })).body;

  it(`after ${RATING_WINDOW_DAYS} days, as the system's move; not before; once however often the job runs`, async () => {
    const f = await resolved('没人评价的');
    await closeUnratedFeedback(days(RATING_WINDOW_DAYS - 1));
    expect((await read(f.id)).status).toBe('resolved');
    const [a, b] = await Promise.all([closeUnratedFeedback(days(RATING_WINDOW_DAYS + 1)), closeUnratedFeedback(days(RATING_WINDOW_DAYS + 1))]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const after = await read(f.id);
    expect(after.status).toBe('closed');
    expect(after.history.filter((e: { to: string }) => e.to === 'closed')).toEqual([
      expect.objectContaining({ from: 'resolved', byRole: 'system', byName: '系统', note: `居民 ${RATING_WINDOW_DAYS} 天内未评价，系统自动办结` }),
    ]);
    expect(await closeUnratedFeedback(days(RATING_WINDOW_DAYS + 2))).toBe(0);
  });

  it('leaves alone what its reporter rated or reopened', async () => {
    const rated = await resolved();
    await h.call(feedback.rateFeedback, { token: resident, params: { id: rated.id }, body: { resolved: false, stars: 2, comment: '没修好', version: rated.version } });
    await closeUnratedFeedback(days(RATING_WINDOW_DAYS + 3));
    expect((await read(rated.id)).status).toBe('in_progress');
  });

  it('runs in AWS when the schedule invokes the feedback function with { job }', async () => {
    const context = { awsRequestId: 'job-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
    const r = await feedbackLambda({ job: 'close-unrated-feedback' } as never, context);
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body!)).toMatchObject({ job: 'close-unrated-feedback', changed: expect.any(Number) });
    await expect(feedbackLambda({ job: 'no-such-job' } as never, context)).rejects.toThrow('unknown job');
  });
});
