/**
 * The evaluation sheet's rules and what they do downstream, in a real Chromium on the H5 build: the committee edits
 * the veto items, a bonus item and the satisfaction cap (a saved item taken out after asking); once the branches
 * score, the sheet reads as fixed → the secretary claims the new bonus item with an evidence photo and a PDF (the
 * total passes 100) and submits → the committee sends the self-assessment back with a reason → the secretary reads why and
 * submits again → a reviewer sees the claim, its photo and its PDF and confirms it → the branch's record and the period's
 * results open as printable reports (a print stylesheet keeps only the report; 打印 calls the browser's print).
 * Each changed page is held to the bar.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { CRITERIA, expectStatus, userIdOf } from '../integration/scoring-fixtures';
import { DESKTOP, PHONE, gradientPng, startE2E, type E2E, expectTheBar, confirmDialog, signInByName, signInStaff } from './support';

jest.setTimeout(300_000);

let e2e: E2E;
const { scoring } = api;
const PERIOD = '2029年度创评';
const SECRETARY = '钱丽娟';
const REVIEWER = '卫国强';
const LEAD = '孔德明';
const BONUS = '开展“红色小管家”结对帮扶';
let periodId: string;
let assessmentId: string;
let branchName: string;
let staff: string;
/** A small, valid one-page PDF (what a scanned agreement would be, minus the scan). */
const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

beforeAll(async () => {
  e2e = await startE2E();
  const h = e2e.harness;
  staff = await h.staff();
  const [sec, r1, lead, other] = await Promise.all([h.resident(SECRETARY), h.resident(REVIEWER), h.resident(LEAD), h.resident('段玉珍')]);
  const created = expectStatus(
    await h.call(scoring.createScoringPeriod, { token: staff, body: { name: PERIOD, startDate: '2029-01-01', endDate: '2029-12-31', branchIds: ['01', '02'] } }),
    201,
  );
  periodId = created.id;
  const b1 = created.branches.find((b: any) => b.id === '01');
  assessmentId = b1.assessmentId;
  branchName = b1.name;
  let p = expectStatus(await h.call(scoring.assignScoringSecretary, { token: staff, params: { id: periodId }, body: { branchId: '01', name: SECRETARY, userId: userIdOf(sec), version: created.version } }), 200);
  p = expectStatus(await h.call(scoring.assignScoringSecretary, { token: staff, params: { id: periodId }, body: { branchId: '02', name: '段玉珍', userId: userIdOf(other), version: p.version } }), 200);
  const members = [
    { name: REVIEWER, userId: userIdOf(r1), branchIds: ['01', '02'] },
    { name: LEAD, userId: userIdOf(lead), branchIds: [], lead: true },
  ];
  expectStatus(await h.call(scoring.setScoringWorkingGroup, { token: staff, params: { id: periodId }, body: { members, version: p.version } }), 200);
});

afterAll(async () => {
  await e2e?.close();
});

/** Every criterion saved with full marks through the API (as if on earlier days). */
const scoreAll = async (token: string, as: 'self' | 'review') => {
  const h = e2e.harness;
  let version = as === 'self' ? expectStatus(await h.call(scoring.getScoringAssessment, { token, params: { id: assessmentId } }), 200).version : 0;
  for (const criterionId of CRITERIA) {
    const endpoint = as === 'self' ? scoring.saveScoringSelfEntry : scoring.saveScoringReviewEntry;
    const r = expectStatus(await h.call(endpoint, { token, params: { id: assessmentId }, body: { criterionId, deductions: [], version } }), 200);
    version = as === 'self' ? r.version : r.reviews.mine.version;
  }
};

const movePeriod = async (to: string) => {
  const h = e2e.harness;
  const p = expectStatus(await h.call(scoring.getScoringPeriod, { token: staff, params: { id: periodId } }), 200);
  expectStatus(await h.call(scoring.moveScoringPeriod, { token: staff, params: { id: periodId }, body: { to, version: p.version } }), 200);
};

test('rules edited → a bonus claimed with evidence → sent back and resubmitted → the bonus confirmed → printable reports', async () => {
  // ── The committee edits the rules around the criteria ────────────────────────────────────────────────────────
  const admin = await e2e.newPage(DESKTOP, { inject: true });
  await signInStaff(admin, e2e.url);
  await admin.goto(`${e2e.url}/#/packages/admin/scoring-sheet/index?id=${periodId}`);
  await admin.getByRole('heading', { name: `${PERIOD}的考评表`, level: 1 }).waitFor();
  const rules = admin.getByRole('form', { name: '修改否决项、加分项和星级规则' });
  await rules.getByRole('button', { name: '加一个加分项' }).click();
  // an empty item is refused with the field named
  await rules.getByRole('button', { name: '保存否决项、加分项和星级规则' }).click();
  await admin.getByText('有几处需要修改，请看标出的地方。').waitFor();
  await rules.getByRole('textbox', { name: '加分项 4', exact: true }).fill(BONUS);
  await rules.getByRole('textbox', { name: '加分项 4 加几分' }).fill('4');
  await rules.getByRole('textbox', { name: '加分上限（分）' }).fill('8');
  // the satisfaction cap: below 70% caps at three stars
  await rules.getByRole('textbox', { name: '满意度低于（%）' }).fill('70');
  await rules.getByRole('combobox', { name: '最高评为' }).selectOption({ label: '三星' });
  // a saved veto item is taken out after asking; asked and kept, it stays
  await rules.getByRole('button', { name: '删去否决项 3' }).click();
  await confirmDialog(admin, '删去否决项 3 吗？', '不删');
  await rules.getByRole('textbox', { name: '否决项 3', exact: true }).waitFor();
  await rules.getByRole('button', { name: '删去否决项 3' }).click();
  await confirmDialog(admin, '删去否决项 3 吗？', '删去');
  expect(await rules.getByRole('textbox', { name: '否决项 3', exact: true }).count()).toBe(0);
  await expectTheBar(admin, 'admin: sheet rules editor');
  await rules.getByRole('textbox', { name: '加分上限（分）' }).press('Enter');
  await admin.getByText('已保存否决项、加分项和星级规则。').waitFor();
  await admin.getByText(`${BONUS}（加 4 分）`, { exact: false }).waitFor();
  await admin.getByText('居民满意度低于 70%（至少 5 次评价）时最高三星').waitFor();
  expect(await admin.getByText('自评材料弄虚作假', { exact: false }).count()).toBe(0);
  const saved = expectStatus(await e2e.harness.call(scoring.getScoringPeriod, { token: staff, params: { id: periodId } }), 200).sheet;
  expect(saved.bonusItems.map((b: any) => [b.text, b.points])).toContainEqual([BONUS, 4]);
  expect(saved).toMatchObject({ bonusCap: 8, caps: { satisfaction: { belowPercent: 70, maxStar: 3 } } });
  expect(saved.vetoItems).toHaveLength(2);

  // once the branches score, the sheet reads as fixed and offers nothing to edit
  await movePeriod('self-assessment');
  await admin.reload();
  await admin.getByRole('heading', { name: `${PERIOD}的考评表`, level: 1 }).waitFor();
  await admin.getByText('支部已经开始按这张表自评，考评表只能查看，不能修改。', { exact: false }).waitFor();
  expect(await admin.getByRole('button', { name: /^修改类别/ }).count()).toBe(0);
  expect(await admin.getByRole('form', { name: '修改否决项、加分项和星级规则' }).count()).toBe(0);
  await expectTheBar(admin, 'admin: sheet (fixed)');

  // ── The secretary claims the new bonus item with a photo; the total passes 100 ──────────────────────────────
  const secToken = await e2e.harness.resident(SECRETARY);
  await scoreAll(secToken, 'self');
  const sec = await e2e.newPage(PHONE, { inject: true });
  await signInByName(sec, e2e.url, SECRETARY);
  await sec.goto(`${e2e.url}/#/packages/scoring/assessment/index?id=${assessmentId}`);
  await sec.getByRole('heading', { name: branchName, level: 1 }).waitFor();
  const live = sec.getByRole('status').filter({ hasText: '总分' });
  await live.getByText('总分 100 分 · 推荐 ★★★★ 四星').waitFor();
  const overall = sec.getByRole('region', { name: '否决项和加分项', exact: true });
  await overall.getByRole('checkbox', { name: `申报加分：${BONUS}（加 4 分）` }).check();
  await overall.getByText('否决项或加分项有改动，保存后才计入总分和星级。').waitFor();
  await overall.getByLabel('添加佐证照片').setInputFiles({ name: 'pairing.png', mimeType: 'image/png', buffer: gradientPng() });
  await sec.getByText(`已添加「加分项：${BONUS}」的佐证照片。`).waitFor();
  await overall.getByRole('img', { name: `「加分项：${BONUS}」的第 1 张佐证照片` }).waitFor();
  // and the agreement itself as a PDF: the same file input takes it, and it is listed as a link by its name
  await overall.getByLabel('再添加佐证照片或 PDF 文件').setInputFiles({ name: '结对帮扶协议.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
  await sec.getByText(`已添加「加分项：${BONUS}」的佐证文件。`).waitFor();
  await overall.getByText('佐证文件（1 份）').waitFor();
  const pdfLink = overall.getByRole('link', { name: /^打开 PDF 文件：结对帮扶协议（\d+ KB）$/ });
  const href = await pdfLink.getAttribute('href');
  expect(href).toContain('/stored/');
  const served = await sec.request.get(href!);
  expect([served.status(), served.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect((await served.body()).equals(SMALL_PDF)).toBe(true);
  // the claim, not saved yet, survived the reload that brought the photo
  expect(await overall.getByRole('checkbox', { name: `申报加分：${BONUS}（加 4 分）` }).isChecked()).toBe(true);
  await expectTheBar(sec, 'scoring: self-assessment, a bonus claimed with evidence');
  await overall.getByRole('button', { name: '保存否决项和加分项' }).click();
  await overall.getByText('已保存否决项和加分项。').waitFor();
  await live.getByText('总分 104 分 · 推荐 ★★★★★ 五星').waitFor();
  await sec.getByRole('button', { name: '提交自评', exact: true }).click();
  await confirmDialog(sec, '确定提交自评吗？', '提交自评');
  await sec.getByText('自评已提交。扣分的项目已列入问题清单，请添加整改措施。').waitFor();
  const summary = sec.getByRole('region', { name: '否决项和加分项（加 4 分）' });
  await summary.getByText(`申报加分：${BONUS}（加 4 分）`).waitFor();

  // ── The committee sends it back, asked first, with the reason ───────────────────────────────────────────────
  await admin.goto(`${e2e.url}/#/packages/admin/scoring-branch/index?id=${assessmentId}`);
  await admin.getByRole('heading', { name: `${branchName} · ${PERIOD}`, level: 1 }).waitFor();
  const sendBack = admin.getByRole('region', { name: '退回自评' });
  await sendBack.getByRole('button', { name: '退回自评…' }).click();
  await sendBack.getByRole('button', { name: '退回给支部书记' }).click();
  await sendBack.getByText('请填写退回原因').waitFor();
  await sendBack.getByRole('textbox', { name: '退回原因' }).fill('加分项的佐证照片看不清，请补拍后重新提交');
  await expectTheBar(admin, 'admin: branch record, sending back');
  await sendBack.getByRole('button', { name: '退回给支部书记' }).click();
  await confirmDialog(admin, `退回${branchName}的自评吗？`, '退回');
  await admin.getByText('自评已退回，支部书记修改后会重新提交。').waitFor();
  await admin.getByText(/退回原因：加分项的佐证照片看不清，请补拍后重新提交。等待支部书记修改后重新提交。$/).waitFor();
  expect(await admin.getByRole('region', { name: '退回自评' }).count()).toBe(0);

  // the secretary reads why, and submits again
  await sec.getByRole('button', { name: '刷新', exact: true }).click();
  await sec.getByText(/退回原因：加分项的佐证照片看不清，请补拍后重新提交。请修改后重新提交。$/).waitFor();
  await expectTheBar(sec, 'scoring: self-assessment, sent back');
  await sec.getByRole('button', { name: '提交自评', exact: true }).click();
  await confirmDialog(sec, '确定提交自评吗？', '提交自评');
  await sec.getByText('自评已提交。扣分的项目已列入问题清单，请添加整改措施。').waitFor();

  // ── A reviewer sees the claim and its photo, and confirms it ─────────────────────────────────────────────────
  const other = await e2e.harness.resident('段玉珍');
  const a2 = expectStatus(await e2e.harness.call(scoring.getScoringPeriod, { token: staff, params: { id: periodId } }), 200).branches.find((b: any) => b.id === '02').assessmentId;
  let v2 = expectStatus(await e2e.harness.call(scoring.getScoringAssessment, { token: other, params: { id: a2 } }), 200).version;
  for (const criterionId of CRITERIA) v2 = expectStatus(await e2e.harness.call(scoring.saveScoringSelfEntry, { token: other, params: { id: a2 }, body: { criterionId, deductions: [], version: v2 } }), 200).version;
  expectStatus(await e2e.harness.call(scoring.submitScoringSelfAssessment, { token: other, params: { id: a2 }, body: { version: v2 } }), 200);
  await movePeriod('review');
  await scoreAll(await e2e.harness.resident(REVIEWER), 'review');
  const rev = await e2e.newPage(PHONE, { inject: true });
  await signInByName(rev, e2e.url, REVIEWER);
  await rev.goto(`${e2e.url}/#/packages/scoring/assessment/index?id=${assessmentId}`);
  await rev.getByRole('heading', { name: '我的复核', level: 2 }).waitFor();
  const revOverall = rev.getByRole('region', { name: '否决项和加分项', exact: true });
  const confirmBonus = revOverall.getByRole('checkbox', { name: `认可加分：${BONUS}（加 4 分）` });
  await revOverall.getByText('支部已申报此项，佐证照片见下方。').waitFor();
  await revOverall.getByRole('img', { name: `「加分项：${BONUS}」的第 1 张佐证照片` }).waitFor();
  await revOverall.getByRole('link', { name: /^打开 PDF 文件：结对帮扶协议/ }).waitFor();
  expect(await confirmBonus.isChecked()).toBe(false);
  await confirmBonus.check();
  await expectTheBar(rev, 'scoring: review, confirming a bonus');
  await revOverall.getByRole('button', { name: '保存否决项和加分项' }).click();
  await revOverall.getByText('已保存否决项和加分项。').waitFor();
  await rev.getByRole('status').filter({ hasText: '总分' }).getByText('总分 104 分 · 推荐 ★★★★★ 五星').waitFor();
  const mine = expectStatus(await e2e.harness.call(scoring.getScoringAssessment, { token: await e2e.harness.resident(REVIEWER), params: { id: assessmentId } }), 200).reviews.mine;
  expect(mine.bonuses).toHaveLength(1);

  // ── The branch's record as a printable report ────────────────────────────────────────────────────────────────
  await admin.reload();
  await admin.getByRole('heading', { name: `${branchName} · ${PERIOD}`, level: 1 }).waitFor();
  await admin.getByRole('button', { name: '打印 / 存为 PDF' }).click();
  const title = `${branchName} ${PERIOD} 星级党支部创评档案`;
  await admin.getByRole('heading', { name: title, level: 1 }).waitFor();
  const bonusTable = admin.getByRole('table', { name: '否决项和加分项（自评）' });
  await bonusTable.getByRole('row').filter({ hasText: BONUS }).waitFor();
  await expectTheBar(admin, 'admin: branch record, print view');
  // on paper: only the report, its tables whole
  await admin.emulateMedia({ media: 'print' });
  expect(await admin.getByRole('navigation', { name: '管理功能' }).isVisible()).toBe(false);
  expect(await admin.getByRole('button', { name: '打印 / 存为 PDF' }).isVisible()).toBe(false);
  expect(await admin.getByRole('heading', { name: title, level: 1 }).isVisible()).toBe(true);
  expect(await bonusTable.isVisible()).toBe(true);
  await admin.emulateMedia({ media: 'screen' });
  await admin.evaluate(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed += 1;
    };
  });
  await admin.getByRole('button', { name: '打印 / 存为 PDF' }).click();
  expect(await admin.evaluate(() => (window as any).__printed)).toBe(1);
  await admin.getByRole('button', { name: '返回', exact: true }).click();
  await admin.getByRole('heading', { name: `${branchName} · ${PERIOD}`, level: 1 }).waitFor();

  // ── The period's results as a printable report ───────────────────────────────────────────────────────────────
  await admin.goto(`${e2e.url}/#/packages/admin/scoring-results/index`);
  await admin.getByRole('heading', { name: '星级分布和历史', level: 1 }).waitFor();
  await admin.getByRole('button', { name: '打印结果 / 存为 PDF' }).click();
  await admin.getByRole('heading', { name: /星级党支部创评结果$/, level: 1 }).waitFor();
  await admin.getByRole('heading', { name: '星级分布', level: 2 }).waitFor();
  await admin.getByRole('table', { name: '各党支部结果' }).waitFor();
  await expectTheBar(admin, 'admin: results, print view');
  await admin.getByRole('button', { name: '返回', exact: true }).click();
  await admin.getByRole('heading', { name: '星级分布和历史', level: 1 }).waitFor();
});
