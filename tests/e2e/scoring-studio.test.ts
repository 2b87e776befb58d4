/**
 * Branch star rating (issue 9) for residents and the Old Secretary Studio, in a real Chromium on the H5 build:
 * a resident opens 党支部星级 from the home page during an announcement (公示) — each branch's star said in words,
 * the distribution, until when it runs, last year's final results — and objects to one branch's star through the
 * feedback form, filled in from the results' objection link; the committee puts an old secretary on the studio's
 * list, invites them, records that they joined (another declines, after a question), and records a session they
 * led: the counts show it. Each new page is held to the bar.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { expectStatus, movePeriod, openPeriod, signInPeople, submitReview, submitSelf, type People } from '../integration/scoring-fixtures';
import { DESKTOP, PHONE, startE2E, type E2E, expectTheBar, confirmDialog, signInStaff } from './support';

jest.setTimeout(300_000);

let e2e: E2E;
let people: People;
const { scoring, feedback } = api;
const PERIOD = '2027年上半年';
const RESIDENT = '王建国';

beforeAll(async () => {
  e2e = await startE2E();
  const h = e2e.harness;
  people = await signInPeople(h);
  // A period of three branches brought to its announcement through the API: 01 ★★★, 02 ★★, 03 ★★★.
  const p = await openPeriod(h, people, { name: PERIOD, startDate: '2027-01-01', endDate: '2027-06-30' });
  for (const [a, token] of [
    [p.a1, people.sec1],
    [p.a2, people.sec2],
    [p.a3, people.sec3],
  ] as const)
    await submitSelf(h, token, a);
  await movePeriod(h, people.committee, p, 'review');
  for (const [a, total, star] of [
    [p.a1, 76, 3],
    [p.a2, 65, 2],
    [p.a3, 79, 3],
  ] as const) {
    await submitReview(h, people.r2, a);
    expectStatus(await h.call(scoring.finaliseScoringAssessment, { token: people.lead, params: { id: a }, body: { total, star, reason: '按复核结果' } }), 200);
  }
  await movePeriod(h, people.committee, p, 'announcement');
});

afterAll(async () => {
  await e2e?.close();
});

test('a resident reads the announced stars and objects to one through the feedback form', async () => {
  const page = await e2e.newPage(PHONE, { inject: true });
  await page.goto(e2e.url);
  await page.getByRole('button', { name: `以「${RESIDENT}」身份登录` }).click();
  await page.getByRole('heading', { name: `${RESIDENT}，您好！` }).waitFor();
  await page.getByRole('navigation', { name: '主要功能' }).getByRole('button', { name: '党支部星级' }).click();
  await page.getByRole('heading', { name: '党支部星级', level: 1 }).waitFor();

  // the latest announced period: still announced, until when, how to object
  await page.getByRole('heading', { name: PERIOD, level: 2 }).waitFor();
  await page.getByText('公示中', { exact: true }).waitFor();
  await page.getByText(/公示到 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}。/).waitFor();
  // the distribution, in words beside the chart
  const dist = page.getByRole('region', { name: '星级分布' });
  await dist.getByRole('img', { name: `${PERIOD}各星级的党支部数，详见下面的文字` }).waitFor();
  expect(await dist.locator('.gz-dl-row').filter({ hasText: '三星' }).innerText()).toMatch(/三星\s*：?\s*2 个党支部/);
  expect(await dist.locator('.gz-dl-row').filter({ hasText: '二星' }).innerText()).toMatch(/二星\s*：?\s*1 个党支部/);
  // each branch's star: the glyphs are hidden from screen readers, the word is read
  await page.getByRole('heading', { name: '各党支部结果（3 个）' }).waitFor();
  const second = page.getByRole('region', { name: '青年新苑第二党支部' });
  await second.getByText('65 分', { exact: false }).waitFor();
  expect(await second.getByText('★★', { exact: true }).getAttribute('aria-hidden')).toBe('true');
  expect(await second.locator('.gz-score-line').innerText()).toMatch(/二星/);
  await second.getByRole('button', { name: '对青年新苑第二党支部的结果提出异议' }).waitFor();
  await expectTheBar(page, 'scoring: results (announcement)');

  // last year's results (the demo): final, nothing to object to
  await page.getByRole('combobox', { name: '评定周期' }).selectOption({ index: 1 });
  await page.getByText('已亮星', { exact: true }).waitFor();
  await page.getByText('公示期已满，这是确定的结果。', { exact: false }).waitFor();
  await page.getByRole('heading', { name: '各党支部结果（17 个）' }).waitFor();
  expect(await page.getByRole('button', { name: /提出异议$/ }).count()).toBe(0);
  await expectTheBar(page, 'scoring: results (final)');
  await page.getByRole('combobox', { name: '评定周期' }).selectOption({ index: 0 });
  await page.getByRole('heading', { name: '各党支部结果（3 个）' }).waitFor();

  // 提出异议: the feedback form, filled in from the objection link
  await page.getByRole('region', { name: '青年新苑第二党支部' }).getByRole('button', { name: '对青年新苑第二党支部的结果提出异议' }).click();
  await page.getByRole('heading', { name: '反映问题', level: 1 }).waitFor();
  await page.getByText('已为您填好类别、标题和描述的开头', { exact: false }).waitFor();
  expect(await page.getByRole('radio', { name: '其他' }).isChecked()).toBe(true);
  const title = '对青年新苑第二党支部星级评定结果的意见';
  expect(await page.getByLabel('标题').inputValue()).toBe(title);
  const start = `关于${PERIOD}青年新苑第二党支部的星级评定公示结果，我的意见是：`;
  expect(await page.getByLabel('问题描述').inputValue()).toBe(start);
  await page.getByLabel('问题描述').fill(`${start}走访记录不全，服务群众一项扣分偏少。`);
  await page.getByLabel('小区', { exact: true }).selectOption('青年新苑');
  await expectTheBar(page, 'feedback form (objection)');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByText('提交成功').waitFor();
  await page.getByRole('heading', { name: title }).waitFor();

  // stored as the resident's feedback, category 其他, with their words
  const token = await e2e.harness.resident(RESIDENT);
  const mine = expectStatus(await e2e.harness.call(feedback.listMyFeedback, { token, query: { limit: 20 } }), 200).items;
  const sent = mine.find((f: any) => f.title === title);
  expect(sent).toMatchObject({ category: 'other', status: 'submitted' });
  const detail = expectStatus(await e2e.harness.call(feedback.getFeedback, { token, params: { id: sent.id } }), 200);
  expect(detail.description).toBe(`${start}走访记录不全，服务群众一项扣分偏少。`);
});

test('the committee puts an old secretary on the studio’s list, invites them, records a session they led, and the counts show it', async () => {
  const admin = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(admin, e2e.url);
  await admin.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '老书记' }).click();
  await admin.getByRole('heading', { name: '老书记工作室', level: 1 }).waitFor();

  // the members first (the demo's three), with what they led
  await admin.getByRole('heading', { name: '工作室成员（3 人）' }).waitFor();
  const wang = admin.getByRole('region', { name: '王建国（工作室成员）' });
  await wang.getByText(/^主题党课 1 次，座谈会 1 次，带教 37 人次$/).waitFor();
  await wang.getByText('身体健康，可参加入户走访').waitFor();
  await expectTheBar(admin, 'admin: studio members');

  // a new old secretary on the list, with health and strengths
  await admin.getByRole('button', { name: '添加老书记' }).click();
  const form = admin.getByRole('form', { name: '添加老书记' });
  await form.getByRole('button', { name: '加入名单' }).click();
  await form.getByText('请填写姓名').waitFor();
  await form.getByRole('textbox', { name: '曾任职务（选填）' }).fill('原青年新苑第三党支部书记');
  await form.getByRole('textbox', { name: '健康状况（选填）' }).fill('身体硬朗，可以讲课');
  await form.getByRole('textbox', { name: '工作特点和专长' }).fill('熟悉党史，擅长讲党课');
  await form.getByRole('textbox', { name: '姓名' }).fill('吴德明');
  await expectTheBar(admin, 'admin: studio member form');
  await form.getByRole('textbox', { name: '姓名' }).press('Enter');
  await admin.getByText('已把 吴德明 加入名单。', { exact: false }).waitFor();
  const wu = (status: string) => admin.getByRole('region', { name: `吴德明（${status}）` });
  await wu('名单中').getByText('身体硬朗，可以讲课').waitFor();

  // invited, then joined (with a note)
  await wu('名单中').getByRole('button', { name: '邀请加入，吴德明' }).click();
  await wu('名单中').getByRole('button', { name: '邀请加入', exact: true }).click();
  await admin.getByText('已记录邀请 吴德明 加入工作室。').waitFor();
  await admin.getByRole('radio', { name: /^已邀请 2$/ }).check();
  await wu('已邀请').getByRole('button', { name: '记录已加入，吴德明' }).click();
  await wu('已邀请').getByRole('textbox', { name: '备注（选填）' }).fill('每月第一周来工作室');
  await wu('已邀请').getByRole('button', { name: '记录已加入', exact: true }).click();
  await admin.getByText('吴德明 已成为工作室成员。').waitFor();

  // another invited one declines: asked first; kept as it was on 取消
  const zhou = (status: string) => admin.getByRole('region', { name: `周德福（${status}）` });
  await zhou('已邀请').getByRole('button', { name: '记录婉拒，周德福' }).click();
  await zhou('已邀请').getByRole('textbox', { name: '备注（选填）' }).fill('腰腿不好，暂不参加');
  await zhou('已邀请').getByRole('button', { name: '记录婉拒', exact: true }).click();
  await confirmDialog(admin, '记录 周德福 婉拒邀请吗？', '取消');
  await zhou('已邀请').waitFor();
  await zhou('已邀请').getByRole('button', { name: '记录婉拒', exact: true }).click();
  await confirmDialog(admin, '记录 周德福 婉拒邀请吗？', '婉拒');
  await admin.getByText('已记录 周德福 婉拒邀请。').waitFor();
  await admin.getByRole('radio', { name: /^婉拒 1$/ }).check();
  await zhou('婉拒').getByText(/腰腿不好，暂不参加$/).waitFor();

  // the details changed
  await admin.getByRole('radio', { name: /^工作室成员 4$/ }).check();
  await wu('工作室成员').getByRole('button', { name: '修改，吴德明' }).click();
  const edit = admin.getByRole('form', { name: '修改 吴德明 的信息' });
  await edit.getByRole('textbox', { name: '工作特点和专长' }).fill('熟悉党史，擅长讲党课、调解纠纷');
  // his account, picked by name among the red stewards and old secretaries
  expect(await wu('工作室成员').getByText('未关联', { exact: true }).count()).toBe(1);
  await edit.getByRole('combobox', { name: /^关联账号/ }).selectOption({ label: '宋金花' });
  await expectTheBar(admin, 'admin: studio member form, linking an account');
  await edit.getByRole('button', { name: '保存' }).click();
  await admin.getByText('已保存 吴德明 的信息。').waitFor();
  await wu('工作室成员').getByText('熟悉党史，擅长讲党课、调解纠纷').waitFor();
  await wu('工作室成员').getByText('已关联：宋金花', { exact: true }).waitFor();
  const stored = expectStatus(await e2e.harness.call(scoring.listStudioMembers, { token: await e2e.harness.staff() }), 200).items.find((m: any) => m.name === '吴德明');
  expect(stored.userId).toEqual(expect.any(String));
  await wu('工作室成员').getByText('还没有主讲过带教活动').waitFor();

  // ── a themed Party lesson he led with 王建国 ─────────────────────────────────────────────────────────────────
  await admin.getByRole('button', { name: '带教活动和次数' }).click();
  await admin.getByRole('heading', { name: '带教活动', level: 1 }).waitFor();
  await admin.getByRole('heading', { name: '主题党课：传承红色基因，做好新时代社区工作' }).waitFor();
  await admin.getByRole('button', { name: '记录带教活动' }).click();
  const session = admin.getByRole('form', { name: '记录一次带教活动' });
  await session.getByRole('button', { name: '记录活动' }).click();
  await session.getByText('请选择主题党课或座谈会').waitFor();
  await session.getByText('请选择主讲的老书记').waitFor();
  await session.getByRole('radio', { name: '主题党课' }).check();
  await session.getByRole('textbox', { name: '主题' }).fill('学习党史，走好群众路线');
  await session.getByRole('checkbox', { name: '吴德明' }).check();
  await session.getByRole('checkbox', { name: '王建国' }).check();
  await session.getByRole('textbox', { name: '参加人数' }).fill('16');
  await session.getByRole('textbox', { name: '参加人姓名（选填）' }).fill('李明、王芳');
  await expectTheBar(admin, 'admin: studio session form');
  await session.getByRole('textbox', { name: '参加人数' }).press('Enter');
  await admin.getByText('已记录主题党课「学习党史，走好群众路线」。').waitFor();
  const card = admin.getByRole('region', { name: '主题党课：学习党史，走好群众路线' });
  expect(await card.locator('.gz-dl-row').filter({ hasText: '主讲' }).innerText()).toMatch(/吴德明、王建国|王建国、吴德明/);
  await card.getByText('李明、王芳').waitFor();
  const counts = admin.getByRole('table', { name: '每位老书记的带教次数' });
  const row = (name: string) => counts.getByRole('row').filter({ has: admin.getByRole('cell', { name, exact: true }) });
  // the counts are read again after the session is saved: wait for them before reading the rows whole
  await row('吴德明').getByRole('cell', { name: '16 人次', exact: true }).waitFor();
  expect(await row('吴德明').getByRole('cell').allInnerTexts()).toEqual(['吴德明', '1 次', '0 次', '16 人次']);
  expect(await row('王建国').getByRole('cell').allInnerTexts()).toEqual(['王建国', '2 次', '1 次', '53 人次']);
  await expectTheBar(admin, 'admin: studio sessions');

  // stored: the session and the counts the list reads
  const h = e2e.harness;
  const members = expectStatus(await h.call(scoring.listStudioMembers, { token: people.committee }), 200).items;
  expect(members.find((m: any) => m.name === '吴德明')).toMatchObject({ status: 'member', strengths: '熟悉党史，擅长讲党课、调解纠纷', counts: { 'party-lesson': 1, symposium: 0, attendees: 16 } });
  expect(members.find((m: any) => m.name === '周德福')).toMatchObject({ status: 'declined', history: expect.arrayContaining([expect.objectContaining({ to: 'declined', note: '腰腿不好，暂不参加' })]) });
  const sessions = expectStatus(await h.call(scoring.listMentoringSessions, { token: people.committee, query: { limit: 10 } }), 200).items;
  expect(sessions[0]).toMatchObject({ kind: 'party-lesson', topic: '学习党史，走好群众路线', attendeeCount: 16, attendees: ['李明', '王芳'] });

  // back to the list: the new counts on his card
  await admin.getByRole('button', { name: '返回老书记名单' }).click();
  await admin.getByRole('heading', { name: '老书记工作室', level: 1 }).waitFor();
  await wu('工作室成员').getByText('主题党课 1 次，座谈会 0 次，带教 16 人次').waitFor();
});
