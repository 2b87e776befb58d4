/**
 * Branch star rating (星级党支部创评, issue 9) as its people use it, in a real Chromium on the H5 build: the committee
 * has opened a period (set up through the API) → the branch's secretary claims the place with the code the
 * committee gave, self-assesses with a deduction (the total and star move as they tick) and submits → the deduction
 * is on the problem list and gets a rectification measure → a reviewer reviews (the difference from the
 * self-assessment is marked) and submits beside a second reviewer → the lead sets the final score and star →
 * the committee sees it on the period's board and in the distribution. Each new page is held to the bar.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { CRITERIA, expectStatus, userIdOf } from '../integration/scoring-fixtures';
import { DESKTOP, PHONE, gradientPng, startE2E, type E2E, expectTheBar, confirmDialog, signInByName, signInStaff } from './support';

jest.setTimeout(300_000);

let e2e: E2E;
const { scoring } = api;
const PERIOD = '2027年度创评';
const SECRETARY = '何秀英';
const REVIEWER = '欧阳明';
const REVIEWER2 = '司马兰';
const LEAD = '诸葛红';
let periodId: string;
let assessmentId: string;
let branchName: string;
let claimCode: string;
let staff: string;

beforeAll(async () => {
  e2e = await startE2E();
  const h = e2e.harness;
  staff = await h.staff();
  const [r1, r2, lead] = await Promise.all([h.resident(REVIEWER), h.resident(REVIEWER2), h.resident(LEAD)]);
  const created = expectStatus(
    await h.call(scoring.createScoringPeriod, { token: staff, body: { name: PERIOD, startDate: '2027-01-01', endDate: '2027-12-31', branchIds: ['01', '02'] } }),
    201,
  );
  periodId = created.id;
  let version = created.version;
  const b1 = created.branches.find((b: any) => b.id === '01');
  assessmentId = b1.assessmentId;
  branchName = b1.name;
  // branch 01's secretary gets a code (the committee does not know her account); branch 02's is known
  let p = expectStatus(await h.call(scoring.assignScoringSecretary, { token: staff, params: { id: periodId }, body: { branchId: '01', name: SECRETARY, version } }), 200);
  claimCode = p.branches.find((b: any) => b.id === '01').secretary.claimCode;
  version = p.version;
  const other = await h.resident('马桂芝');
  p = expectStatus(await h.call(scoring.assignScoringSecretary, { token: staff, params: { id: periodId }, body: { branchId: '02', name: '马桂芝', userId: userIdOf(other), version } }), 200);
  const members = [
    { name: REVIEWER, userId: userIdOf(r1), branchIds: ['01', '02'] },
    { name: REVIEWER2, userId: userIdOf(r2), branchIds: ['01', '02'] },
    { name: LEAD, userId: userIdOf(lead), branchIds: [], lead: true },
  ];
  p = expectStatus(await h.call(scoring.setScoringWorkingGroup, { token: staff, params: { id: periodId }, body: { members, version: p.version } }), 200);
  expectStatus(await h.call(scoring.createScoringKeyTasks, { token: staff, params: { id: periodId }, body: { branchIds: ['01'], title: '为老旧小区加装电梯收集居民意见' } }), 201);
  expectStatus(await h.call(scoring.moveScoringPeriod, { token: staff, params: { id: periodId }, body: { to: 'self-assessment', version: p.version } }), 200);
});

afterAll(async () => {
  await e2e?.close();
});

/** Scores every criterion but `except` through the API (as if saved on earlier days), full marks. */
const scoreRest = async (token: string, as: 'self' | 'review', except: string, id = assessmentId) => {
  const assessmentId = id;
  const h = e2e.harness;
  let version = as === 'self' ? expectStatus(await h.call(scoring.getScoringAssessment, { token, params: { id: assessmentId } }), 200).version : 0;
  for (const criterionId of CRITERIA.filter((c) => c !== except)) {
    const endpoint = as === 'self' ? scoring.saveScoringSelfEntry : scoring.saveScoringReviewEntry;
    const r = expectStatus(await h.call(endpoint, { token, params: { id: assessmentId }, body: { criterionId, deductions: [], version } }), 200);
    version = as === 'self' ? r.version : r.reviews.mine.version;
  }
};

test('claim → self-assess with a deduction → submit → rectify → review → final star → the board', async () => {
  // ── The secretary claims her place with the code ─────────────────────────────────────────────────────────────
  const sec = await e2e.newPage(PHONE, { inject: true });
  await signInByName(sec, e2e.url, SECRETARY);
  // no scoring work yet: the quiet link to enter a code, not a main entry
  expect(await sec.getByRole('navigation', { name: '主要功能' }).getByRole('button', { name: '支部创评' }).count()).toBe(0);
  await expectTheBar(sec, 'home (no scoring work)');
  await sec.getByRole('button', { name: '支部创评认领码' }).click();
  await sec.getByRole('heading', { name: '支部创评', level: 1 }).waitFor();
  await sec.getByText('您还没有创评工作').waitFor();
  await expectTheBar(sec, 'scoring: my work (none)');
  await sec.getByRole('textbox', { name: '认领码' }).fill(claimCode.toLowerCase());
  await sec.getByRole('textbox', { name: '认领码' }).press('Enter');
  await sec.getByText(`认领成功：您是「${PERIOD}」${branchName}的支部书记。`).waitFor();
  const card = sec.getByRole('button', { name: new RegExp(`^${branchName}`) });
  await card.waitFor();
  await expectTheBar(sec, 'scoring: my work');

  // Earlier days: every criterion but one saved with full marks.
  const secToken = await e2e.harness.resident(SECRETARY);
  await scoreRest(secToken, 'self', 'party-rules');

  // ── Self-assessment: the total follows the ticks; saved; submitted after a confirmation ──────────────────────
  await card.click();
  await sec.getByRole('heading', { name: branchName, level: 1 }).waitFor();
  await sec.screenshot({ path: '/tmp/scoring-shots/self-assessment-top.png' }).catch(() => undefined);
  const live = sec.getByRole('status').filter({ hasText: '总分' });
  await live.getByText('总分 100 分 · 推荐 ★★★★ 四星').waitFor();
  await live.getByText(/还有 1 个指标没有评分/).waitFor();
  const crit = sec.getByRole('region', { name: '严格落实党建工作制度' });
  await crit.getByText('满分 10 分 · 现得 10 分 · 未评').waitFor();
  await crit.getByRole('checkbox', { name: '未按期召开支部大会（扣 2 分/次，最多 2 次）' }).check();
  await live.getByText('总分 98 分 · 推荐 ★★★★ 四星').waitFor();
  await live.getByText(/有 1 项改动还没保存/).waitFor();
  await crit.getByRole('combobox', { name: '「未按期召开支部大会」的次数' }).selectOption('2');
  await live.getByText('总分 96 分 · 推荐 ★★★★ 四星').waitFor();
  await crit.getByRole('textbox', { name: '自评说明' }).fill('上半年支部大会推迟两次');
  await crit.getByText('满分 10 分 · 现得 6 分 · 未评').waitFor();
  // evidence: a photo of the meeting notice, uploaded and linked as it is picked
  await crit.getByLabel('添加佐证照片').setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: gradientPng() });
  await sec.getByText('已添加「严格落实党建工作制度」的佐证照片。').waitFor();
  await crit.getByText('佐证照片（1 张）').waitFor();
  await crit.getByRole('img', { name: '「严格落实党建工作制度」的第 1 张佐证照片' }).waitFor();
  // the unsaved ticks survived the reload that brought the photo
  await crit.getByText('满分 10 分 · 现得 6 分 · 未评').waitFor();
  await expectTheBar(sec, 'scoring: self-assessment (editing)');
  // a tick elsewhere, not saved yet, survives saving this criterion
  const education = sec.getByRole('region', { name: '党员教育管理' });
  await education.getByRole('checkbox', { name: '无年度学习计划（扣 2 分）' }).check();
  await sec.getByRole('button', { name: /^保存本项（得 6 分），严格落实党建工作制度/ }).click();
  await crit.getByText('满分 10 分 · 现得 6 分 · 已保存').waitFor();
  expect(await education.getByRole('checkbox', { name: '无年度学习计划（扣 2 分）' }).isChecked()).toBe(true);
  await live.getByText(/有 1 项改动还没保存/).waitFor();
  await education.getByRole('checkbox', { name: '无年度学习计划（扣 2 分）' }).uncheck();
  await live.getByText('所有指标都已评分。', { exact: false }).waitFor();
  await sec.getByText('所有指标都已评分：总分 96 分，推荐 ★★★★ 四星。').waitFor();
  await sec.getByRole('button', { name: '提交自评', exact: true }).click();
  await confirmDialog(sec, '确定提交自评吗？', '提交自评');
  await sec.getByText('自评已提交。扣分的项目已列入问题清单，请添加整改措施。').waitFor();

  // ── The deduction is a problem; a rectification measure and its progress ─────────────────────────────────────
  await sec.getByRole('heading', { name: '问题清单（1 个）' }).waitFor();
  await sec.getByRole('heading', { name: '未按期召开支部大会', level: 3 }).waitFor();
  await sec.getByText('运行质效 · 严格落实党建工作制度 · 扣 4 分（2 次）').waitFor();
  await sec.getByRole('button', { name: '添加整改措施：未按期召开支部大会' }).click();
  await sec.getByRole('textbox', { name: '整改措施' }).fill('每季度第一周召开支部大会，提前一周通知');
  await sec.getByRole('textbox', { name: '责任人' }).fill(SECRETARY);
  await sec.getByRole('textbox', { name: '整改期限' }).fill('2027-03-31');
  await sec.getByRole('textbox', { name: '整改期限' }).press('Enter');
  await sec.getByText('已为「未按期召开支部大会」添加整改措施。').waitFor();
  await sec.getByText('每季度第一周召开支部大会，提前一周通知').waitFor();
  await sec.getByText(`责任人 ${SECRETARY} · 期限 2027年3月31日 · 整改中`).waitFor();
  await sec.getByRole('button', { name: '记录进展：每季度第一周召开支部大会，提前一周通知' }).click();
  await sec.getByRole('textbox', { name: '进展情况' }).fill('已召开第一季度支部大会');
  await sec.getByRole('button', { name: '保存进展' }).click();
  await sec.getByText('已记录整改进展。').waitFor();
  await sec.getByText(/已召开第一季度支部大会/).waitFor();
  // the key task the committee handed the branch: its plan
  await sec.getByRole('button', { name: '填写计划：为老旧小区加装电梯收集居民意见' }).click();
  await sec.getByRole('textbox', { name: '「为老旧小区加装电梯收集居民意见」的计划' }).fill('11 月入户走访 3 栋楼');
  await sec.getByRole('button', { name: '保存计划' }).click();
  await sec.getByText('已保存「为老旧小区加装电梯收集居民意见」的计划。').waitFor();
  await expectTheBar(sec, 'scoring: submitted, problem list');
  // the submitted self-assessment, read only, with its evidence
  const summary = sec.getByRole('region', { name: '支部自评明细（96 分）' });
  await summary.getByText('严格落实党建工作制度：6/10 分').waitFor();
  await summary.getByText('扣分：未按期召开支部大会 × 2').waitFor();
  await summary.getByRole('img', { name: '「严格落实党建工作制度」的第 1 张佐证照片' }).waitFor();

  // ── The committee starts the review; the second reviewer's review is in ──────────────────────────────────────
  const h = e2e.harness;
  const period = expectStatus(await h.call(scoring.getScoringPeriod, { token: staff, params: { id: periodId } }), 200);
  // branch 02 submits too, so the period can move on
  const other = await h.resident('马桂芝');
  const a2 = period.branches.find((b: any) => b.id === '02').assessmentId;
  let v2 = expectStatus(await h.call(scoring.getScoringAssessment, { token: other, params: { id: a2 } }), 200).version;
  for (const criterionId of CRITERIA) v2 = expectStatus(await h.call(scoring.saveScoringSelfEntry, { token: other, params: { id: a2 }, body: { criterionId, deductions: [], version: v2 } }), 200).version;
  expectStatus(await h.call(scoring.submitScoringSelfAssessment, { token: other, params: { id: a2 }, body: { version: v2 } }), 200);
  expectStatus(await h.call(scoring.moveScoringPeriod, { token: staff, params: { id: periodId }, body: { to: 'review', version: period.version } }), 200);
  const r2 = await h.resident(REVIEWER2);
  await scoreRest(r2, 'review', 'none');
  const mine2 = expectStatus(await h.call(scoring.getScoringAssessment, { token: r2, params: { id: assessmentId } }), 200).reviews.mine;
  expectStatus(await h.call(scoring.submitScoringReview, { token: r2, params: { id: assessmentId }, body: { version: mine2.version } }), 200);

  // ── A reviewer reviews in the mini-program: the difference from the self-assessment is marked ───────────────
  const rev = await e2e.newPage(PHONE, { inject: true });
  await signInByName(rev, e2e.url, REVIEWER);
  await rev.getByRole('navigation', { name: '主要功能' }).getByRole('button', { name: '支部创评', exact: true }).waitFor();
  expect(await rev.getByRole('button', { name: '支部创评认领码' }).count()).toBe(0);
  await expectTheBar(rev, 'home (with scoring work)');
  await rev.getByRole('button', { name: '支部创评', exact: true }).click();
  await rev.getByRole('heading', { name: PERIOD, level: 2 }).waitFor();
  const r1 = await h.resident(REVIEWER);
  await scoreRest(r1, 'review', 'party-rules');
  await rev.getByRole('region', { name: PERIOD }).getByRole('button', { name: new RegExp(`^${branchName}`) }).click();
  await rev.getByRole('heading', { name: '我的复核', level: 2 }).waitFor();
  const revCrit = rev.getByRole('region', { name: '严格落实党建工作制度' });
  await revCrit.getByText('满分 10 分 · 现得 10 分 · 未评 · 支部自评 6 分').waitFor();
  await revCrit.getByRole('checkbox', { name: '未按期召开支部大会（扣 2 分/次，最多 2 次）' }).check();
  await revCrit.getByRole('textbox', { name: '复核意见（仅工作小组可见）' }).fill('只推迟过一次，有会议记录');
  await rev.getByRole('button', { name: /^保存本项（得 8 分），严格落实党建工作制度/ }).click();
  await rev.getByText('与支部自评不同：多 2 分').waitFor();
  await expectTheBar(rev, 'scoring: review');
  await rev.getByRole('button', { name: '提交复核', exact: true }).click();
  await confirmDialog(rev, '确定提交复核吗？', '提交复核');
  await rev.getByText('复核已提交。').waitFor();

  // ── The lead sets the final score and star (the reason is asked where it differs) ────────────────────────────
  const lead = await e2e.newPage(DESKTOP, { inject: true });
  await signInByName(lead, e2e.url, LEAD);
  await lead.getByRole('button', { name: '支部创评', exact: true }).click();
  await lead.getByRole('button', { name: new RegExp(`^${branchName}.*确定最终得分和星级`) }).click();
  await lead.getByRole('heading', { name: '工作小组复核（2/2 已复核）' }).waitFor();
  await lead.getByText('严格落实党建工作制度：自评 6 分，复核 8 分（+2）').waitFor();
  await lead.getByRole('heading', { name: '确定最终得分和星级' }).waitFor();
  await lead.getByRole('textbox', { name: '最终得分' }).fill('97');
  await lead.getByRole('radio', { name: '★★★★ 四星' }).check();
  await lead.getByRole('button', { name: '确定结果' }).click();
  await lead.getByText('与支部自评不同，请写明理由').first().waitFor();
  await lead.getByRole('textbox', { name: /^理由/ }).fill('复核核实只推迟一次支部大会，加回 1 分');
  await expectTheBar(lead, 'scoring: finalise (lead)');
  await lead.getByRole('button', { name: '确定结果' }).click();
  await confirmDialog(lead, `确定${branchName}的最终结果吗？`, '确定结果');
  await lead.getByText('最终得分和星级已确定。').waitFor();
  await lead.getByRole('heading', { name: '最终结果' }).waitFor();

  // ── The committee: the star on the period's board ────────────────────────────────────────────────────────────
  const admin = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(admin, e2e.url);
  await admin.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '星级评定' }).click();
  await admin.getByRole('heading', { name: '星级党支部评定', level: 1 }).waitFor();
  await admin.getByRole('button', { name: new RegExp(`^${PERIOD}`) }).click();
  const detail = admin.getByRole('region', { name: '评定周期详情' });
  await detail.getByRole('heading', { name: PERIOD, level: 2 }).waitFor();
  const row = detail.getByRole('table').getByRole('row').filter({ hasText: branchName });
  await row.getByText('2/2 已复核').waitFor();
  await row.getByText('97 分 · ★★★★ 四星').waitFor();
  await expectTheBar(admin, 'admin: scoring periods + board @1280');
  await admin.screenshot({ path: '/tmp/scoring-shots/board.png', fullPage: true }).catch(() => undefined);

  // the branch's record: the review's difference, the problem and its measure, its history
  await row.getByRole('button', { name: `查看，${branchName}` }).click();
  await admin.getByRole('heading', { name: `${branchName} · ${PERIOD}`, level: 1 }).waitFor();
  await admin.getByText('严格落实党建工作制度：自评 6 分，复核 8 分（+2）').waitFor();
  await admin.getByText(/^整改：每季度第一周召开支部大会，提前一周通知（何秀英，2027年3月31日前，整改中）/).waitFor();
  await admin.getByRole('heading', { name: '历次评定' }).waitFor();
  await expectTheBar(admin, 'admin: branch record');
  await admin.getByRole('button', { name: '返回评定周期列表' }).click();
  await admin.getByRole('heading', { name: '星级党支部评定', level: 1 }).waitFor();

  // the other branch's result is set (through the API); the committee publishes the results after asking
  const a2Lead = await h.resident(LEAD);
  await scoreRest(r2, 'review', 'none', a2);
  const mine = expectStatus(await h.call(scoring.getScoringAssessment, { token: r2, params: { id: a2 } }), 200).reviews.mine;
  expectStatus(await h.call(scoring.submitScoringReview, { token: r2, params: { id: a2 }, body: { version: mine.version } }), 200);
  expectStatus(await h.call(scoring.finaliseScoringAssessment, { token: a2Lead, params: { id: a2 }, body: { total: 100, star: 4 } }), 200);
  await admin.getByRole('button', { name: new RegExp(`^${PERIOD}`) }).click();
  await detail.getByRole('button', { name: '进入「结果公示」' }).click();
  await confirmDialog(admin, '进入「结果公示」阶段吗？', '确定');
  await detail.getByText('已进入「结果公示」阶段。').waitFor();
  await detail.getByText('结果公示', { exact: true }).first().waitFor();

  await admin.getByRole('button', { name: '星级分布和历史' }).click();
  await admin.getByRole('heading', { name: '星级分布和历史', level: 1 }).waitFor();
  await admin.getByRole('heading', { name: '各周期星级分布（括号里是比上一周期的变化）' }).waitFor();
  await expectTheBar(admin, 'admin: star distribution');
});

test('the committee opens a period: created with the default sheet, a deduction edited, a secretary and the working group with codes', async () => {
  const admin = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(admin, e2e.url);
  await admin.goto(`${e2e.url}/#/packages/admin/scoring-periods/index`);
  await admin.getByRole('heading', { name: '星级党支部评定', level: 1 }).waitFor();
  await admin.getByRole('button', { name: '新建评定周期' }).click();
  const form = admin.getByRole('form', { name: '新建评定周期' });
  await form.getByRole('button', { name: '创建' }).click();
  await form.getByText('请填写周期名称').waitFor();
  await form.getByRole('textbox', { name: '周期名称' }).fill('2028年度');
  await form.getByRole('textbox', { name: '开始日期' }).fill('2028-01-01');
  await form.getByRole('textbox', { name: '结束日期' }).fill('2027-12-31');
  await form.getByRole('textbox', { name: '结束日期' }).press('Enter');
  await form.getByText('结束日期不能早于开始日期').waitFor();
  await form.getByRole('textbox', { name: '结束日期' }).fill('2028-12-31');
  await expectTheBar(admin, 'admin: new period form');
  await form.getByRole('textbox', { name: '结束日期' }).press('Enter');
  await admin.getByText('已创建「2028年度」。请在筹备阶段指定支部书记和工作小组。').waitFor();
  const detail = admin.getByRole('region', { name: '评定周期详情' });
  await detail.getByRole('heading', { name: '2028年度', level: 2 }).waitFor();
  await detail.getByText('下一步：自评荐星', { exact: false }).waitFor();

  // one branch does not take part this time
  await detail.getByRole('button', { name: '修改周期信息和参评党支部' }).click();
  const periodForm = detail.getByRole('form', { name: '修改周期信息和参评党支部' });
  await periodForm.getByRole('checkbox').last().uncheck();
  await periodForm.getByRole('button', { name: '保存' }).click();
  await detail.getByText('已保存周期信息。').waitFor();
  await detail.getByText('16 个，已定星 0 个').waitFor();

  // a secretary: the code to hand over is shown
  await detail.getByRole('combobox', { name: '党支部' }).selectOption({ index: 1 });
  await detail.getByRole('textbox', { name: '书记姓名' }).fill('林秀梅');
  await detail.getByRole('textbox', { name: '书记姓名' }).press('Enter');
  await detail.getByText(/^已指定 林秀梅 为支部书记，认领码 [A-Z2-9]{8}/).waitFor();
  await detail.getByText(/：林秀梅（认领码 [A-Z2-9]{8}）$/).waitFor();
  // the working group's first member becomes its lead
  await detail.getByRole('textbox', { name: '成员姓名' }).fill('吴建华');
  await detail.getByRole('button', { name: '加入并生成认领码' }).click();
  await detail.getByText(/^已加入 吴建华，认领码 [A-Z2-9]{8}/).waitFor();
  await detail.getByText(/^吴建华（组长）：认领码 [A-Z2-9]{8}$/).waitFor();
  // a second member; the lead then reviews a branch; the second member is taken out after asking
  await detail.getByRole('textbox', { name: '成员姓名' }).fill('郑红梅');
  await detail.getByRole('textbox', { name: '成员姓名' }).press('Enter');
  await detail.getByText(/^郑红梅：认领码 [A-Z2-9]{8}$/).waitFor();
  await detail.getByRole('button', { name: '修改，吴建华' }).click();
  const memberForm = detail.getByRole('form', { name: '修改 吴建华 的复核安排' });
  await memberForm.getByRole('checkbox').first().check();
  await memberForm.getByRole('button', { name: '保存' }).click();
  await detail.getByText('已更新 吴建华 的复核安排。').waitFor();
  await detail.getByText(/^复核：青年新苑第一党支部$/).waitFor();
  await detail.getByRole('button', { name: '移出，郑红梅' }).click();
  await confirmDialog(admin, '把 郑红梅 移出工作小组吗？', '移出');
  await detail.getByText('已把 郑红梅 移出工作小组。').waitFor();
  await detail.getByRole('heading', { name: '创评工作小组（1 人）' }).waitFor();
  // (measured last: at 320 px the board leaves the split view, and an open form with it)
  await expectTheBar(admin, 'admin: period in setup');

  // the sheet: a deduction made heavier
  await detail.getByRole('button', { name: '查看和修改考评表' }).click();
  await admin.getByRole('heading', { name: '2028年度的考评表', level: 1 }).waitFor();
  await admin.getByText('未按期召开支部大会：扣 2 分/次，最多 2 次').waitFor();
  await expectTheBar(admin, 'admin: sheet');
  await admin.getByRole('button', { name: '修改类别「运行质效」' }).click();
  const edit = admin.getByRole('form', { name: '修改「运行质效」' });
  await edit.getByRole('textbox', { name: '扣分项 1 每次扣几分' }).first().fill('3');
  await expectTheBar(admin, 'admin: sheet category editor');
  await edit.getByRole('button', { name: '保存这个类别' }).click();
  await admin.getByText('已保存「运行质效」。').waitFor();
  await admin.getByText('未按期召开支部大会：扣 3 分/次，最多 2 次').waitFor();
});

test('the demo: the committee’s account is the working group’s lead and sets a branch’s star in the admin workspace', async () => {
  const h = e2e.harness;
  const periods = expectStatus(await h.call(scoring.listScoringPeriods, { token: staff, query: { limit: 20 } }), 200).items;
  const current = periods.find((p: any) => p.status === 'self-assessment' && p.branchCount === 17);
  const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: staff, params: { id: current.id } }), 200);
  const row = board.items.find((r: any) => r.status === 'submitted');
  const period = expectStatus(await h.call(scoring.getScoringPeriod, { token: staff, params: { id: current.id } }), 200);
  expectStatus(await h.call(scoring.moveScoringPeriod, { token: staff, params: { id: current.id }, body: { to: 'review', version: period.version } }), 200);
  const reviewer = await h.resident('郑卫东');
  await scoreRest(reviewer, 'review', 'none', row.assessmentId);
  const mine = expectStatus(await h.call(scoring.getScoringAssessment, { token: reviewer, params: { id: row.assessmentId } }), 200).reviews.mine;
  expectStatus(await h.call(scoring.submitScoringReview, { token: reviewer, params: { id: row.assessmentId }, body: { version: mine.version } }), 200);

  const admin = await e2e.newPage(PHONE, { inject: true });
  await signInStaff(admin, e2e.url);
  await admin.goto(`${e2e.url}/#/packages/admin/scoring-branch/index?id=${row.assessmentId}`);
  await admin.getByRole('heading', { name: `${row.branch.name} · ${current.name}`, level: 1 }).waitFor();
  const section = admin.getByRole('region', { name: '确定最终得分和星级' });
  await section.getByText('复核建议：100 分 · ★★★★ 四星。', { exact: false }).waitFor();
  const form = section.getByRole('form', { name: '确定最终得分和星级' });
  expect(await form.getByRole('textbox', { name: '最终得分' }).inputValue()).toBe('100');
  await form.getByRole('textbox', { name: /^理由/ }).fill('复核人逐项核实，材料齐全');
  await expectTheBar(admin, 'admin: branch record, the lead finalises (phone)');
  await form.getByRole('button', { name: '确定结果' }).click();
  await confirmDialog(admin, `确定${row.branch.name}的最终结果吗？`, '确定结果');
  await admin.getByText('最终得分和星级已确定。').waitFor();
  await admin.getByText(/^100 分 · ★★★★ 四星；理由：复核人逐项核实，材料齐全$/).waitFor();
});
