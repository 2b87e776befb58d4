/**
 * The council as its people use it (issue 8), in a real Chromium on the H5 build: the committee sets up a council
 * and seats five people (each gets a code) → four claim their seats in the mini-program → one proposes a motion →
 * the chair opens voting at once → three vote in the mini-program, one is recorded in person at the meeting (the
 * chair cannot close early: one seat has not voted) → voting closes → a resident who sits on no council reads the
 * decision and its counts. Every page is measured against the bar on the way.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { passTime } from '../integration/council-fixtures';
import { DESKTOP, PHONE, measurePage, startE2E, summarize, type E2E, type PageReport, signInByName, signInStaff } from './support';

jest.setTimeout(300_000);

let e2e: E2E;
const reports: PageReport[] = [];
const COUNCIL = '望湖小区议事会';
const MOTION = '望湖小区增设休息座椅';

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const measure = async (page: Page, name: string) => reports.push(await measurePage(page, name));

/** The seats the committee gives: 陈静 of the committee has no mini-program account and votes in person. */
const SEATS = [
  { party: '居民代表', name: '周玉梅', role: '召集人' },
  { party: '红色小管家', name: '吴建华', role: '成员' },
  { party: '妇联', name: '郑淑兰', role: '成员' },
  { party: '舞队', name: '冯德明', role: '成员' },
  { party: '两委', name: '陈静', role: '成员' },
] as const;

const openMotion = async (page: Page) => {
  await page.goto(`${e2e.url}/#/packages/council/index/index`);
  await page.getByRole('button', { name: new RegExp(COUNCIL) }).click();
  await page.getByRole('heading', { name: COUNCIL }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^${MOTION}`) }).click();
  await page.getByRole('heading', { name: MOTION }).waitFor();
};

test('seated → claimed → proposed → opened → three vote online, one in person → closed → a resident reads the decision', async () => {
  // ── The committee sets up the council and seats five people ─────────────────────────────────────────────────
  const committee = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(committee, e2e.url);
  await committee.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '议事会' }).click();
  // the demo community has the seed's council already
  await committee.getByRole('button', { name: /七彩阳光妇女小组议事会/ }).waitFor();
  await measure(committee, 'admin councils');

  await committee.getByRole('button', { name: '成立议事会' }).click();
  await committee.getByLabel('议事会名称').fill(COUNCIL);
  await committee.getByLabel('议事会宗旨').fill('望湖小区的公共事务由居民代表、红色小管家、妇联、舞队和社区两委共同商议、投票决定。');
  // one seat for each of the five parties the form starts with
  for (let i = 0; i < 5; i++) await committee.locator(`#party-${i}-seats`).fill('1');
  await measure(committee, 'admin new council form');
  await committee.getByLabel('议事会名称').press('Enter');
  await committee.getByRole('heading', { name: COUNCIL, level: 1 }).waitFor();

  await committee.getByRole('radio', { name: '成员与席位' }).check();
  const codes = new Map<string, string>();
  for (const seat of SEATS) {
    await committee.getByRole('button', { name: '增加成员' }).click();
    await committee.getByLabel('界别', { exact: true }).selectOption(seat.party);
    await committee.getByLabel('姓名').fill(seat.name);
    await committee.getByRole('group', { name: '角色' }).getByRole('radio', { name: seat.role, exact: true }).check();
    await committee.getByRole('button', { name: '增加', exact: true }).click();
    await committee.getByText(`已增加 ${seat.name}。`).waitFor();
    const entry = await committee.getByRole('listitem').filter({ hasText: `${seat.name} · ${seat.role}` }).getByText(/^认领码 [A-Z0-9]{8}/).innerText();
    codes.set(seat.name, /[A-Z0-9]{8}/.exec(entry)![0]);
  }
  await committee.getByText(`周玉梅 · 召集人 · 在任`).waitFor();
  await measure(committee, 'admin council seats');

  // ── Four claim their seats with the codes (陈静 will vote in person) ─────────────────────────────────────────
  const people = new Map<string, Page>();
  for (const { name } of SEATS.slice(0, 4)) {
    const page = await e2e.newPage(PHONE, { inject: true });
    await signInByName(page, e2e.url, name);
    await page.getByRole('button', { name: '议事会' }).click();
    await page.getByRole('heading', { name: '议事会' }).waitFor();
    if (name === '周玉梅') await measure(page, 'councils (not a member yet)');
    await page.getByRole('button', { name: '我有席位认领码' }).click();
    await page.getByLabel('认领码').fill(codes.get(name)!.toLowerCase());
    if (name === '周玉梅') await measure(page, 'claim a seat');
    await page.getByLabel('认领码').press('Enter');
    await page.getByText('认领成功，您现在可以参加讨论和投票。').waitFor();
    people.set(name, page);
  }

  // ── A member proposes; the chair opens voting at once ───────────────────────────────────────────────────────
  const proposer = people.get('吴建华')!;
  await proposer.getByText('还没有议题。成员可以点上面的“提出议题”。').waitFor();
  await measure(proposer, 'council (member, no motions)');
  await proposer.getByRole('button', { name: '提出议题' }).click();
  await proposer.getByRole('heading', { name: '提出议题' }).waitFor();
  await proposer.getByLabel('议题名称').fill(MOTION);
  await proposer.getByLabel('背景情况').fill('望湖小区中心花园只有两张长椅，老人散步后没有地方休息。');
  await proposer.getByLabel('建议决定').fill('在中心花园增设 4 张带靠背的休息座椅，由物业年底前安装。');
  await measure(proposer, 'propose a motion');
  await proposer.getByLabel('议题名称').press('Enter');
  await proposer.getByRole('heading', { name: MOTION }).waitFor();
  await proposer.getByText('待安排', { exact: true }).waitFor();

  const chair = people.get('周玉梅')!;
  await openMotion(chair);
  await chair.getByText('请安排讨论和投票时间，并设定表决规则。').waitFor();
  await measure(chair, 'motion (chair, to schedule)');
  await chair.getByRole('radio', { name: '现在开始投票' }).check();
  await chair.getByRole('button', { name: '保存并开始投票' }).click();
  await chair.getByText('投票已开始，成员现在可以在小程序中投票。').waitFor();
  await chair.getByText('投票情况：已投 0 / 5 人').waitFor();
  const motionId = new URL(chair.url().replace('/#/', '/')).searchParams.get('id')!;

  // ── Three vote in the mini-program, asked once more before the ballot goes ─────────────────────────────────
  for (const [name, choice] of [
    ['吴建华', '同意'],
    ['郑淑兰', '同意'],
    ['冯德明', '反对'],
  ] as const) {
    const page = people.get(name)!;
    await openMotion(page);
    await page.getByText('投票进行中，请在下面投出您的一票。').waitFor();
    if (name === '吴建华') await measure(page, 'motion (member, voting)');
    await page.getByRole('radio', { name: choice }).check();
    await page.getByRole('button', { name: '投票', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: `确定投「${choice}」吗？` });
    await dialog.getByText('投出后不能修改。', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: '投票' }).click();
    await page.getByText(`您的票已投出：「${choice}」。`).waitFor();
    await page.getByText(`您已在小程序中投票。您的选择：「${choice}」。`).waitFor();
    await page.getByRole('button', { name: '投票', exact: true }).waitFor({ state: 'detached' });
  }

  // ── At the meeting the chair records 陈静's ballot; the one who voted online is not offered again ──────────────
  await chair.getByRole('button', { name: '刷新' }).click();
  await chair.getByText('投票情况：已投 3 / 5 人').waitFor();
  await chair.getByRole('button', { name: '为 吴建华 记录现场投票' }).waitFor({ state: 'detached' });
  await chair.getByRole('button', { name: '为 陈静 记录现场投票' }).click();
  await chair.getByRole('group', { name: '陈静 的选择' }).getByRole('radio', { name: '同意' }).check();
  await measure(chair, 'motion (chair, recording in person)');
  await chair.getByRole('button', { name: '记录现场投票', exact: true }).click();
  await chair.getByRole('alertdialog', { name: '记录 陈静 投「同意」吗？' }).getByRole('button', { name: '记录' }).click();
  await chair.getByText('已记录 陈静 的现场投票。').waitFor();
  await chair.getByText('投票情况：已投 4 / 5 人').waitFor();
  await chair.getByText('已投票（现场）').waitFor();
  // the chair has not voted: voting cannot be closed early
  expect(await chair.getByRole('button', { name: '全员已投票，提前结束投票' }).count()).toBe(0);

  // ── Voting closes (time moved on); a resident who sits on no council reads the decision ───────────────────
  await passTime(motionId, 5 * 86_400_000);
  const resident = await e2e.newPage(PHONE, { inject: true });
  await signInByName(resident, e2e.url, '王大爷');
  await resident.getByRole('button', { name: '议事会' }).click();
  await resident.getByRole('button', { name: new RegExp(COUNCIL) }).click();
  await resident.getByRole('heading', { name: '表决结果' }).waitFor();
  const card = resident.getByRole('button', { name: new RegExp(`^${MOTION}`) });
  await card.getByText('赞成 3 票，赞成与反对共 4 票，需 3 票，通过。').waitFor();
  await card.getByText(/^同意 3 · 反对 1 · 弃权 0 · 未投票 1/).waitFor();
  await measure(resident, 'council (resident, decisions)');
  await card.click();
  await resident.getByRole('heading', { name: '表决结果：通过' }).waitFor();
  await resident.getByText('陈静（两委）：同意（现场投票）').waitFor();
  await resident.getByText('冯德明（舞队）：反对').waitFor();
  await measure(resident, 'motion (resident, decided)');
  // residents read, they do not discuss: no discussion box, no ballot
  expect(await resident.getByLabel('我要发言').count()).toBe(0);

  // ── The committee sees the same outcome beside its list ──────────────────────────────────────────────────
  await committee.getByRole('radio', { name: '议题' }).check();
  await committee.getByRole('button', { name: new RegExp(`^${MOTION}`) }).click();
  await committee.getByRole('heading', { name: '表决结果：通过' }).waitFor();
  await measure(committee, 'admin council motions (decided, beside the list)');

  console.log(`Council pages against the bar:\n${summarize(reports)}`);
  for (const r of reports) {
    expect({ page: r.name, axe: r.axe }).toEqual({ page: r.name, axe: [] });
    expect({ page: r.name, smallText: r.smallText }).toEqual({ page: r.name, smallText: [] });
    expect({ page: r.name, smallTargets: r.smallTargets }).toEqual({ page: r.name, smallTargets: [] });
    expect({ page: r.name, overflow320: r.overflow320 }).toEqual({ page: r.name, overflow320: 0 });
    expect({ page: r.name, notScaling: r.notScaling }).toEqual({ page: r.name, notScaling: [] });
  }
});

test('the committee takes a resident’s feedback to the council; the resident follows it from their report', async () => {
  const token = await e2e.harness.resident('钱秀兰');
  const created = await e2e.harness.call(api.feedback.submitFeedback, {
    token,
    body: aFeedback({ category: 'environment', title: '望湖小区快递柜旁堆满纸箱', description: '快递柜旁的纸箱没人收，希望定个规矩。' }),
  });
  const feedbackId = created.body.id as string;

  const committee = await e2e.newPage(PHONE, { inject: true });
  await signInStaff(committee, e2e.url);
  await committee.goto(`${e2e.url}/#/packages/admin/detail/index?id=${feedbackId}`);
  await committee.getByRole('heading', { name: '望湖小区快递柜旁堆满纸箱' }).waitFor();
  await committee.getByRole('button', { name: '提交议事会' }).click();
  await committee.getByLabel('议事会', { exact: true }).selectOption({ label: '七彩阳光妇女小组议事会' });
  await committee.getByLabel('建议决定').fill('快递柜旁纸箱每天 19:00 前由物业清走，居民取件后把纸箱压平放入回收点。');
  await measure(committee, 'admin feedback → council');
  await committee.getByRole('button', { name: '提交议事会' }).click();
  // the card now names the motion: the feedback's title, waiting for the chair
  await committee.getByText('社区已将这个问题提交议事会商议：').waitFor();
  await committee.getByText('待安排', { exact: true }).waitFor();
  await committee.getByRole('button', { name: '查看议题' }).click();
  await committee.getByText('来自居民反馈').waitFor();

  const reporter = await e2e.newPage(PHONE, { inject: true });
  await signInByName(reporter, e2e.url, '钱秀兰');
  await reporter.goto(`${e2e.url}/#/pages/feedback/detail/index?id=${feedbackId}`);
  await reporter.getByText('社区已将这个问题提交议事会商议：').waitFor();
  // before the decision only members read the motion: the resident sees where it stands, without a link
  expect(await reporter.getByRole('button', { name: '查看表决结果' }).count()).toBe(0);
  await measure(reporter, 'feedback detail (taken to the council)');
  for (const r of reports.slice(-2)) expect({ page: r.name, axe: r.axe, smallTargets: r.smallTargets }).toEqual({ page: r.name, axe: [], smallTargets: [] });
});

