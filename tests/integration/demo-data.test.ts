/** `npm start`'s demo community: the seed's people, and a few months of feedback the statistics page can show. */
import { api } from '../../shared/api';
import { Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ demoHistory: true });
}, 60_000);
afterAll(() => h.close());

const month = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d).slice(0, 7);

it('has four months and more of feedback: received, resolved, rated, across compounds and branches', async () => {
  const committee = await h.staff();
  const now = new Date();
  const rows = (await h.call(api.feedback.feedbackStats, { token: committee, query: { from: month(new Date(now.getTime() - 125 * 86_400_000)), to: month(now) } })).body.rows as {
    month: string;
    dimension: string;
    received: number;
    resolved: number;
    ratings: number;
  }[];
  const all = rows.filter((r) => r.dimension === 'all');
  expect(all.filter((r) => r.received > 0).length).toBeGreaterThanOrEqual(4);
  expect(all.reduce((n, r) => n + r.received, 0)).toBe(63); // 60 of history and the 3 waiting today
  expect(all.reduce((n, r) => n + r.ratings, 0)).toBeGreaterThan(20);
  expect(new Set(rows.filter((r) => r.dimension === 'compound').map((r) => (r as unknown as { value: string }).value)).size).toBeGreaterThanOrEqual(5);
  expect(rows.some((r) => r.dimension === 'branch' && r.resolved > 0)).toBe(true);
  const counts = (await h.call(api.feedback.countFeedbackByStatus, { token: committee })).body.counts;
  expect(Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(63);
});

it('leaves the demo residents with the past read and nothing of it waiting to be sent', async () => {
  for (const name of ['王建国', '李秀英', '张桂兰']) {
    const resident = await h.resident(name);
    expect([name, (await h.call(api.feedback.countMyUnreadFeedback, { token: resident })).body.count]).toEqual([name, 0]);
  }
});
