/**
 * The server enforces the staff column of the status table, cell by cell (issue 11): from each status, every
 * move staff may make succeeds and is recorded, and every other one is refused with 409 transition-not-allowed
 * and changes nothing. (tests/unit/shared/feedback-status-table.test.ts checks the table itself.)
 */
import { api } from '../../shared/api';
import type { FeedbackStatus } from '../../shared/feedback/status';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback } = api;
const STATUSES: FeedbackStatus[] = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'withdrawn'];
const STAFF: Record<FeedbackStatus, FeedbackStatus[]> = {
  submitted: ['accepted', 'rejected'],
  accepted: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  rejected: [],
  withdrawn: [],
};
/** How a fresh report gets to each status. */
const PATH: Record<FeedbackStatus, FeedbackStatus[]> = {
  submitted: [],
  accepted: ['accepted'],
  in_progress: ['accepted', 'in_progress'],
  resolved: ['accepted', 'resolved'],
  closed: ['accepted', 'resolved', 'closed'],
  rejected: ['rejected'],
  withdrawn: [],
};

let h: Harness;
let resident: string;
let committee: string;
beforeAll(async () => {
  h = await Harness.start();
  [resident, committee] = await Promise.all([h.resident('状态表居民'), h.staff()]);
}, 30_000);
afterAll(() => h.close());

const reply = (to: FeedbackStatus) => (to === 'resolved' || to === 'rejected' ? { note: '答复' } : {});

/** A fresh report, moved along its path to `status`; returns its id and version. */
const reportIn = async (status: FeedbackStatus) => {
  const f = (await h.call(feedback.submitFeedback, { token: resident, body: aFeedback({ title: `状态表 ${status}` }) })).body as { id: string; version: number };
  let version = f.version;
  if (status === 'withdrawn') {
    const w = await h.call(feedback.withdrawFeedback, { token: resident, params: { id: f.id }, body: { version } });
    return { id: f.id, version: w.body.version as number };
  }
  for (const to of PATH[status]) {
    const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to, version, ...reply(to) } });
    expect(r.status).toBe(200);
    version = r.body.version;
  }
  return { id: f.id, version };
};

describe('staff moves through the API', () => {
  it.each(STATUSES)('from %s: exactly the table’s moves succeed', async (from) => {
    const outcome: Record<string, number> = {};
    for (const to of STATUSES) {
      const f = await reportIn(from);
      const before = await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } });
      const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to, version: f.version, ...reply(to) } });
      outcome[to] = r.status;
      if (r.status === 200) {
        expect(r.body).toMatchObject({ status: to, version: f.version + 1 });
        expect(r.body.history.at(-1)).toMatchObject({ from, to, byRole: 'committee' });
      } else {
        expect(isProblem(r, 409)).toBe(true);
        expect(r.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
        expect((await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } })).body).toEqual(before.body);
      }
    }
    expect(outcome).toEqual(Object.fromEntries(STATUSES.map((to) => [to, STAFF[from].includes(to) ? 200 : 409])));
  }, 60_000);
});
