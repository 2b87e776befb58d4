/**
 * Red stewards' work as its people use it (issue 12), in a real Chromium on the H5 build: a steward opens their
 * households (the longest waiting first), records a visit with a need found, turns the need into feedback for the
 * resident in one step, records help given; the committee reads the month's coverage per steward, the household
 * list with names masked, and a household's record with the visit. Every page is measured against the bar.
 */
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, measurePage, startE2E, summarize, type E2E, type PageReport } from './support';

jest.setTimeout(240_000);

let e2e: E2E;
const reports: PageReport[] = [];

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const measure = async (page: Page, name: string) => reports.push(await measurePage(page, name));

test('a steward records a visit, turns its need into feedback and records help; the committee sees coverage and the record', async () => {
  // ── The steward: their households, a visit, the need as feedback, help ─────────────────────────────────────
  const steward = await e2e.newPage(PHONE, { inject: true });
  await steward.goto(e2e.url);
  await steward.getByLabel('或输入您的姓名').fill('刘玉兰');
  await steward.getByLabel('或输入您的姓名').press('Enter');
  await steward.getByRole('heading', { name: '刘玉兰，您好！' }).waitFor();
  await steward.getByRole('button', { name: '走访入户' }).click();
  await steward.getByRole('heading', { name: '我负责的住户' }).waitFor();
  await steward.getByText(/^3 户，其中 \d 户超过 30 天未走访$/).waitFor();
  await measure(steward, 'my households');

  const first = steward.getByRole('list', { name: '我负责的住户' }).getByRole('button').first();
  const name = (await first.locator('.gz-item-title').innerText()).replace(/，$/, '').trim();
  await first.click();
  await steward.getByRole('heading', { name, level: 1 }).waitFor();
  await steward.getByText('走访记录（3 次）').waitFor();
  await measure(steward, 'household record (steward)');

  await steward.getByRole('button', { name: '记录走访' }).click();
  await steward.getByRole('button', { name: '保存走访记录' }).click();
  await steward.getByText('请填写交谈内容').waitFor();
  await steward.getByLabel('交谈内容').fill('老人说最近腿脚不便，下楼困难。');
  await steward.getByLabel('发现的需求（选填）').fill('3楼楼道扶手松动，需要维修');
  await measure(steward, 'record a visit');
  await steward.getByRole('button', { name: '保存走访记录' }).click();
  await steward.getByText(/^已记录 \d{4}-\d{2}-\d{2} 的走访。$/).waitFor();
  await steward.getByText('走访记录（4 次）').waitFor();

  await steward.getByRole('button', { name: '登记为反馈' }).first().click();
  await steward.getByLabel('问题类别').selectOption({ label: '公共设施' });
  await steward.getByRole('button', { name: '提交反馈' }).click();
  await steward.getByText(/^已登记为反馈（编号 \d{8}-\d{3}），社区会受理。$/).waitFor();
  await steward.getByText('发现的需求：3楼楼道扶手松动，需要维修（已登记为反馈）').waitFor();

  await steward.getByRole('button', { name: '记录帮扶' }).click();
  await steward.getByRole('radio', { name: '民生服务' }).check();
  await steward.getByLabel('帮扶内容').fill('联系物业加固扶手，陪同老人下楼取药');
  await steward.getByLabel('时长（小时）').fill('1.5');
  await measure(steward, 'record help');
  await steward.getByLabel('时长（小时）').press('Enter');
  await steward.getByText('已记录民生服务。').waitFor();
  await steward.getByText(/· 民生服务 · 1\.5 小时$/).first().waitFor();

  // ── The committee: coverage, the masked list, the record ───────────────────────────────────────────────────
  const committee = await e2e.newPage(DESKTOP, { inject: true });
  await committee.goto(`${e2e.url}/#/packages/admin/login/index`);
  await committee.getByLabel('账号').fill('committee');
  await committee.getByLabel('密码').fill('Qingnian@2026');
  await committee.getByRole('button', { name: '登录' }).click();
  await committee.getByRole('heading', { name: '居民反馈受理' }).waitFor();
  await committee.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '走访' }).click();
  await committee.getByRole('heading', { name: '走访情况' }).waitFor();
  const row = committee.getByRole('row', { name: /^刘玉兰 / });
  await row.waitFor();
  // the visit and the help just recorded are this month's
  await row.getByRole('cell', { name: /^[1-9]\d*（[1-9]\d* 户）$/ }).waitFor();
  await measure(committee, 'coverage');

  await committee.getByRole('button', { name: '走访住户名单' }).click();
  await committee.getByRole('heading', { name: '走访住户', level: 1 }).waitFor();
  await committee.getByLabel('红色小管家', { exact: true }).selectOption({ label: '刘玉兰' });
  const masked = `${[...name][0]}**`;
  const card = committee.getByRole('button', { name: new RegExp(masked.replace(/\*/g, '\\*')) }).first();
  await card.waitFor();
  expect(await committee.getByRole('list', { name: '住户' }).innerText()).not.toContain(name);
  await measure(committee, 'households (masked)');
  await card.click();
  await committee.getByText(name, { exact: true }).waitFor();
  await committee.getByText('老人说最近腿脚不便，下楼困难。').waitFor();
  await measure(committee, 'household record (committee)');

  console.log(`Stewards' pages against the bar:\n${summarize(reports)}`);
  for (const r of reports) {
    expect({ page: r.name, axe: r.axe }).toEqual({ page: r.name, axe: [] });
    expect({ page: r.name, smallText: r.smallText }).toEqual({ page: r.name, smallText: [] });
    expect({ page: r.name, smallTargets: r.smallTargets }).toEqual({ page: r.name, smallTargets: [] });
    expect({ page: r.name, overflow320: r.overflow320 }).toEqual({ page: r.name, overflow320: 0 });
    expect({ page: r.name, notScaling: r.notScaling }).toEqual({ page: r.name, notScaling: [] });
  }
});
