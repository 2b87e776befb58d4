/**
 * Every page against the bar for people over 60, in a real Chromium on the H5 build: axe (no serious or critical
 * violation), every visible text at least 18 px, every target at least 48 × 48 px (a page's main action 60 px
 * high), no horizontal scroll at 320 px, text that grows with the person's font setting, forms that submit with
 * Enter, detail pages that do not jump while they load, and a page for addresses that do not exist.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { PHONE, gradientPng, layoutShift, measurePage, startE2E, summarize, trackLayoutShifts, type E2E, type PageReport } from './support';

jest.setTimeout(240_000);

let e2e: E2E;
const reports: PageReport[] = [];
let feedbackId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const token = await e2e.harness.resident('王建国');
  const created = await e2e.harness.call(api.feedback.submitFeedback, {
    token,
    body: aFeedback({ title: '小区东门路灯不亮', compound: '青年花园', building: '12栋', phone: '13812345678' }),
  });
  feedbackId = created.body.id as string;
  await e2e.harness.call(api.feedback.submitFeedback, { token, body: aFeedback({ title: '垃圾桶满了没人清', category: 'environment' }) });

  // A resolved report (its page asks 解决了吗？), and one assigned to a steward (their queue and page) with a note.
  const committee = await e2e.harness.staff();
  const stewards = (await e2e.harness.call(api.identity.listStewards, { token: committee })).body.items as { id: string; name: string }[];
  const branches = (await e2e.harness.call(api.identity.listBranches, { token: committee })).body.items as { id: string; name: string }[];
  const prepare = async (title: string, resolve: boolean) => {
    const id = (await e2e.harness.call(api.feedback.submitFeedback, { token, body: aFeedback({ title }) })).body.id as string;
    const move = async (to: string, note?: string) => {
      const { version } = (await e2e.harness.call(api.feedback.getFeedback, { token: committee, params: { id } })).body;
      await e2e.harness.call(api.feedback.transitionFeedback, { token: committee, params: { id }, body: { to, version, note } });
    };
    await move('accepted');
    await e2e.harness.call(api.feedback.assignFeedback, {
      token: committee,
      params: { id },
      body: { branch: branches[0], steward: stewards.find((s) => s.name === '刘玉兰') },
    });
    await e2e.harness.call(api.feedback.addInternalNote, { token: committee, params: { id }, body: { text: '物业电话已打通，明天上午来修' } });
    if (resolve) await move('resolved', '已更换门禁读卡器，请您试一试。');
  };
  await prepare('单元门禁刷不开', true);
  await prepare('楼顶水箱漏水', false);
});

afterAll(async () => {
  await e2e?.close();
});

const measure = async (page: Page, name: string) => {
  const report = await measurePage(page, name);
  reports.push(report);
  return report;
};

/** The sweep. Each step opens a page the way a person does and measures it. */
test('every page meets the bar: axe, text size, target size, 320 px, font setting', async () => {
  const resident = await e2e.newPage(PHONE, { inject: true });
  await resident.goto(e2e.url);
  await resident.getByRole('heading', { name: '欢迎使用「共治」' }).waitFor();
  await measure(resident, 'resident login');

  await resident.getByRole('button', { name: '以「王建国」身份登录' }).click();
  await resident.getByRole('heading', { name: '王建国，您好！' }).waitFor();
  await measure(resident, 'home');

  await resident.getByRole('button', { name: '反映问题' }).click();
  await resident.getByRole('heading', { name: '反映问题' }).waitFor();
  await measure(resident, 'report');

  await resident.goto(`${e2e.url}/#/pages/feedback/mine/index`);
  await resident.getByRole('button', { name: /^小区东门路灯不亮/ }).waitFor();
  await measure(resident, 'my feedback');

  await resident.getByRole('button', { name: /^小区东门路灯不亮/ }).click();
  await resident.getByRole('heading', { name: '小区东门路灯不亮' }).waitFor();
  await measure(resident, 'feedback detail');

  const staff = await e2e.newPage(PHONE, { inject: true });
  await staff.goto(`${e2e.url}/#/packages/admin/login/index`);
  await staff.getByRole('heading', { name: '社区工作人员登录' }).waitFor();
  await measure(staff, 'staff login');

  await staff.getByLabel('账号').fill('committee');
  await staff.getByLabel('密码').fill('Qingnian@2026');
  await staff.getByRole('button', { name: '登录' }).click();
  await staff.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  await staff.getByRole('button', { name: /^小区东门路灯不亮/ }).waitFor();
  await measure(staff, 'staff queue');

  await staff.getByRole('button', { name: /^小区东门路灯不亮/ }).click();
  await staff.getByRole('heading', { name: '小区东门路灯不亮' }).waitFor();
  await staff.getByRole('button', { name: '受理', exact: true }).waitFor();
  await staff.getByLabel('党支部').waitFor();
  await staff.getByRole('button', { name: '选用常用回复' }).click();
  await measure(staff, 'staff detail');

  await staff.goto(`${e2e.url}/#/packages/admin/queue/index`);
  await staff.getByRole('button', { name: '更多筛选' }).click();
  await staff.getByLabel('类别').selectOption({ label: '公共设施' });
  await staff.getByRole('button', { name: '清除筛选' }).waitFor();
  await staff.getByRole('status').filter({ hasText: '正在加载' }).waitFor({ state: 'detached' });
  await measure(staff, 'staff queue (filters)');

  // Loading states are measured too: the text of one held in view.
  await staff.route('**/v1/admin/feedback/stats?*', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue().catch(() => undefined);
  });

  await staff.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '统计' }).click();
  await staff.getByRole('status').filter({ hasText: '正在加载' }).waitFor();
  await measure(staff, 'statistics (loading)');
  await staff.getByRole('img', { name: /收到与解决的反馈条数图/ }).waitFor();
  await staff.unrouteAll();
  await measure(staff, 'statistics');

  await staff.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '小区' }).click();
  await staff.getByRole('heading', { name: /^共 \d+ 个小区$/ }).waitFor();
  await measure(staff, 'compounds');

  await resident.goto(`${e2e.url}/#/pages/feedback/mine/index`);
  await resident.getByRole('button', { name: /^单元门禁刷不开/ }).click();
  await resident.getByRole('heading', { name: '请您评价' }).waitFor();
  await measure(resident, 'detail: rate it');

  // A red steward: the home page with their queue, the report form logging for a resident (with a photo),
  // their queue and a page they work on.
  const steward = await e2e.newPage(PHONE, { inject: true });
  await steward.goto(e2e.url);
  await steward.getByLabel('或输入您的姓名').fill('刘玉兰');
  await steward.getByLabel('或输入您的姓名').press('Enter');
  await steward.getByRole('button', { name: '分派给我的' }).waitFor();
  await measure(steward, 'home (steward)');

  await steward.getByRole('button', { name: '反映问题' }).click();
  await steward.getByRole('switch', { name: '代居民记录' }).check();
  await steward.getByLabel('居民姓名（选填）').fill('赵奶奶');
  await steward.getByLabel('添加照片').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: gradientPng() });
  await steward.getByText('已上传').waitFor();
  await steward.getByRole('button', { name: '提交' }).click();
  await steward.getByText('记录居民姓名或电话前，请先征得本人同意').waitFor();
  await measure(steward, 'report (for a resident)');

  await steward.goto(`${e2e.url}/#/packages/steward/assigned/index`);
  await steward.getByRole('button', { name: /^楼顶水箱漏水/ }).click();
  await steward.getByRole('heading', { name: '楼顶水箱漏水' }).waitFor();
  await steward.getByRole('button', { name: '开始处理' }).waitFor();
  await steward.getByText('物业电话已打通，明天上午来修').waitFor();
  await measure(steward, 'steward detail');
  await steward.getByRole('button', { name: '返回分派给我的' }).click();
  await steward.getByRole('heading', { name: '分派给我的' }).waitFor();
  await steward.getByRole('button', { name: /^楼顶水箱漏水/ }).waitFor();
  await steward.getByRole('button', { name: '查看近 6 个月' }).click();
  await steward.getByRole('heading', { name: '近 6 个月' }).waitFor();
  await measure(steward, 'assigned to me (with the work log)');

  const admin = await e2e.newPage(PHONE, { inject: true });
  await admin.goto(`${e2e.url}/#/packages/admin/login/index`);
  await admin.getByLabel('账号').fill('admin');
  await admin.getByLabel('密码').fill('Admin@2026');
  await admin.getByLabel('密码').press('Enter');
  await admin.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  await admin.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '操作记录' }).click();
  await admin.getByRole('heading', { name: /^\d{4}年\d{1,2}月的操作记录$/ }).waitFor();
  await admin.getByText('分派反馈').filter({ visible: true }).first().waitFor();
  await measure(admin, 'audit trail');

  await resident.goto(`${e2e.url}/#/pages/no-such-page/index`);
  await resident.getByRole('heading', { name: '页面不存在' }).waitFor({ timeout: 5_000 }).catch(() => undefined);
  await measure(resident, 'not found');

  console.log(`Pages against the bar:\n${summarize(reports)}`);
  for (const r of reports) {
    if (r.axe.length) console.log(`${r.name}: axe\n${JSON.stringify(r.axe, null, 2)}`);
    if (r.smallText.length) console.log(`${r.name}: text under 18 px\n${JSON.stringify(r.smallText)}`);
    if (r.smallTargets.length) console.log(`${r.name}: small targets\n${JSON.stringify(r.smallTargets)}`);
    if (r.notScaling.length) console.log(`${r.name}: text that ignores the font setting\n${JSON.stringify(r.notScaling.slice(0, 10))}`);
  }
  for (const r of reports) {
    expect({ page: r.name, axe: r.axe }).toEqual({ page: r.name, axe: [] });
    expect({ page: r.name, smallText: r.smallText }).toEqual({ page: r.name, smallText: [] });
    expect({ page: r.name, smallTargets: r.smallTargets }).toEqual({ page: r.name, smallTargets: [] });
    expect({ page: r.name, overflow320: r.overflow320 }).toEqual({ page: r.name, overflow320: 0 });
    expect({ page: r.name, notScaling: r.notScaling }).toEqual({ page: r.name, notScaling: [] });
  }
});

test("text follows the browser's own font size setting", async () => {
  const page = await e2e.newPage();
  await page.goto(e2e.url);
  const heading = page.getByRole('heading', { name: '欢迎使用「共治」' });
  await heading.waitFor();
  const size = () => page.locator('p.gz-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  // What Chromium's "font size" setting changes: the default size that rem and em start from.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  const after = await size();
  console.log(`Body text: ${before}px at the default font setting, ${after}px with the setting at 32px`);
  expect(before).toBeGreaterThanOrEqual(18);
  expect(after).toBeGreaterThanOrEqual(before * 1.8);
});

test('Enter submits the staff login form and the report form', async () => {
  const staff = await e2e.newPage();
  await staff.goto(`${e2e.url}/#/packages/admin/login/index`);
  await staff.getByLabel('账号').fill('committee');
  await staff.getByLabel('密码').fill('Qingnian@2026');
  await staff.getByLabel('密码').press('Enter');
  await staff.getByRole('heading', { name: '居民反馈受理' }).waitFor();

  const resident = await e2e.newPage();
  await resident.goto(e2e.url);
  await resident.getByRole('button', { name: '以「李秀英」身份登录' }).click();
  await resident.getByRole('button', { name: '反映问题' }).click();
  // An incomplete form: Enter sends it through the same checks as the button.
  await resident.getByLabel('标题').fill('单元门禁坏了');
  await resident.getByLabel('标题').press('Enter');
  await resident.getByText('请选择问题类别').waitFor();
  await resident.getByRole('radio', { name: '公共设施' }).check();
  await resident.getByLabel('问题描述').fill('门禁刷卡没有反应，已经两天了。');
  await resident.getByLabel('小区', { exact: true }).selectOption('青年新苑');
  await resident.getByLabel('楼栋（选填）').press('Enter');
  await resident.getByText('提交成功').waitFor();
  await resident.getByRole('heading', { name: '单元门禁坏了' }).waitFor();
});

test('detail pages keep their place while they load (no layout shift)', async () => {
  /** Opens `path` afresh with the feedback answering after 800 ms (a slow network), and sums the layout shifts. */
  const shiftWhileLoading = async (page: Page, path: string, title: string) => {
    await page.route('**/v1/feedback/*', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await trackLayoutShifts(page);
    await page.goto('about:blank');
    await page.goto(`${e2e.url}/#${path}`);
    await page.getByText('正在加载…').first().waitFor();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.waitForTimeout(300);
    return layoutShift(page);
  };

  const resident = await e2e.newPage();
  await resident.goto(e2e.url);
  await resident.getByRole('button', { name: '以「王建国」身份登录' }).click();
  await resident.getByRole('heading', { name: '王建国，您好！' }).waitFor();
  const residentShift = await shiftWhileLoading(resident, `/pages/feedback/detail/index?id=${feedbackId}`, '小区东门路灯不亮');

  const staff = await e2e.newPage();
  await staff.goto(`${e2e.url}/#/packages/admin/login/index`);
  await staff.getByLabel('账号').fill('committee');
  await staff.getByLabel('密码').fill('Qingnian@2026');
  await staff.getByLabel('密码').press('Enter');
  await staff.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  const staffShift = await shiftWhileLoading(staff, `/packages/admin/detail/index?id=${feedbackId}`, '小区东门路灯不亮');

  console.log(`Layout shift (CLS) while a detail loads: resident ${residentShift.toFixed(3)}, committee ${staffShift.toFixed(3)}`);
  expect(residentShift).toBeLessThan(0.02);
  expect(staffShift).toBeLessThan(0.02);
});

test('an address that does not exist shows 页面不存在 and a way home', async () => {
  const page = await e2e.newPage();
  await page.goto(`${e2e.url}/#/pages/feedback/nothing-here/index`);
  await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  await page.getByRole('button', { name: '返回首页' }).click();
  // Not signed in: the home page sends the person to sign in.
  await page.getByRole('heading', { name: '欢迎使用「共治」' }).waitFor();
});
