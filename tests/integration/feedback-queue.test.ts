/** The committee's queue, narrowed the ways staff look for things; and the first-answer target per category. */
import { api } from '../../shared/api';
import { RESPONSE_TARGET_HOURS } from '../../shared/feedback/targets';
import { putNewFeedback } from '../../functions/src/feedback/store';
import { newFeedbackItem } from '../../functions/src/feedback/submit';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback, identity } = api;
let h: Harness;
let resident: string;
let committee: string;
beforeAll(async () => {
  h = await Harness.start({ demoData: true });
  [resident, committee] = await Promise.all([h.resident('队列居民'), h.staff()]);
});
afterAll(() => h.close());

const submit = async (overrides: object) => (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback(overrides) })).body;
const queue = async (query: Record<string, string | number>) =>
  ((await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 50, ...query } })).body.items as { id: string; title: string }[]).map((i) => i.id);

it('by category, compound, assignee and text (title, reference, compound)', async () => {
  const lamp = await submit({ title: '紫云灯箱坏了', category: 'facilities', compound: '紫云小区' });
  const trash = await submit({ title: '垃圾没清运', category: 'environment', compound: '芙蓉小区' });
  const stewards = (await h.call(identity.listStewards, { token: committee })).body.items;
  await h.call(feedback.assignFeedback, { token: committee, params: { id: trash.id }, body: { steward: stewards[0] } });

  expect(await queue({ category: 'facilities' })).toContain(lamp.id);
  expect(await queue({ category: 'facilities' })).not.toContain(trash.id);
  expect(await queue({ compound: '芙蓉小区' })).toEqual([trash.id]);
  expect(await queue({ stewardId: stewards[0].id })).toEqual([trash.id]);
  expect(await queue({ q: '灯箱' })).toEqual([lamp.id]);
  expect(await queue({ q: lamp.ref })).toEqual([lamp.id]);
  expect(await queue({ q: '紫云' })).toEqual([lamp.id]);
  expect(await queue({ q: '没有这样的内容' })).toEqual([]);
});

it('keeps pages full when a filter skips most items, and pages on with the cursor', async () => {
  for (let i = 0; i < 5; i++) await submit({ title: `分页筛选 ${i}`, category: 'other', compound: '春晖园' });
  const first = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 3, compound: '春晖园' } });
  expect(first.body.items).toHaveLength(3);
  const second = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 3, compound: '春晖园', cursor: first.body.nextCursor } });
  expect(second.body.items).toHaveLength(2);
  expect([...first.body.items, ...second.body.items].map((i: { title: string }) => i.title)).toEqual([0, 1, 2, 3, 4].map((i) => `分页筛选 ${i}`));
});

it('by how long it has waited, with each report’s first-answer target', async () => {
  const me = (await h.call(identity.me, { token: resident })).body;
  const old = newFeedbackItem({ communityId: 'baogong-qingnian', userId: me.id, name: me.name, role: 'resident' }, { ...aFeedback({ title: '等了两天的' }), category: 'safety' as const }, new Date(Date.now() - 48 * 3_600_000).toISOString());
  await putNewFeedback(old);
  const fresh = await submit({ title: '刚提交的', category: 'safety' });
  const waited = await h.call(feedback.listFeedbackQueue, { token: committee, query: { limit: 50, waitingHours: 24 } });
  const ids = waited.body.items.map((i: { id: string }) => i.id);
  expect(ids).toContain(old.id);
  expect(ids).not.toContain(fresh.id);
  const shown = waited.body.items.find((i: { id: string }) => i.id === old.id);
  expect(shown.responseDueAt).toBe(new Date(Date.parse(old.createdAt) + RESPONSE_TARGET_HOURS.safety * 3_600_000).toISOString());
  expect(Date.parse(shown.responseDueAt)).toBeLessThan(Date.now()); // overdue
});

it.each<Record<string, string | number>>([{ waitingHours: 0 }, { category: 'weather' }, { q: 'x'.repeat(41) }, { branchId: 'a/b' }])('refuses %j (400)', async (query) => {
  expect(isProblem(await h.call(feedback.listFeedbackQueue, { token: committee, query }), 400)).toBe(true);
});
