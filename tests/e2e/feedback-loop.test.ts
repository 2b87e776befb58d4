/**
 * The whole loop of issue 6, end to end in a real (headless) Chromium on the H5 build: a red steward logs a
 * problem heard from a resident (with a photo) → the committee accepts it, assigns it to a branch and another
 * steward, and keeps an internal note → that steward starts and resolves it → the report's owner sees the news
 * marker, says 没解决 with 2 stars (it reopens) → the committee resolves it again and closes it. And the withdraw
 * flow. Assertions are on what a person sees and on accessible roles and names.
 *
 * A report logged for a resident belongs to the steward who logged it (the resident has no account linked), so
 * the "resident" steps are that steward's: they relay the resident's answer.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { DESKTOP, gradientPng, startE2E, type E2E, signInByName, photoShows } from './support';

jest.setTimeout(240_000);

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const signInStaff = async (page: Page) => {
  await page.goto(`${e2e.url}/#/packages/admin/login/index`);
  await page.getByLabel('账号').fill('committee');
  await page.getByLabel('密码').fill('Qingnian@2026');
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('heading', { name: '居民反馈受理' }).waitFor();
};

const card = (page: Page, title: string, after = '') => page.getByRole('button', { name: new RegExp(`^${title}\\s*，${after}`) });

const TITLE = '5栋楼道扶手松动';
const STEWARD_REPLY = '已请物业把5栋楼道扶手重新固定，请赵奶奶放心上下楼。';
const NOT_SOLVED = '三楼到四楼那一段还是晃';

test('a steward logs it for a resident → the committee assigns it → another steward resolves it → 没解决, 2 stars → the committee closes it', async () => {
  // ── 刘玉兰, a red steward, logs what 赵奶奶 told her on a home visit, with a photo ───────────────────────────
  const logger = await e2e.newPage();
  await signInByName(logger, e2e.url, '刘玉兰');
  await logger.getByRole('button', { name: '反映问题' }).click();
  await logger.getByRole('heading', { name: '反映问题' }).waitFor();
  await logger.getByRole('switch', { name: '代居民记录' }).check();
  await logger.getByRole('radio', { name: '走访入户' }).check();
  await logger.getByLabel('居民姓名（选填）').fill('赵奶奶');
  await logger.getByLabel('居民电话（选填）').fill('139 1234 5678');
  await logger.getByRole('radio', { name: '安全隐患' }).check();
  await logger.getByLabel('标题').fill(TITLE);
  await logger.getByLabel('问题描述').fill('赵奶奶说5栋2单元楼道扶手松了，老人扶着上楼很危险。');
  await logger.getByLabel('小区', { exact: true }).selectOption('青年新苑');
  // A name and a number need the resident's consent: the contract's message, under the box, before sending.
  await logger.getByRole('button', { name: '提交' }).click();
  await logger.getByText('记录居民姓名或电话前，请先征得本人同意').waitFor();
  expect(await logger.getByRole('checkbox', { name: '居民本人同意记录姓名和电话' }).getAttribute('aria-invalid')).toBe('true');
  await logger.getByRole('checkbox', { name: '居民本人同意记录姓名和电话' }).check();

  await logger.getByLabel('添加照片').setInputFiles({ name: 'handrail.png', mimeType: 'image/png', buffer: gradientPng() });
  await logger.getByText('已上传').waitFor();
  expect(await photoShows(logger, '第 1 张照片')).toBe(true);
  await logger.getByLabel('标题').press('Enter');

  const created = logger.getByText(/提交成功！反馈编号 \d{8}-\d{3}/);
  await created.waitFor();
  const ref = /\d{8}-\d{3}/.exec(await created.innerText())![0];
  await logger.getByRole('heading', { name: TITLE }).waitFor();
  await logger.getByText('139****5678').waitFor();
  expect(await photoShows(logger, /现场照片，第 1 张/)).toBe(true);

  // ── The committee, on a desktop: the whole number, who and how, the photo; accept, assign, note ───────────
  const staff = await e2e.newPage(DESKTOP);
  await signInStaff(staff);
  await staff.getByRole('radio', { name: /^待受理（\d+）$/ }).waitFor();
  await card(staff, TITLE).click();
  const detail = staff.getByRole('region', { name: '反馈详情' });
  await detail.getByRole('heading', { name: TITLE }).waitFor();
  await detail.getByText('13912345678').waitFor();
  await detail.getByText('赵奶奶', { exact: true }).waitFor();
  await detail.getByText('走访入户', { exact: true }).waitFor();
  await detail.getByText(ref, { exact: true }).waitFor();
  expect(await photoShows(detail, /现场照片，第 1 张/)).toBe(true);

  // A reply template fills the reply box, to be edited before it is sent.
  await detail.getByRole('button', { name: '选用常用回复' }).click();
  await detail.getByRole('button', { name: '已受理，我们将转交相关党支部跟进。' }).click();
  expect(await detail.getByLabel('给居民的回复').inputValue()).toBe('已受理，我们将转交相关党支部跟进。');
  await detail.getByRole('button', { name: '受理', exact: true }).click();
  await detail.getByText('已更新：当前状态为「已受理」').waitFor();

  await detail.getByRole('button', { name: '分派', exact: true }).click();
  await detail.getByText('请选择党支部或红色小管家').waitFor();
  await detail.getByLabel('党支部').selectOption({ label: '青年新苑第一党支部' });
  await detail.getByLabel('红色小管家').selectOption({ label: '陈志强' });
  await detail.getByRole('button', { name: '分派', exact: true }).click();
  await detail.getByText('已分派给：青年新苑第一党支部、红色小管家 陈志强').waitFor();

  const notes = detail.getByRole('region', { name: '内部备注（居民看不到）' });
  await notes.getByLabel('添加内部备注').fill('赵奶奶上午在家，下午去女儿家');
  await notes.getByLabel('添加内部备注').press('Enter');
  await notes.getByText('赵奶奶上午在家，下午去女儿家').waitFor();
  // The queue card says who follows it up.
  await staff.getByRole('radio', { name: /^已受理（\d+）$/ }).check();
  await card(staff, TITLE).getByText('负责跟进：青年新苑第一党支部、红色小管家 陈志强').waitFor();

  // ── 陈志强, the assigned steward: 分派给我的 → start → resolve with a reply ────────────────────────────────
  const worker = await e2e.newPage();
  await signInByName(worker, e2e.url, '陈志强');
  await worker.getByRole('button', { name: '分派给我的' }).click();
  await worker.getByRole('heading', { name: '分派给我的' }).waitFor();
  await card(worker, TITLE).click();
  await worker.getByRole('heading', { name: TITLE }).waitFor();
  await worker.getByText('赵奶奶上午在家，下午去女儿家').waitFor();
  await worker.getByText('139****5678').waitFor();
  await worker.getByRole('button', { name: '开始处理' }).click();
  await worker.getByText('已更新：当前状态为「处理中」').waitFor();
  await worker.getByRole('button', { name: '标记已解决' }).click();
  await worker.getByText('请先写好给居民的回复').waitFor();
  await worker.getByLabel('给居民的回复').fill(STEWARD_REPLY);
  await worker.getByRole('button', { name: '标记已解决' }).click();
  await worker.getByText('已更新：当前状态为「已解决」').waitFor();

  // ── Its owner sees the news on the home page and on the card, and says it is not solved ───────────────────
  await logger.goto('about:blank');
  await logger.goto(`${e2e.url}/#/pages/home/index`);
  await logger.getByRole('button', { name: '我的反馈（1 条新进展）' }).click();
  await card(logger, TITLE, '\\s*已解决\\s*，\\s*新进展').click();
  await logger.getByRole('heading', { name: '请您评价' }).waitFor();
  await logger.getByText(/^如未评价，将于 \d{1,2}月\d{1,2}日 自动办结$/).waitFor();
  await logger.getByRole('heading', { name: '社区最新回复' }).waitFor();
  await logger.getByText(STEWARD_REPLY).first().waitFor();

  await logger.getByRole('radio', { name: '没解决' }).check();
  await logger.getByRole('radio', { name: '2 星' }).check();
  await logger.getByRole('button', { name: '提交评价' }).click();
  await logger.getByText('请说一说哪里还没有解决').waitFor();
  await logger.getByLabel('哪里还没有解决？').fill(NOT_SOLVED);
  await logger.getByLabel('哪里还没有解决？').press('Enter');
  await logger.getByText('已告诉社区问题还没有解决').waitFor();
  const timeline = await logger.getByRole('list', { name: '办理进度' }).innerText();
  expect(timeline).toContain(`评价：居民反映问题没有解决，满意度 2 星：${NOT_SOLVED}`);
  expect(timeline).toContain('状态改为「处理中」');
  // Opened, it is no longer news.
  await logger.goto('about:blank');
  await logger.goto(`${e2e.url}/#/pages/home/index`);
  await logger.getByRole('button', { name: '我的反馈', exact: true }).waitFor();

  // ── The committee reads the answer, resolves it again and closes it (asked first) ─────────────────────────
  await staff.getByRole('radio', { name: /^处理中（\d+）$/ }).check();
  await card(staff, TITLE).click();
  await detail.getByRole('heading', { name: TITLE }).waitFor();
  await detail.getByText('没解决，满意度 2 星').waitFor();
  await detail.getByLabel('给居民的回复').fill('物业已把三楼到四楼的扶手也加固了。');
  await detail.getByRole('button', { name: '标记已解决' }).click();
  await detail.getByText('已更新：当前状态为「已解决」').waitFor();
  await detail.getByRole('button', { name: '办结' }).click();
  const dialog = staff.getByRole('alertdialog', { name: '确定办结吗？' });
  await dialog.getByRole('button', { name: '办结' }).click();
  await detail.getByText('已更新：当前状态为「已办结」').waitFor();
  await detail.getByText('这条反馈已经结束，不能再分派。').waitFor();

  // ── The stewards' work logs count it: logged by 刘玉兰; assigned to 陈志强, and resolved twice while his ─────
  await worker.goto('about:blank');
  await worker.goto(`${e2e.url}/#/packages/steward/assigned/index`);
  await worker.getByText('本月代居民记录 0 件，分派给我 1 件，已解决 2 件。').waitFor();
  await logger.goto('about:blank');
  await logger.goto(`${e2e.url}/#/packages/steward/assigned/index`);
  await logger.getByText('本月代居民记录 1 件，分派给我 0 件，已解决 0 件。').waitFor();
  await logger.getByRole('button', { name: '查看近 6 个月' }).click();
  await logger.getByRole('list', { name: '近 6 个月' }).getByText('代居民记录').first().waitFor();

  // ── Statistics count it, as a chart, a table and a CSV file for Excel ────────────────────────────────────
  await staff.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '统计' }).click();
  await staff.getByRole('heading', { name: '反馈统计' }).waitFor();
  await staff.getByRole('radio', { name: '按类别' }).check();
  const byCategory = staff.getByRole('table', { name: /各类别的反馈$/ });
  // received once, resolved twice (by the steward, then by the committee after it reopened), rated 2 stars
  await byCategory.getByRole('row', { name: /^安全隐患\s+1\s+2\s+2\.0 星\s+50%$/ }).waitFor();
  await staff.getByRole('img', { name: /各类别收到与解决的反馈条数图：共收到 \d+ 条/ }).waitFor();
  const download = staff.waitForEvent('download');
  await staff.getByRole('button', { name: '导出 CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^反馈统计_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF月份,维度,名称,收到,已解决')).toBe(true);
  expect(csv).toMatch(/,类别,安全隐患,1,2,1,50%,2\.0,1,/);
  expect(csv).toMatch(/,小区,青年新苑,/);
  await staff.getByText(/^已下载「反馈统计_.*\.csv」，可以用 Excel 打开。$/).waitFor();
});

test('a resident withdraws a report the committee has not accepted yet, asked first', async () => {
  const title = '门口快递柜挡路';
  const token = await e2e.harness.resident('李秀英');
  const created = await e2e.harness.call(api.feedback.submitFeedback, { token, body: aFeedback({ title }) });
  expect(created.status).toBe(201);

  const page = await e2e.newPage();
  await page.goto(e2e.url);
  await page.getByRole('button', { name: '以「李秀英」身份登录' }).click();
  await page.getByRole('button', { name: /^我的反馈/ }).click();
  await card(page, title, '\\s*待受理').click();
  await page.getByRole('heading', { name: '不需要社区处理了？' }).waitFor();
  await page.getByLabel('撤回原因（选填）').fill('快递柜已经挪走了');

  // Escape keeps it.
  await page.getByRole('button', { name: '撤回这条反馈' }).click();
  const dialog = page.getByRole('alertdialog', { name: '确定撤回这条反馈吗？' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('待受理', { exact: true }).filter({ visible: true }).first().waitFor();

  await page.getByLabel('撤回原因（选填）').press('Enter');
  await dialog.getByRole('button', { name: '撤回', exact: true }).click();
  await page.getByText('已撤回。社区不会再处理这条反馈。').waitFor();
  expect(await page.getByRole('heading', { name: '不需要社区处理了？' }).count()).toBe(0);
  expect(await page.getByRole('list', { name: '办理进度' }).innerText()).toContain('撤回原因：快递柜已经挪走了');
  await page.getByRole('button', { name: '查看我的全部反馈' }).click();
  await card(page, title, '\\s*已撤回').waitFor();
});
