/**
 * End to end, in a real (headless) Chromium on the H5 build served by the local server:
 * a resident reports a problem → the committee accepts it and resolves it with a reply → the resident reads it.
 * Assertions are on what a person sees and on accessible roles and names, never on internals.
 * (The bundled Chromium has no CJK fonts: text is asserted, pixels never.)
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { aFeedback } from '../support/harness';
import { startE2E, type E2E } from './support';

jest.setTimeout(240_000);

const TITLE = '3栋2单元楼道灯不亮';
const DESCRIPTION = '楼道灯坏了一个星期，晚上老人上下楼看不清，很危险。';
const COMPOUND = '青年新苑';
const REPLY = '已联系物业，今天下午已更换3栋2单元全部楼道灯，请您查看。';

let e2e: E2E;

/** A phone-sized browser of its own: the resident and the committee are different people on different devices. */
const newPhone = (): Promise<Page> => e2e.newPage();

beforeAll(async () => {
  e2e = await startE2E(); // builds the H5 app as production when missing or older than its sources
});

afterAll(async () => {
  await e2e?.close();
});

test('a resident reports a problem, the committee resolves it with a reply, the resident reads the reply', async () => {
  // ── The resident signs in (local dev login) and reports a problem ─────────────────────────────────────────────
  const resident = await newPhone();
  await resident.goto(e2e.url);
  expect(await resident.getAttribute('html', 'lang')).toBe('zh-CN');
  await resident.getByRole('button', { name: '以「王建国」身份登录' }).click();
  await resident.getByRole('heading', { name: '王建国，您好！' }).waitFor();

  await resident.getByRole('button', { name: '反映问题' }).click();
  await resident.getByRole('heading', { name: '反映问题' }).waitFor();

  // Sending an empty form shows what is missing, field by field, before anything is sent.
  await resident.getByRole('button', { name: '提交' }).click();
  await resident.getByText('请选择问题类别').waitFor();
  await resident.getByText('请填写标题').waitFor();
  await resident.getByText('请填写小区').waitFor();
  expect(await resident.getByLabel('标题').getAttribute('aria-invalid')).toBe('true');

  await resident.getByRole('radio', { name: '公共设施' }).check();
  await resident.getByLabel('标题').fill(TITLE);
  await resident.getByLabel('问题描述').fill(DESCRIPTION);
  await resident.getByLabel('小区', { exact: true }).selectOption(COMPOUND);
  await resident.getByLabel('楼栋（选填）').fill('3栋2单元');
  await resident.getByRole('button', { name: '提交' }).click();

  await resident.getByText('提交成功').waitFor();
  await resident.getByRole('heading', { name: TITLE }).waitFor();
  await resident.getByText('待受理').first().waitFor();

  // It is in "我的反馈".
  await resident.getByRole('button', { name: '查看我的全部反馈' }).click();
  await resident.getByRole('heading', { name: '我的反馈' }).waitFor();
  await resident.getByRole('button', { name: new RegExp(`^${TITLE}\\s*，\\s*待受理`) }).waitFor();

  // ── The committee signs in to the admin page and finds it in the queue ────────────────────────────────────────
  const staff = await newPhone();
  await staff.goto(e2e.url);
  await staff.getByRole('button', { name: '社区工作人员入口' }).click();
  await staff.getByRole('heading', { name: '社区工作人员登录' }).waitFor();

  // A wrong password is refused with a clear message.
  await staff.getByLabel('账号').fill('committee');
  await staff.getByLabel('密码').fill('wrong-password');
  await staff.getByRole('button', { name: '登录' }).click();
  await staff.getByText('账号或密码错误').waitFor();

  // Signed in, the owner is first told of the wrong password tried on the account since their last sign-in.
  await staff.getByLabel('密码').fill('Qingnian@2026');
  await staff.getByRole('button', { name: '登录' }).click();
  await staff.getByRole('heading', { name: '安全提醒' }).waitFor();
  await staff.getByText(/有 1 次密码错误的登录尝试/).waitFor();
  await staff.getByRole('button', { name: '知道了，进入管理页面' }).click();
  await staff.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  expect(await staff.getByRole('radio', { name: '待受理' }).isChecked()).toBe(true);

  await staff.getByRole('button', { name: new RegExp(`^${TITLE}\\s*，\\s*待受理`) }).click();
  await staff.getByRole('heading', { name: TITLE }).waitFor();
  await staff.getByText(DESCRIPTION).waitFor();
  await staff.getByText('王建国', { exact: true }).waitFor();

  // Only the moves the status machine allows from 待受理 are offered.
  await staff.getByRole('button', { name: '受理', exact: true }).waitFor();
  await staff.getByRole('button', { name: '不予受理' }).waitFor();
  expect(await staff.getByRole('button', { name: '标记已解决' }).count()).toBe(0);

  // ── Accept, then resolve with a reply ─────────────────────────────────────────────────────────────────────────
  await staff.getByRole('button', { name: '受理', exact: true }).click();
  await staff.getByText('已更新：当前状态为「已受理」').waitFor();

  // Resolving needs a reply: the page says so before sending anything.
  await staff.getByRole('button', { name: '标记已解决' }).click();
  await staff.getByText('请先填写给居民的回复').waitFor();

  await staff.getByLabel('给居民的回复').fill(REPLY);
  await staff.getByRole('button', { name: '标记已解决' }).click();
  await staff.getByText('已更新：当前状态为「已解决」').waitFor();
  await staff.getByRole('list', { name: '办理进度' }).getByText(REPLY).waitFor();

  // ── The resident opens the feedback and reads the reply ──────────────────────────────────────────────────────
  await resident.getByRole('button', { name: '刷新' }).click();
  await resident.getByRole('button', { name: new RegExp(`^${TITLE}\\s*，\\s*已解决`) }).click();
  await resident.getByRole('heading', { name: TITLE }).waitFor();
  await resident.getByRole('heading', { name: '社区最新回复' }).waitFor();
  await resident.getByRole('list', { name: '办理进度' }).getByText(REPLY).waitFor();
  // The status tag next to "当前状态" (pages left behind stay in the DOM, hidden: only what is visible counts).
  await resident.getByText('已解决', { exact: true }).filter({ visible: true }).first().waitFor();
  const progress = await resident.getByRole('list', { name: '办理进度' }).innerText();
  expect(progress).toContain('状态改为「已解决」');
  expect(progress).toContain('状态改为「已受理」');
  expect(progress).toContain('社区工作人员 陈静');
});

/** Precondition through the API (the first test covers the form): a resident's feedback, returned as its id. */
const seedFeedback = async (reporter: string, title: string): Promise<string> => {
  const created = await e2e.harness.call(api.feedback.submitFeedback, {
    token: await e2e.harness.resident(reporter),
    body: aFeedback({ category: 'noise', title, description: '晚上十点后还有电钻声。', compound: '紫云小区' }),
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
};

test('the committee is told when someone else changed the feedback first, and is asked before refusing it', async () => {
  const title = '楼上晚上装修噪音';
  const id = await seedFeedback('李秀英', title);

  // Sign in with the keyboard only: label → Tab → Tab → Enter.
  const first = await newPhone();
  await first.goto(`${e2e.url}/#/packages/admin/login/index`);
  await first.getByLabel('账号').focus();
  await first.keyboard.type('committee');
  await first.keyboard.press('Tab');
  await first.keyboard.type('Qingnian@2026');
  await first.keyboard.press('Tab');
  expect(await first.evaluate(() => document.activeElement?.textContent)).toBe('登录');
  await first.keyboard.press('Enter');
  await first.getByRole('heading', { name: '居民反馈受理' }).waitFor();

  // Two staff pages open the same feedback (same browser, same staff session).
  const second = await first.context().newPage();
  await second.goto(`${e2e.url}/#/packages/admin/detail/index?id=${id}`);
  await second.getByRole('heading', { name: title }).waitFor();
  await first.goto(`${e2e.url}/#/packages/admin/detail/index?id=${id}`);
  await first.getByRole('heading', { name: title }).waitFor();

  await first.getByRole('button', { name: '受理', exact: true }).click();
  await first.getByText('已更新：当前状态为「已受理」').waitFor();

  // The other page still shows 待受理: its move is refused, it says why and shows the fresh state.
  await second.getByRole('button', { name: '受理', exact: true }).click();
  await second.getByText('这条反馈刚被其他人修改过').waitFor();
  await second.getByRole('button', { name: '开始处理' }).waitFor();
  await second.getByText('已受理', { exact: true }).filter({ visible: true }).first().waitFor();

  // Refusing asks first, in a dialog; Escape keeps everything as it was.
  await second.getByLabel('给居民的回复').fill('经核实属于物业管理范围，已转交物业公司处理。');
  await second.getByRole('button', { name: '不予受理' }).click();
  const dialog = second.getByRole('alertdialog', { name: '确定不予受理吗？' });
  await dialog.waitFor();
  await second.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await second.getByRole('button', { name: '开始处理' }).waitFor();

  await second.getByRole('button', { name: '不予受理' }).click();
  await dialog.getByRole('button', { name: '不予受理' }).click();
  await second.getByText('已更新：当前状态为「不予受理」').waitFor();
  await second.getByText('这条反馈当前为「不予受理」，无需再处理。').waitFor();
  expect(await second.getByRole('button', { name: '开始处理' }).count()).toBe(0);
});

test('after five wrong passwords a staff sign-in must wait, and the page says how long', async () => {
  const page = await newPhone();
  await page.goto(`${e2e.url}/#/packages/admin/login/index`);
  await page.getByLabel('账号').fill('admin');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('账号或密码错误').waitFor();
    await page.getByRole('button', { name: '登录' }).waitFor();
  }
  // Even the right password is not checked now.
  await page.getByLabel('密码').fill('Admin@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText(/尝试次数过多，请 30 秒后再试/).waitFor();
});
