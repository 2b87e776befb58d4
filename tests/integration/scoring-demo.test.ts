/**
 * `npm start`'s demo star rating: the seed's 17 branches, last year's period final with 15 × ★★★ and 2 × ★★ and
 * the deductions mainly in 运行质效, 服务群众 and 保障过硬; this year's period in self-assessment; the Old Secretary
 * Studio with its members and sessions. Read through the API, as the pages will.
 */
import { api } from '../../shared/api';
import { Harness } from '../support/harness';
import { expectStatus } from './scoring-fixtures';

const { scoring } = api;

let h: Harness;
let committee: string;
beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
}, 60_000);
afterAll(() => h.close());

const periods = async () => expectStatus(await h.call(scoring.listScoringPeriods, { token: committee }), 200).items;

it('has last year’s period final: 15 × ★★★, 2 × ★★, each reviewed twice and given its star by the lead', async () => {
  const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));
  const [current, last] = await periods();
  expect([current.name, current.status, last.name, last.status]).toEqual([`${year}年度`, 'self-assessment', `${year - 1}年度`, 'final']);
  const resident = await h.resident('王建国');
  const results = expectStatus(await h.call(scoring.getScoringResults, { token: resident, params: { id: last.id } }), 200);
  expect(results.distribution).toEqual({ 1: 0, 2: 2, 3: 15, 4: 0, 5: 0, unrated: 0 });
  const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: committee, params: { id: last.id } }), 200);
  expect(board.items).toHaveLength(17);
  expect(board.items.every((i: any) => i.status === 'submitted' && i.reviews.submitted === 2 && i.result.star === i.proposed.star)).toBe(true);
  expect(board.items.some((i: any) => i.result.total !== i.proposed.total)).toBe(true);
  const rectification = expectStatus(await h.call(scoring.getScoringRectificationProgress, { token: committee, params: { id: last.id } }), 200).totals;
  expect(rectification.done).toBeGreaterThan(0);
  expect(rectification.overdue).toBeGreaterThan(0);
  expect(rectification.open).toBeGreaterThan(0);
});

it('has the deductions mainly in 运行质效, 服务群众 and 保障过硬, with a meeting and measures per branch', async () => {
  const [, last] = await periods();
  const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: committee, params: { id: last.id } }), 200);
  const lost = new Map<string, number>();
  for (const row of board.items) {
    const a = expectStatus(await h.call(scoring.getScoringAssessment, { token: committee, params: { id: row.assessmentId } }), 200);
    for (const p of a.problems) lost.set(p.categoryName, (lost.get(p.categoryName) ?? 0) + p.points);
    expect(a.meetings).toHaveLength(1);
    expect(a.problems.filter((p: any) => p.measures.length)).toHaveLength(Math.min(3, a.problems.length));
    expect(a.tasks.every((t: any) => t.plan && t.execution && t.summary)).toBe(true);
  }
  const main = ['运行质效', '服务群众', '保障过硬'].reduce((s, c) => s + (lost.get(c) ?? 0), 0);
  const all = [...lost.values()].reduce((s, n) => s + n, 0);
  expect(main / all).toBeGreaterThan(0.8);
});

it('has this year’s period in self-assessment: some branches submitted, some drafting, secretaries who can sign in', async () => {
  const [current, last] = await periods();
  const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: committee, params: { id: current.id } }), 200);
  expect(board.items.filter((i: any) => i.status === 'submitted')).toHaveLength(4);
  const secretary = await h.resident('刘玉兰');
  const mine = expectStatus(await h.call(scoring.listMyScoringWork, { token: secretary }), 200);
  expect(mine.items.map((i: any) => i.secretaryOf[0].branchName)).toEqual(['青年新苑第一党支部', '青年新苑第一党支部']);
  const reviewer = await h.resident('郑卫东');
  const reviews = expectStatus(await h.call(scoring.listMyScoringWork, { token: reviewer }), 200);
  expect(reviews.items[0].reviewerOf).toHaveLength(17);
  const drafting = expectStatus(await h.call(scoring.getScoringAssessment, { token: await h.resident('黄丽华'), params: { id: board.items[4].assessmentId } }), 200);
  expect(drafting).toMatchObject({ status: 'draft', can: { editSelf: true, submit: false } });
  const distribution = expectStatus(await h.call(scoring.getScoringStarDistribution, { token: committee }), 200);
  // this year has no results yet: the distribution is last year's
  expect(distribution.periods.map((p: any) => p.period.id)).toEqual([last.id]);
});

it('has the Old Secretary Studio: members drawn from the list, an invitation out, sessions counted per member', async () => {
  const resident = await h.resident('李秀英');
  const members = expectStatus(await h.call(scoring.listStudioMembers, { token: resident }), 200).items;
  expect(members.map((m: any) => m.name)).toEqual(['王建国', '张桂兰', '高玉梅']);
  expect(members[0].counts).toEqual({ 'party-lesson': 1, symposium: 1, attendees: 37 });
  const all = expectStatus(await h.call(scoring.listStudioMembers, { token: committee }), 200).items;
  expect(all.map((m: any) => m.status)).toEqual(['member', 'member', 'member', 'invited', 'listed']);
  const sessions = expectStatus(await h.call(scoring.listMentoringSessions, { token: resident }), 200).items;
  expect(sessions.map((s: any) => s.topic)[0]).toBe('基层治理中的群众路线');
});
