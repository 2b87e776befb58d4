/**
 * The committee's workspace (components/admin/AdminShell + packages/admin/sections.ts), in a real Chromium on
 * the H5 build: on a desktop the navigation by capability stays on the left and the queue shows the selected
 * feedback beside it; on a phone the queue opens each feedback as its own page, as before. Sign-out asks first.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { DESKTOP, PHONE, measurePage, startE2E, summarize, type E2E, expectTheBar, signInStaff } from './support';

jest.setTimeout(240_000);

let e2e: E2E;
const FIRST = '单元门口积水';
const SECOND = '健身器材松动';
const THIRD = '楼道堆放杂物';
const FOURTH = '车棚顶漏雨';

beforeAll(async () => {
  e2e = await startE2E();
  const token = await e2e.harness.resident('张桂兰');
  for (const title of [FIRST, SECOND, THIRD, FOURTH]) {
    const created = await e2e.harness.call(api.feedback.submitFeedback, { token, body: aFeedback({ title }) });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await e2e?.close();
});

const card = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${title}\\s*，`) });

test('at 1280 px: navigation by capability, and the selected feedback beside the queue', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(page, e2e.url);

  // Only the sections that exist (反馈, its statistics, the compounds), the current one marked.
  const nav = page.getByRole('navigation', { name: '管理功能' });
  await nav.getByRole('button', { name: '反馈' }).waitFor();
  expect(await nav.getByRole('button').allInnerTexts()).toEqual(['反馈', '统计', '舞队', '议事会', '走访', '星级评定', '老书记', '小区']);
  expect(await nav.getByRole('button', { name: '反馈' }).getAttribute('aria-current')).toBe('page');
  await page.getByText('已登录：社区工作人员 陈静').waitFor();

  const detail = page.getByRole('region', { name: '反馈详情' });
  await detail.getByText('在左边的列表中点选一条反馈').waitFor();

  await card(page, FIRST).click();
  await detail.getByRole('heading', { name: FIRST }).waitFor();
  // Still the queue page, with the list beside the detail.
  expect(page.url()).toContain('/packages/admin/queue/index');
  expect(await card(page, FIRST).getAttribute('aria-current')).toBe('true');
  const navBox = (await nav.boundingBox())!;
  const listBox = (await card(page, SECOND).boundingBox())!;
  const detailBox = (await detail.boundingBox())!;
  expect(navBox.x + navBox.width).toBeLessThanOrEqual(listBox.x);
  expect(listBox.x + listBox.width).toBeLessThanOrEqual(detailBox.x);
  expect(await card(page, SECOND).isVisible()).toBe(true);

  const report = await measurePage(page, 'queue + detail @1280');
  console.log(summarize([report]));
  expect(report.axe).toEqual([]);
  expect(report.smallText).toEqual([]);
  expect(report.smallTargets).toEqual([]);
  expect(report.overflow320).toBe(0);
  expect(report.notScaling).toEqual([]);

  // Acting on it beside the list: the list follows (accepted feedback leaves the 待受理 queue).
  await detail.getByRole('button', { name: '受理', exact: true }).click();
  await detail.getByText('已更新：当前状态为「已受理」').waitFor();
  await card(page, FIRST).waitFor({ state: 'detached' });

  await card(page, SECOND).click();
  await detail.getByRole('heading', { name: SECOND }).waitFor();

  // Signing out asks first; 取消 keeps the person signed in.
  await page.getByRole('button', { name: '退出登录' }).click();
  const dialog = page.getByRole('alertdialog', { name: '确定退出登录吗？' });
  await dialog.waitFor();
  const dialogReport = await measurePage(page, 'sign-out dialog @1280');
  console.log(summarize([dialogReport]));
  expect(dialogReport.axe).toEqual([]);
  expect(dialogReport.smallText).toEqual([]);
  expect(dialogReport.notScaling).toEqual([]);
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  await page.getByRole('button', { name: '退出登录' }).click();
  await dialog.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '社区工作人员登录' }).waitFor();
});

test('at 390 px: the queue opens the feedback as its own page, and back', async () => {
  const page = await e2e.newPage(PHONE);
  await signInStaff(page, e2e.url);
  // The sections as a row of buttons above the page.
  expect(await page.getByRole('navigation', { name: '管理功能' }).getByRole('button').allInnerTexts()).toEqual(['反馈', '统计', '舞队', '议事会', '走访', '星级评定', '老书记', '小区']);
  expect(await page.getByRole('region', { name: '反馈详情' }).count()).toBe(0);

  await card(page, SECOND).click();
  await page.getByRole('heading', { name: SECOND, level: 1 }).waitFor();
  expect(page.url()).toContain('/packages/admin/detail/index?id=');
  await page.getByRole('button', { name: '返回反馈列表' }).click();
  await page.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  await card(page, SECOND).waitFor();
});

test('at 1280 px: several cards chosen in the queue are assigned at once', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(page, e2e.url);
  await page.getByRole('radio', { name: /^待受理（\d+）$/ }).check();
  await page.getByRole('button', { name: '批量分派' }).click();
  expect(await page.getByRole('button', { name: '批量分派' }).getAttribute('aria-pressed')).toBe('true');
  const bulk = page.getByRole('region', { name: '批量分派' });
  await bulk.getByText('请在下面的列表里勾选要分派的反馈。').waitFor();
  await page.getByRole('checkbox', { name: `选中「${THIRD}」` }).check();
  await page.getByRole('checkbox', { name: `选中「${FOURTH}」` }).check();
  await bulk.getByText('已选 2 条反馈。').waitFor();
  await bulk.getByLabel('党支部').waitFor();
  await expectTheBar(page, 'bulk assignment @1280');

  await bulk.getByRole('button', { name: '分派所选（2 条）' }).click();
  await bulk.getByText('请选择党支部或红色小管家').waitFor();
  await bulk.getByLabel('党支部').selectOption({ label: '芙蓉小区党支部' });
  await bulk.getByRole('button', { name: '分派所选（2 条）' }).click();
  await bulk.getByText('已把 2 条反馈分派给：芙蓉小区党支部。').waitFor();
  for (const title of [THIRD, FOURTH]) await card(page, title).getByText('负责跟进：芙蓉小区党支部').waitFor();
  await bulk.getByText('请在下面的列表里勾选要分派的反馈。').waitFor();
});

test('the admin reads the audit trail: a table at 1280 px, a list at 390 px; the committee has no such section', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(page, e2e.url, 'admin', 'Admin@2026');
  const nav = page.getByRole('navigation', { name: '管理功能' });
  await nav.getByRole('button', { name: '操作记录' }).click();
  await page.getByRole('heading', { name: '操作记录', level: 1 }).waitFor();
  expect(await nav.getByRole('button', { name: '操作记录' }).getAttribute('aria-current')).toBe('page');
  const table = page.getByRole('table', { name: /^\d{4}年\d{1,2}月的操作记录$/ });
  await table.waitFor();
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['时间', '操作', '操作人', '对象', '变更', '来源地址']);
  // Newest first: the admin's own sign-in heads the month; the committee's acts are in it, in words.
  expect(await table.getByRole('row').nth(1).innerText()).toContain('工作人员登录');
  await table.getByRole('row', { name: /变更反馈状态.*待受理 → 已受理/ }).first().waitFor();
  await table.getByRole('row', { name: /分派反馈.*党支部 芙蓉小区党支部/ }).first().waitFor();
  await expectTheBar(page, 'audit trail @1280');

  const phone = await e2e.newPage(PHONE);
  await signInStaff(phone, e2e.url, 'admin', 'Admin@2026');
  await phone.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '操作记录' }).click();
  await phone.getByRole('list', { name: /的操作记录$/ }).getByText('分派反馈').first().waitFor();
  expect(await phone.getByRole('table').count()).toBe(0);

  // The committee's workspace has no 操作记录; the page itself says it is not theirs.
  const committee = await e2e.newPage(DESKTOP);
  await signInStaff(committee, e2e.url);
  expect(await committee.getByRole('navigation', { name: '管理功能' }).getByRole('button').allInnerTexts()).toEqual(['反馈', '统计', '舞队', '议事会', '走访', '星级评定', '老书记', '小区']);
  await committee.goto(`${e2e.url}/#/packages/admin/audit/index`);
  await committee.getByText('只有系统管理员可以查看操作记录。').waitFor();
});

test('the committee keeps the compounds list; the report form offers it, with 其他 for a place not on it', async () => {
  const page = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(page, e2e.url);
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '小区' }).click();
  const list = page.getByRole('list', { name: /^共 \d+ 个小区$/ });
  await list.waitFor();
  const before = await list.getByRole('listitem').count();

  await page.getByLabel('新增小区').fill('青年新苑');
  await page.getByLabel('新增小区').press('Enter');
  await page.getByText('小区名称不能重复').waitFor();
  await page.getByLabel('新增小区').fill('滨河新村');
  await page.getByLabel('新增小区').press('Enter');
  await page.getByRole('button', { name: '把「滨河新村」上移' }).click();
  // Removing asks first; 保留 keeps it.
  await page.getByRole('button', { name: '删除「丽景苑」' }).click();
  await page.getByRole('alertdialog', { name: '删除「丽景苑」吗？' }).getByRole('button', { name: '保留' }).click();
  await page.getByRole('button', { name: '删除「丽景苑」' }).click();
  await page.getByRole('alertdialog', { name: '删除「丽景苑」吗？' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '保存名单' }).click();
  await page.getByText(`已保存，共 ${before} 个小区。`).waitFor();
  const names = await list.getByRole('listitem').locator('.gz-item-title').allInnerTexts();
  expect(names.slice(-2)).toEqual(['翠竹园', '滨河新村']);
  expect(names).not.toContain('丽景苑');

  // A colleague who read the list before the save is told, and shown the saved list.
  const stale = await e2e.harness.call(api.identity.updateCompounds, { token: await e2e.harness.staff(), body: { names: ['甲'], version: 0 } });
  expect(stale.status).toBe(409);

  const resident = await e2e.newPage(PHONE);
  await resident.goto(e2e.url);
  await resident.getByRole('button', { name: '以「王建国」身份登录' }).click();
  await resident.getByRole('button', { name: '反映问题' }).click();
  const compound = resident.getByLabel('小区', { exact: true });
  await compound.locator('option', { hasText: '滨河新村' }).waitFor({ state: 'attached' });
  expect(await compound.locator('option').allInnerTexts()).not.toContain('丽景苑');
  await compound.selectOption({ label: '其他（不在列表中）' });
  await resident.getByLabel('小区名称').fill('丽景苑');
});

test('a session that ends while a report is typed: signing in again returns to the form with everything kept', async () => {
  const page = await e2e.newPage(PHONE);
  await page.goto(e2e.url);
  await page.getByRole('button', { name: '以「李秀英」身份登录' }).click();
  await page.getByRole('button', { name: '反映问题' }).click();
  await page.getByRole('radio', { name: '环境卫生' }).check();
  await page.getByLabel('标题').fill('垃圾站周末没人清运');
  await page.getByLabel('问题描述').fill('周六周日垃圾堆到路边。');
  await page.getByLabel('小区', { exact: true }).selectOption('望湖小区');
  // The session runs out (here: its token is spoiled, so the server answers 401 as it would for an old one).
  await page.evaluate(() => {
    const key = 'gongzhi.session.resident';
    localStorage.setItem(key, localStorage.getItem(key)!.replace(/"token":"[^"]+"/, '"token":"expired"'));
  });
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('heading', { name: '欢迎使用「共治」' }).waitFor();
  await page.getByRole('button', { name: '以「李秀英」身份登录' }).click();

  await page.getByRole('heading', { name: '反映问题' }).waitFor();
  await page.getByText('已恢复您上次没有提交的内容').waitFor();
  expect(await page.getByLabel('标题').inputValue()).toBe('垃圾站周末没人清运');
  expect(await page.getByLabel('问题描述').inputValue()).toBe('周六周日垃圾堆到路边。');
  expect(await page.getByLabel('小区', { exact: true }).inputValue()).toBe('望湖小区');
  expect(await page.getByRole('radio', { name: '环境卫生' }).isChecked()).toBe(true);
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText(/提交成功/).waitFor();
  // Sent, the draft is gone: a new form starts empty.
  await page.goto(`${e2e.url}/#/pages/feedback/new/index`);
  await page.getByRole('heading', { name: '反映问题' }).waitFor();
  expect(await page.getByLabel('标题').inputValue()).toBe('');
});

test('a deep link into the workspace leads through the sign-in to that page', async () => {
  const page = await e2e.newPage(DESKTOP);
  await page.goto(`${e2e.url}/#/packages/admin/stats/index`);
  await page.getByRole('heading', { name: '社区工作人员登录' }).waitFor();
  await page.getByLabel('账号').fill('committee');
  await page.getByLabel('密码').fill('Qingnian@2026');
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('heading', { name: '反馈统计' }).waitFor();
});

test('a reply being written survives a resize across 1024 px and a reload; once sent it is gone', async () => {
  const title = '路灯白天也亮着';
  await e2e.harness.call(api.feedback.submitFeedback, { token: await e2e.harness.resident('张桂兰'), body: aFeedback({ title }) });
  const page = await e2e.newPage(DESKTOP);
  await signInStaff(page, e2e.url);
  await card(page, title).click();
  const detail = page.getByRole('region', { name: '反馈详情' });
  await detail.getByLabel('给居民的回复').fill('明天上午安排人清理积水。');
  await page.setViewportSize(PHONE);
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await card(page, title).click();
  expect(await detail.getByLabel('给居民的回复').inputValue()).toBe('明天上午安排人清理积水。');
  await detail.getByRole('button', { name: '受理', exact: true }).click();
  await detail.getByText('已更新：当前状态为「已受理」').waitFor();
  await page.reload();
  await page.getByRole('radio', { name: /^已受理（\d+）$/ }).check();
  await card(page, title).click();
  expect(await detail.getByLabel('给居民的回复').inputValue()).toBe('');
});
