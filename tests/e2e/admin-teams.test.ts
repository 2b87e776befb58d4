/**
 * The committee's 舞队 section (packages/admin/teams, team, venues, dance-rules, timetable and the review in
 * teams-review), in a real Chromium on the H5 build with the demo community and its teams: the review queue with
 * counts, a team beside the list on a desktop and on its own page on a phone, approving (the registration number
 * appears), a refusal the server explains (the venue is full), asking for changes with a reason, linking a noise
 * complaint, adding a venue (and being told when a colleague saved first), publishing new rules, and the venues'
 * week. Each page is held to the bar (axe, 18 px text, 48 px targets, 320 px, the font setting).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { DESKTOP, PHONE, startE2E, type E2E, expectTheBar, signInStaff } from './support';

jest.setTimeout(240_000);

let e2e: E2E;
let noiseRef: string;
let lakesideId: string;

/** Filed by a new resident at 紫云小区健身广场 (one team at a time), on the evening the demo's waiting team wants too. */
const DAWN = '晨光舞队';
/** Registered here beside 朝阳舞蹈队 at the central square; the square is then made smaller (over its capacity). */
const STARLIGHT = '星光舞队';
const WAITING = '紫云彩虹舞队';
const NOISE = '晚上广场音乐声太大';
/** Two teams in one stretch, in the server's order (by id). */
const BOTH = /(朝阳舞蹈队、星光舞队|星光舞队、朝阳舞蹈队)（2 支，超出容量 1 支）$/;

/** A leader files a team, accepts the rules in force and submits it (the steps the residents' pages take). */
const fileTeam = async (leader: string, body: Record<string, unknown>) => {
  const token = await e2e.harness.resident(leader);
  const draft = await e2e.harness.call(api.teams.createTeamDraft, { token, body });
  expect(draft.status).toBe(201);
  const accepted = await e2e.harness.call(api.teams.acceptDanceRules, { token, params: { id: draft.body.id }, body: { rulesVersion: 1 } });
  expect(accepted.status).toBe(200);
  const submitted = await e2e.harness.call(api.teams.submitTeam, { token, params: { id: draft.body.id }, body: { version: accepted.body.version } });
  expect(submitted.status).toBe(200);
  return submitted.body as { id: string; version: number };
};

beforeAll(async () => {
  e2e = await startE2E();
  const staff = await e2e.harness.staff();
  const venues = (await e2e.harness.call(api.teams.listVenues, { token: staff })).body.items as { id: string; name: string; version: number; [k: string]: unknown }[];
  const ziyun = venues.find((v) => v.name === '紫云小区健身广场')!;
  const center = venues.find((v) => v.name === '青年新苑中心广场')!;
  lakesideId = venues.find((v) => v.name === '望湖小区文化广场')!.id;

  await fileTeam('钱玉珍', {
    name: DAWN,
    phone: '13900551122',
    venueId: ziyun.id,
    slots: [{ day: 2, start: '18:30', end: '19:30' }],
    expectedSize: 10,
    usesLoudspeaker: false,
  });

  // a second team on Monday evenings at the central square, registered; then the square is made smaller
  const star = await fileTeam('孔令芳', {
    name: STARLIGHT,
    phone: '13900553344',
    venueId: center.id,
    slots: [{ day: 1, start: '19:30', end: '20:30' }],
    expectedSize: 8,
    usesLoudspeaker: true,
    volumeLimitDb: 55,
    volumeCommitment: '小音箱，55 分贝以内',
  });
  const approved = await e2e.harness.call(api.teams.decideTeam, { token: staff, params: { id: star.id }, body: { to: 'approved', version: star.version } });
  expect(approved.status).toBe(200);
  const { id, createdAt, updatedAt, version, ...centerFields } = center;
  const smaller = await e2e.harness.call(api.teams.updateVenue, { token: staff, params: { id }, body: { ...centerFields, capacity: 1, version } });
  expect(smaller.status).toBe(200);

  const noise = await e2e.harness.call(api.feedback.submitFeedback, {
    token: await e2e.harness.resident('张桂兰'),
    body: aFeedback({ category: 'noise', title: NOISE, description: '周二晚上紫云小区健身广场音乐声很大，影响休息。', compound: '紫云小区' }),
  });
  expect(noise.status).toBe(201);
  noiseRef = noise.body.ref;
});

afterAll(async () => {
  await e2e?.close();
});

const openTeams = async (page: Page) => {
  await signInStaff(page, e2e.url);
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '舞队' }).click();
  await page.getByRole('heading', { name: '舞队备案审核', level: 1 }).waitFor();
};

const card = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${name}\\s*，`) });

test('at 1280 px: the queue with counts, the waiting team beside it, approved with a registration number', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await openTeams(page);
  expect(await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '舞队' }).getAttribute('aria-current')).toBe('page');
  expect(await page.getByRole('radio', { name: '待审核（2）' }).isChecked()).toBe(true);
  await page.getByRole('radio', { name: '已备案（4）' }).waitFor();
  for (const name of ['场地管理', '广场舞规章', '场地时间表', '导出名单']) await page.getByRole('button', { name, exact: true }).waitFor();

  // The demo's waiting team: its card says where, who and how far the rules are.
  const waiting = card(page, WAITING);
  expect(await waiting.innerText()).toMatch(/紫云小区健身广场[\s\S]*队长 黄丽华 · 3 人[\s\S]*全部 3 人已确认第 1 版规章[\s\S]*没有噪音投诉/);
  const detail = page.getByRole('region', { name: '舞队详情' });
  await detail.getByText('在左边的列表中点选一支舞队').waitFor();
  await waiting.click();
  await detail.getByRole('heading', { name: WAITING, level: 2 }).waitFor();
  expect(page.url()).toContain('/packages/admin/teams/index');
  expect(await waiting.getAttribute('aria-current')).toBe('true');
  // The filing, whole: the phone number, the slots in words, the loudspeaker and the commitment.
  await detail.getByText('13805516677').waitFor();
  await detail.getByText('周二 18:30–19:30、周六 08:30–10:00').waitFor();
  await detail.getByText('使用音响，音量不超过 55 分贝').waitFor();
  await detail.getByRole('heading', { name: '队员（3 人）' }).waitFor();
  await detail.getByText('时段检查：各时段都在场地允许的时间内，场地也有空位。').waitFor();
  await detail.getByRole('heading', { name: '备案记录' }).waitFor();
  expect(await detail.getByRole('button', { name: '批准备案' }).getAttribute('class')).toContain('gz-btn--primary');
  await detail.getByRole('button', { name: '退回修改' }).waitFor();
  await detail.getByRole('button', { name: '不予备案' }).waitFor();
  await expectTheBar(page, 'teams + review @1280');

  // Refusing asks first; 取消 changes nothing.
  await detail.getByLabel('理由（队长会看到）').fill('测试：先不决定');
  await detail.getByRole('button', { name: '不予备案' }).click();
  const ask = page.getByRole('alertdialog', { name: `确定对「${WAITING}」不予备案吗？` });
  await ask.waitFor();
  await ask.getByRole('button', { name: '取消' }).click();
  await ask.waitFor({ state: 'detached' });
  await detail.getByLabel('理由（队长会看到）').fill('');

  await detail.getByLabel('备案有效期').selectOption({ label: '2 年' });
  await detail.getByRole('button', { name: '批准备案' }).click();
  await detail.getByText(/^已批准备案。备案编号 青年-WD-\d{4}-\d{3}，有效期至 \d{4}年\d{1,2}月\d{1,2}日。$/).waitFor();
  await detail.getByRole('heading', { name: '备案登记' }).waitFor();
  await detail.getByText(/有效期至 \d{4}年\d{1,2}月\d{1,2}日（有效）/).waitFor();
  // approved, it leaves the review queue, and the counts follow
  await waiting.waitFor({ state: 'detached' });
  await page.getByRole('radio', { name: '待审核（1）' }).waitFor();
  await page.getByRole('radio', { name: '已备案（5）' }).waitFor();
});

test('at 390 px: a team opens as its own page; the server’s refusal is said in words; changes are asked for with a reason; a noise complaint is linked', async () => {
  const page = await e2e.newPage(PHONE, { inject: true });
  await openTeams(page);
  expect(await page.getByRole('region', { name: '舞队详情' }).count()).toBe(0);
  await card(page, DAWN).click();
  await page.getByRole('heading', { name: DAWN, level: 1 }).waitFor();
  expect(page.url()).toContain('/packages/admin/team/index?id=');
  await expectTheBar(page, 'team page @390');

  // 紫云小区健身广场 holds one team, and 紫云彩虹舞队 now dances there on Tuesday evenings: the check says so
  // before anyone decides, and the server's refusal says so in words.
  await page.getByText(/^周二 18:30–19:30：.*场地已有 1 支队伍/).waitFor();
  await page.getByRole('button', { name: '批准备案' }).click();
  // (the server names the first quarter hour it found full)
  await page.getByRole('alert').filter({ hasText: /周二 18:30–18:45.*场地已/ }).first().waitFor();

  // Asking for changes needs the reason the leader reads.
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByText('请先填写理由，再点「退回修改」').waitFor();
  const reason = '周二晚上紫云小区健身广场已有紫云彩虹舞队，请改到其他时间后重新提交。';
  await page.getByLabel('理由（队长会看到）').fill(reason);
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByText('已退回修改，队长会看到您填写的理由，修改后可以重新提交。').waitFor();
  await page.getByText(`理由：${reason}`).waitFor();
  await page.getByText('已退回队长修改，队长重新提交后才能再审核。').waitFor();

  // A noise complaint, by the reference number the feedback cards show.
  await page.getByLabel('反馈编号').fill('20260101-999');
  await page.getByLabel('反馈编号').press('Enter');
  await page.getByText('没有找到编号为 20260101-999 的“噪音扰民”类反馈').waitFor();
  await page.getByLabel('反馈编号').fill(noiseRef);
  await page.getByLabel('备注（选填）').fill('周二晚上音乐声大');
  await page.getByLabel('反馈编号').press('Enter');
  await page.getByText(`已关联投诉「${NOISE}」。`).waitFor();
  await page.getByRole('heading', { name: '噪音投诉（1 条）' }).waitFor();
  await page.getByRole('button', { name: `查看投诉「${NOISE}」` }).waitFor();

  await page.getByRole('button', { name: '返回舞队列表' }).click();
  await page.getByRole('heading', { name: '舞队备案审核', level: 1 }).waitFor();
  await page.getByRole('radio', { name: '需修改（1）' }).check();
  expect(await card(page, DAWN).innerText()).toContain('噪音投诉 1 条');
});

test('a colleague decided first: the page says so and shows the team as it is now; suspending asks first; reinstated with a reason', async () => {
  const page = await e2e.newPage(DESKTOP);
  await openTeams(page);
  await page.getByRole('radio', { name: /^已备案/ }).check();
  await card(page, '夕阳红舞蹈队').click();
  const detail = page.getByRole('region', { name: '舞队详情' });
  await detail.getByRole('heading', { name: '夕阳红舞蹈队', level: 2 }).waitFor();
  // the demo's noise complaint about the central square is linked to it
  await detail.getByRole('heading', { name: '噪音投诉（1 条）' }).waitFor();

  // Another member of staff suspends it meanwhile.
  const staff = await e2e.harness.staff();
  const approved = (await e2e.harness.call(api.teams.listTeamQueue, { token: staff, query: { status: 'approved', limit: 50 } })).body.items;
  const id: string = approved.find((t: { name: string }) => t.name === '夕阳红舞蹈队').id;
  const team = (await e2e.harness.call(api.teams.getTeam, { token: staff, params: { id } })).body;
  const other = await e2e.harness.call(api.teams.decideTeam, { token: staff, params: { id }, body: { to: 'suspended', reason: '多次噪音投诉，暂停整改', version: team.version } });
  expect(other.status).toBe(200);

  await detail.getByLabel('理由（队长会看到）').fill('21:00 后仍播放音乐');
  await detail.getByRole('button', { name: '暂停活动' }).click();
  await page.getByRole('alertdialog', { name: '确定暂停「夕阳红舞蹈队」的活动吗？' }).getByRole('button', { name: '暂停活动' }).click();
  await detail.getByText('这支队伍的信息刚被修改过（队员、时段或状态），已为您刷新，请查看最新内容后再操作。').waitFor();
  await detail.getByText('理由：多次噪音投诉，暂停整改').waitFor();
  // what was typed stays (it may still be meant); emptied, reinstating asks for a reason
  expect(await detail.getByLabel('理由（队长会看到）').inputValue()).toBe('21:00 后仍播放音乐');
  await detail.getByLabel('理由（队长会看到）').fill('');
  await detail.getByRole('button', { name: '恢复活动' }).click();
  await detail.getByText('请先填写理由，再点「恢复活动」').waitFor();
  await detail.getByLabel('理由（队长会看到）').fill('已整改，音量控制在承诺范围内');
  await detail.getByRole('button', { name: '恢复活动' }).click();
  await detail.getByText('已恢复活动，队长会在备案记录中看到您填写的理由。').waitFor();
  await detail.getByText(/有效期至 .*（有效）/).waitFor();
});

test('the venues: a new one with two ranges and a season; a colleague’s save is never overwritten', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await openTeams(page);
  await page.getByRole('button', { name: '场地管理' }).click();
  await page.getByRole('heading', { name: '场地管理', level: 1 }).waitFor();
  await page.getByRole('list', { name: '共 3 个场地' }).waitFor();
  await page.getByRole('button', { name: '新增场地' }).click();
  await page.getByRole('heading', { name: '新增场地', level: 2 }).waitFor();

  await page.getByRole('textbox', { name: '场地名称' }).fill('滨河小广场');
  await page.getByRole('combobox', { name: '可同时容纳的队伍数' }).selectOption({ label: '2 支' });
  await page.getByRole('textbox', { name: '允许时间第 1 段结束' }).fill('11:30');
  await page.getByRole('button', { name: '允许时间添加一段时间' }).click();
  await page.getByRole('textbox', { name: '允许时间第 2 段开始' }).fill('14:30');
  await page.getByRole('textbox', { name: '允许时间第 2 段结束' }).fill('14:00');
  await page.getByRole('button', { name: '添加季节规则' }).click();
  await page.getByRole('textbox', { name: '第 1 条季节规则的名称' }).fill('夏季');
  const months = page.getByRole('group', { name: '夏季适用的月份' });
  for (const m of ['6月', '7月', '8月']) await months.getByRole('checkbox', { name: m }).check();
  await page.getByRole('textbox', { name: '夏季第 1 段开始' }).fill('6:30');
  await page.getByRole('textbox', { name: '夏季第 1 段结束' }).fill('2130');
  await expectTheBar(page, 'venue form @1280');

  // Enter saves; a range that ends before it starts is named where it is typed.
  await page.getByRole('textbox', { name: '场地名称' }).press('Enter');
  await page.getByText('结束时间须晚于开始时间').waitFor();
  await page.getByRole('textbox', { name: '允许时间第 2 段结束' }).fill('20:30');
  await page.getByRole('textbox', { name: '场地名称' }).press('Enter');
  await page.getByText('已添加场地「滨河小广场」。').waitFor();
  const list = page.getByRole('list', { name: '共 4 个场地' });
  const added = list.getByRole('listitem').filter({ hasText: '滨河小广场' });
  await added.getByText('07:00–11:30、14:30–20:30').waitFor();
  await added.getByText('夏季：6、7、8月 06:30–21:30').waitFor();
  await expectTheBar(page, 'venues @1280');

  // A colleague changes 望湖小区文化广场 while it is open here: the save is refused, theirs is shown.
  await page.getByRole('button', { name: '修改「望湖小区文化广场」' }).click();
  await page.getByRole('heading', { name: '修改场地：望湖小区文化广场' }).waitFor();
  const staff = await e2e.harness.staff();
  const lakeside = (await e2e.harness.call(api.teams.listVenues, { token: staff })).body.items.find((v: { id: string }) => v.id === lakesideId);
  const { id, createdAt, updatedAt, version, ...fields } = lakeside;
  expect((await e2e.harness.call(api.teams.updateVenue, { token: staff, params: { id }, body: { ...fields, note: '文化站门前，周一闭馆', version } })).status).toBe(200);
  await page.getByRole('combobox', { name: '可同时容纳的队伍数' }).selectOption({ label: '3 支' });
  await page.getByRole('button', { name: '保存修改' }).click();
  await page.getByText('其他工作人员刚刚修改了这个场地，下面是最新的内容，请在此基础上重新修改。').waitFor();
  expect(await page.getByRole('textbox', { name: '备注（选填）' }).inputValue()).toBe('文化站门前，周一闭馆');
  expect(await page.getByRole('combobox', { name: '可同时容纳的队伍数' }).inputValue()).toBe('1');
  // Leaving with changes asks first.
  await page.getByRole('combobox', { name: '可同时容纳的队伍数' }).selectOption({ label: '2 支' });
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await page.getByRole('alertdialog', { name: '放弃这次修改吗？' }).getByRole('button', { name: '放弃' }).click();
  await page.getByRole('list', { name: '共 4 个场地' }).waitFor();
});

test('the dance rules: the version in force, and a new one published after a warning', async () => {
  const page = await e2e.newPage(PHONE, { inject: true });
  await openTeams(page);
  await page.getByRole('button', { name: '广场舞规章' }).click();
  await page.getByRole('heading', { name: '广场舞规章', level: 1 }).waitFor();
  await page.getByRole('heading', { name: '现行规章（第 1 版）' }).waitFor();
  await page.getByText('青年社区广场舞活动规章').first().waitFor();
  await expectTheBar(page, 'dance rules @390');

  const text = page.getByRole('textbox', { name: '规章内容' });
  await text.fill(`${await text.inputValue()}\n八、音响朝向广场中央，不朝向住宅楼。`);
  await page.getByRole('button', { name: '发布第 2 版' }).click();
  const ask = page.getByRole('alertdialog', { name: '发布第 2 版规章吗？' });
  await ask.getByText(/每一位队员都要重新阅读并确认新版规章/).waitFor();
  await ask.getByRole('button', { name: '发布' }).click();
  await page.getByText('已发布第 2 版规章，队员打开小程序时会被请求重新确认。').waitFor();
  await page.getByRole('heading', { name: '现行规章（第 2 版）' }).waitFor();
  await page.getByText('八、音响朝向广场中央，不朝向住宅楼。', { exact: false }).first().waitFor();

  // Every team is asked again: a registered team now shows who has not accepted.
  await page.getByRole('button', { name: '返回舞队列表' }).click();
  await page.getByRole('radio', { name: /^已备案/ }).check();
  expect(await card(page, '朝阳舞蹈队').innerText()).toMatch(/0\/7 人已确认第 2 版规章/);
});

test('the timetable: a week table with headers at 1280 px, over the capacity said in words; a list per day at 390 px', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await openTeams(page);
  await page.getByRole('button', { name: '场地时间表' }).click();
  await page.getByRole('heading', { name: '场地时间表', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: '场地' }).selectOption({ label: '青年新苑中心广场' });
  const table = page.getByRole('table', { name: '青年新苑中心广场的一周' });
  await table.waitFor();
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['时间', '周一', '周二', '周三', '周四', '周五', '周六', '周日']);
  // Monday 19:30–20:30: 朝阳舞蹈队 and 星光舞队, one more than the square now holds.
  const monday = table.getByRole('row', { name: /^19:30–20:30/ });
  expect(await monday.getByRole('cell').first().innerText()).toMatch(BOTH);
  expect(await table.getByRole('row', { name: /^19:00–19:30/ }).getByRole('cell').nth(1).innerText()).toBe('夕阳红舞蹈队（1 支）');
  await page.getByText(/周一有时段超出容量/).waitFor();
  await page.getByRole('list', { name: '在这里活动的舞队' }).getByText(STARLIGHT).waitFor();
  await expectTheBar(page, 'timetable @1280');

  const phone = await e2e.newPage(PHONE, { inject: true });
  await openTeams(phone);
  await phone.getByRole('button', { name: '场地时间表' }).click();
  await phone.getByRole('combobox', { name: '场地' }).selectOption({ label: '青年新苑中心广场' });
  await phone.getByRole('heading', { name: '周一', level: 3 }).waitFor();
  expect(await phone.getByRole('table').count()).toBe(0);
  await phone.getByRole('listitem').filter({ hasText: /^19:30–20:30/ }).filter({ hasText: BOTH }).waitFor();
  await expectTheBar(phone, 'timetable @390');
});

test('the list of registered teams downloads as CSV', async () => {
  const page = await e2e.newPage(DESKTOP);
  await openTeams(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名单' }).click()]);
  await page.getByText(/^已下载「.+\.csv」，可以用 Excel 打开。$/).waitFor();
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF队伍名称')).toBe(true);
  expect(csv).toContain(WAITING);
});
