/** A red steward's own work log: what they logged for residents, were assigned and resolved, counted per month. */
import { api } from '../../shared/api';
import { chinaMonth } from '../../functions/src/feedback/china-time';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback, identity } = api;
let h: Harness;
let committee: string;
let steward: string;
let otherSteward: string;
let me: { id: string; name: string };

const month = chinaMonth(new Date());
const previous = (() => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  h = await Harness.start();
  [committee, steward, otherSteward] = await Promise.all([h.staff(), h.resident('郭春梅'), h.resident('何志明')]);
  const stewards = (await h.call(identity.listStewards, { token: committee })).body.items as { id: string; name: string }[];
  me = stewards.find((s) => s.name === '郭春梅')!;
});
afterAll(() => h.close());

const workLog = async (token = steward) => (await h.call(feedback.getMyWorkLog, { token, query: { from: previous, to: month } })).body.months;

it('starts at zero, every month of the range listed', async () => {
  expect(await workLog()).toEqual([
    { month: previous, logged: 0, assigned: 0, resolved: 0 },
    { month, logged: 0, assigned: 0, resolved: 0 },
  ]);
});

it('counts a report logged for a resident, a hand-over to them (once, however often repeated) and a resolution', async () => {
  const logged = await h.call(feedback.submitFeedback, {
    token: steward,
    body: aFeedback({ title: '走访时听到的问题', onBehalf: { name: '赵奶奶', channel: 'visit', consent: true } }),
  });
  expect(logged.status).toBe(201);
  // their own report (not for a resident) is not "logged for a resident"
  await h.call(feedback.submitFeedback, { token: steward, body: aFeedback({ title: '自己发现的问题' }) });

  const f = (await h.call(feedback.submitFeedback, { token: await h.resident('工作记录居民'), body: aFeedback() })).body;
  const accepted = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
  expect(accepted.status).toBe(200);
  await h.call(feedback.assignFeedback, { token: committee, params: { id: f.id }, body: { steward: me } });
  const again = await h.call(feedback.assignFeedback, { token: committee, params: { id: f.id }, body: { steward: me } });
  const started = await h.call(feedback.progressAssignedFeedback, { token: steward, params: { id: f.id }, body: { to: 'in_progress', version: again.body.version } });
  const done = await h.call(feedback.progressAssignedFeedback, {
    token: steward,
    params: { id: f.id },
    body: { to: 'resolved', note: '已上门处理', version: started.body.version },
  });
  expect(done.status).toBe(200);

  expect(await workLog()).toEqual([
    { month: previous, logged: 0, assigned: 0, resolved: 0 },
    { month, logged: 1, assigned: 1, resolved: 1 },
  ]);
  // another steward's log is theirs alone
  expect((await workLog(otherSteward)).at(-1)).toEqual({ month, logged: 0, assigned: 0, resolved: 0 });
});

it('a resolution by the committee on the steward’s behalf counts for the assigned steward', async () => {
  const before = (await workLog()).at(-1)!;
  const f = (await h.call(feedback.submitFeedback, { token: await h.resident('工作记录居民二'), body: aFeedback() })).body;
  const a = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1 } });
  const assigned = await h.call(feedback.assignFeedback, { token: committee, params: { id: f.id }, body: { steward: me } });
  expect(a.status).toBe(200);
  await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'resolved', note: '已处理', version: assigned.body.version } });
  expect((await workLog()).at(-1)).toEqual({ ...before, assigned: before.assigned + 1, resolved: before.resolved + 1 });
});

it('refuses a range the wrong way round or longer than two years, and writes nothing', async () => {
  const snapshot = await h.snapshot();
  expect(isProblem(await h.call(feedback.getMyWorkLog, { token: steward, query: { from: month, to: previous } }), 400)).toBe(true);
  expect(isProblem(await h.call(feedback.getMyWorkLog, { token: steward, query: { from: '2020-01', to: '2022-12' } }), 400)).toBe(true);
  expect(await h.snapshot()).toEqual(snapshot);
});

it('is for red stewards: a resident and the committee are refused (403)', async () => {
  const resident = await h.resident('普通居民');
  expect(isProblem(await h.call(feedback.getMyWorkLog, { token: resident, query: { from: month, to: month } }), 403)).toBe(true);
  expect(isProblem(await h.call(feedback.getMyWorkLog, { token: committee, query: { from: month, to: month } }), 403)).toBe(true);
});
