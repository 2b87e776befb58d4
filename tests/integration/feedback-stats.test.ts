/**
 * Statistics come from counters updated on each change, never from scanning. After many random changes, the
 * counters must equal a recount made from the items themselves (here, in the test, by scanning the table).
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { api } from '../../shared/api';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS } from '../../shared/feedback/categories';
import { CSV_BOM } from '../../shared/csv';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback } = api;
const CHANGES = Number(process.env.STATS_CHANGES ?? 300);
let h: Harness;
let residents: string[];
let committee: string;
beforeAll(async () => {
  h = await Harness.start({ demoData: true });
  residents = await Promise.all(['统计一', '统计二', '统计三'].map((n) => h.resident(n)));
  committee = await h.staff();
});
afterAll(() => h.close());

const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
const COMPOUNDS = ['青年新苑', '望湖小区', '紫云小区'];

type Item = { id: string; version: number; status: string; token: string };

it(`counters equal a recount after ${CHANGES} random changes`, async () => {
  const branches = (await h.call(api.identity.listBranches, { token: committee })).body.items.slice(0, 3);
  const items: Item[] = [];
  const rng = fc.sample(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)), { numRuns: CHANGES, seed: 42 });
  const refresh = (i: Item, body: { version: number; status: string }) => Object.assign(i, { version: body.version, status: body.status });
  for (const [a, b, c] of rng) {
    const pick = items.filter((i) => !['closed', 'rejected', 'withdrawn'].includes(i.status));
    if (a < 30 || pick.length === 0) {
      const token = residents[b % residents.length]!;
      const body = aFeedback({ category: FEEDBACK_CATEGORIES[b % FEEDBACK_CATEGORIES.length], compound: COMPOUNDS[c % COMPOUNDS.length] });
      const r = await h.call(feedback.submitFeedback, { token, body });
      items.push({ id: r.body.id, version: r.body.version, status: r.body.status, token });
      continue;
    }
    const item = pick[b % pick.length]!;
    const staffMove = async (to: string, note?: string) => {
      const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id: item.id }, body: { to, version: item.version, ...(note ? { note } : {}) } });
      if (r.status === 200) refresh(item, r.body);
    };
    if (a < 45) {
      const r = await h.call(feedback.assignFeedback, { token: committee, params: { id: item.id }, body: { branch: branches[c % branches.length] } });
      if (r.status === 200) refresh(item, r.body);
    } else if (item.status === 'submitted') await (c < 85 ? staffMove('accepted') : staffMove('rejected', '不属于社区管理范围'));
    else if (item.status === 'accepted' || item.status === 'in_progress') await staffMove('resolved', '已处理');
    else if (item.status === 'resolved') {
      if (c < 20) await staffMove('in_progress');
      else {
        const r = await h.call(feedback.rateFeedback, {
          token: item.token,
          params: { id: item.id },
          body: { resolved: c >= 50, stars: (c % 5) + 1, version: item.version, ...(c < 50 ? { comment: '还没好' } : {}) },
        });
        if (r.status === 200) refresh(item, r.body);
      }
    }
  }

  // the recount, from the items' own histories
  const stored: { category: string; compound: string; history: { from: string | null; to: string; byRole: string; note?: string }[]; assignment?: { branch?: { name: string } } }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: tableName('feedback'), ExclusiveStartKey: start, FilterExpression: 'begins_with(sk, :fb)', ExpressionAttributeValues: { ':fb': 'FB' } }));
    stored.push(...((page.Items ?? []) as typeof stored));
    start = page.LastEvaluatedKey;
  } while (start);
  const expected = { received: 0, resolved: 0, reopened: 0, ratings: 0, starSum: 0 };
  const byCategory = new Map<string, number>();
  for (const s of stored) {
    expected.received++;
    byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
    for (const e of s.history) {
      if (e.to === 'resolved') expected.resolved++;
      if (e.from === 'resolved' && e.to === 'in_progress') expected.reopened++;
      const stars = /满意度 (\d) 星/.exec(e.note ?? '');
      if (stars && e.from === 'resolved' && ['resident', 'steward'].includes(e.byRole)) {
        expected.ratings++;
        expected.starSum += Number(stars[1]);
      }
    }
  }
  const rows = (await h.call(feedback.feedbackStats, { token: committee, query: { from: month, to: month } })).body.rows;
  const all = rows.find((r: { dimension: string }) => r.dimension === 'all');
  expect(all).toMatchObject({ month, received: expected.received, resolved: expected.resolved, reopened: expected.reopened, ratings: expected.ratings });
  if (expected.ratings) expect(all.satisfaction).toBeCloseTo(expected.starSum / expected.ratings, 6);
  for (const [category, n] of byCategory)
    expect(rows.find((r: { dimension: string; value: string }) => r.dimension === 'category' && r.value === FEEDBACK_CATEGORY_LABELS[category as 'other'])?.received).toBe(n);
  expect(all.medianFirstResponse).toBe('1 小时内');
}, 120_000);

it('exports the table as Excel-friendly CSV and records the export', async () => {
  const r = await h.call(feedback.exportFeedbackStats, { token: committee, query: { from: month, to: month } });
  expect(r.status).toBe(200);
  expect(r.body.filename).toBe(`反馈统计_${month}_${month}.csv`);
  expect(r.body.csv.startsWith(CSV_BOM)).toBe(true);
  const lines = r.body.csv.slice(1).split('\r\n');
  expect(lines[0]).toBe('月份,维度,名称,收到,已解决,重新处理,重新处理率,满意度（星）,评价数,首次响应中位,解决用时中位');
  expect(lines[1]).toMatch(new RegExp(`^${month},全部,全部,\\d+,`));
  const audit = await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 5 } });
  expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('feedback-export');
});

it.each([
  [{ from: '2026-11', to: '2026-10' }, 'to'],
  [{ from: '2024-01', to: '2026-01' }, 'from'],
  [{ from: '2026-1', to: '2026-02' }, 'from'],
])('refuses the range %j (400 on %s)', async (query, path) => {
  const r = await h.call(feedback.feedbackStats, { token: committee, query });
  expect(isProblem(r, 400)).toBe(true);
  expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
});

it('takes exactly 24 months', async () => {
  expect((await h.call(feedback.feedbackStats, { token: committee, query: { from: '2024-12', to: '2026-11' } })).status).toBe(200);
});
