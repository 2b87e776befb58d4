/**
 * Red stewards' work as its people use it (issue 12), in a real Chromium on the H5 build: a steward opens their
 * households (the longest waiting first), records a visit with a need found and a photo, turns the need into
 * feedback for the resident in one step, records help given; the committee reads the month's coverage per steward
 * (a chart of visits and help beside the table), the household list with names masked, and a household's record
 * with the visit and its photo. Every page is measured against the bar.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { DESKTOP, PHONE, gradientPng, measurePage, startE2E, summarize, type E2E, type PageReport, signInStaff, photoShows } from './support';

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

/** The image is there and its bytes arrived (a signed URL that works). */

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
  // a photo of the handrail, uploaded as soon as it is picked
  await steward.getByLabel('添加照片').setInputFiles({ name: 'handrail.png', mimeType: 'image/png', buffer: gradientPng() });
  await steward.getByText('已上传').waitFor();
  expect(await photoShows(steward, '第 1 张照片')).toBe(true);
  await measure(steward, 'record a visit');
  await steward.getByRole('button', { name: '保存走访记录' }).click();
  await steward.getByText(/^已记录 \d{4}-\d{2}-\d{2} 的走访（1 张照片）。$/).waitFor();
  await steward.getByText('走访记录（4 次）').waitFor();
  // the record shows it through a signed URL
  await steward.getByRole('heading', { name: /^\d{4}-\d{2}-\d{2} 走访照片（1 张）$/ }).waitFor();
  expect(await photoShows(steward, /^\d{4}-\d{2}-\d{2} 走访照片，第 1 张，共 1 张$/)).toBe(true);
  await measure(steward, 'household record with a visit photo');

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
  await signInStaff(committee, e2e.url);
  await committee.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '走访' }).click();
  await committee.getByRole('heading', { name: '走访情况' }).waitFor();
  const row = committee.getByRole('row', { name: /^刘玉兰 / });
  await row.waitFor();
  // the visit and the help just recorded are this month's
  await row.getByRole('cell', { name: /^[1-9]\d*（[1-9]\d* 户）$/ }).waitFor();
  // the month's visits and help as charts, per steward and per compound, each summed up in one sentence
  const stewardsChart = committee.getByRole('img', { name: /^\d{4}年\d{1,2}月各红色小管家的走访和帮扶次数图：共走访 [1-9]\d* 次，帮扶 [1-9]\d* 次，每项的数字见下表。$/ });
  await stewardsChart.waitFor();
  await stewardsChart.getByText('刘玉兰', { exact: true }).waitFor();
  await committee.getByRole('img', { name: /^\d{4}年\d{1,2}月各小区的走访和帮扶次数图：/ }).waitFor();
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
  expect(await photoShows(committee, /^\d{4}-\d{2}-\d{2} 走访照片，第 1 张，共 1 张$/)).toBe(true);
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

test('opinion collection: a resident answers, a steward records answers gathered on a visit, the committee reads the results', async () => {
  const staff = await e2e.harness.staff();
  const draft = await e2e.harness.call(api.stewards.createSurvey, {
    token: staff,
    body: {
      title: '广场舞时间安排意见',
      intro: '请说说晚间广场舞几点结束合适。',
      questions: [
        { kind: 'choice', text: '晚上广场舞几点结束合适？', options: ['20:00', '20:30', '21:00'] },
        { kind: 'text', text: '其他建议', optional: true },
      ],
    },
  });
  const survey = draft.body as { id: string; version: number };
  await e2e.harness.call(api.stewards.moveSurvey, { token: staff, params: { id: survey.id }, body: { to: 'open', version: survey.version } });
  const before = reports.length;

  const resident = await e2e.newPage(PHONE, { inject: true });
  await resident.goto(e2e.url);
  await resident.getByLabel('或输入您的姓名').fill('王建国');
  await resident.getByLabel('或输入您的姓名').press('Enter');
  await resident.getByRole('button', { name: '民意征集' }).click();
  await resident.getByRole('button', { name: /^广场舞时间安排意见/ }).click();
  await resident.getByRole('heading', { name: '广场舞时间安排意见' }).waitFor();
  await resident.getByRole('button', { name: '提交' }).click();
  await resident.getByText('请选择一项').waitFor();
  await resident.getByRole('radio', { name: '20:30' }).check();
  await resident.getByLabel('您住的小区').selectOption('青年新苑');
  await resident.getByLabel('2. 其他建议（选填）').fill('周末可以晚半小时');
  await measure(resident, 'answer a survey');
  await resident.getByRole('button', { name: '提交' }).click();
  await resident.getByText('谢谢您的意见！社区会认真研究。').waitFor();

  const steward = await e2e.newPage(PHONE, { inject: true });
  await steward.goto(e2e.url);
  await steward.getByLabel('或输入您的姓名').fill('杨秀珍');
  await steward.getByLabel('或输入您的姓名').press('Enter');
  await steward.getByRole('heading', { name: '杨秀珍，您好！' }).waitFor();
  await steward.goto(`${e2e.url}/#/packages/opinions/answer/index?id=${survey.id}`);
  await steward.getByRole('switch', { name: /代居民记录/ }).check();
  for (const choice of ['20:00', '20:30']) {
    await steward.getByRole('radio', { name: choice }).check();
    await steward.getByLabel('居民住的小区').selectOption('望湖小区');
    await steward.getByRole('button', { name: '记录这份意见' }).click();
    await steward.getByText(/^已记录第 \d 份意见，可以接着记录下一份。$/).waitFor();
  }
  await measure(steward, 'record gathered answers');

  const committee = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(committee, e2e.url);
  await committee.goto(`${e2e.url}/#/packages/admin/surveys/index`);
  await committee.getByRole('button', { name: /^广场舞时间安排意见/ }).click();
  await committee.getByText('共 3 份回答：居民自己回答 1 份，红色小管家代为记录 2 份。').waitFor();
  await committee.getByRole('img', { name: /^共 3 人回答：20:00 1 人，20:30 2 人，21:00 0 人/ }).waitFor();
  await committee.getByRole('row', { name: /^望湖小区 1 1 0$/ }).waitFor();
  await committee.getByText('周末可以晚半小时').waitFor();
  await measure(committee, 'survey results');

  for (const r of reports.slice(before)) {
    expect({ page: r.name, axe: r.axe }).toEqual({ page: r.name, axe: [] });
    expect({ page: r.name, smallText: r.smallText, smallTargets: r.smallTargets, overflow320: r.overflow320 }).toEqual({ page: r.name, smallText: [], smallTargets: [], overflow320: 0 });
  }
});

