/**
 * Dance-team registration as its people use it (issue 7), in a real Chromium on the H5 build: a leader files a
 * team (the slot check says what is wrong before anything is sent) → two members join with the invite code and
 * accept the dance rules → the leader submits → the committee approves → the ID card shows the registration
 * and its QR code opens the public check, which anyone can read without signing in → the leader records a
 * performance and the totals show. Every page is measured against the bar on the way.
 */
import type { Page } from 'playwright-core';
import { api } from '../../shared/api';
import { PHONE, measurePage, startE2E, summarize, type E2E, type PageReport, signInByName } from './support';

jest.setTimeout(240_000);

let e2e: E2E;
const reports: PageReport[] = [];
const TEAM = '凤英健身舞队';

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.close();
});

const measure = async (page: Page, name: string) => reports.push(await measurePage(page, name));

test('a leader files a team → members join and accept the rules → approved → ID card and public check → a performance counts', async () => {
  // ── The leader files it; the slot check speaks before saving ────────────────────────────────────────────────
  const leader = await e2e.newPage(PHONE, { inject: true });
  await signInByName(leader, e2e.url, '赵凤英');
  await leader.getByRole('button', { name: '广场舞队' }).click();
  await leader.getByRole('heading', { name: '我的舞队' }).waitFor();
  await leader.getByText('您还没有加入舞队').waitFor();
  await measure(leader, 'my teams (none yet)');
  await leader.getByRole('button', { name: '备案新舞队' }).click();
  await leader.getByRole('heading', { name: '备案新舞队' }).waitFor();

  await leader.getByRole('button', { name: '保存草稿' }).click();
  await leader.getByText('请填写队伍名称').waitFor();
  await leader.getByLabel('队伍名称').fill(TEAM);
  await leader.getByLabel('队长联系电话').fill('138 1234 5678');
  await leader.getByLabel('活动场地').selectOption({ label: '望湖小区文化广场' });
  await leader.getByText(/^可同时容纳 \d+ 支队伍；允许活动/).waitFor();
  await leader.getByLabel('开始').first().selectOption('05:30');
  await leader.getByLabel('结束').first().selectOption('07:00');
  await leader.getByRole('list', { name: '时段 1 的问题' }).getByText(/^超出场地允许的时间/).waitFor();
  await measure(leader, 'filing (a slot in quiet hours)');
  await leader.getByLabel('开始').first().selectOption('08:00');
  await leader.getByLabel('结束').first().selectOption('09:00');
  await leader.getByRole('list', { name: '时段 1 的问题' }).waitFor({ state: 'detached' });
  await leader.getByLabel('预计人数').fill('12');
  await leader.getByRole('switch', { name: '使用音响' }).check();
  await leader.getByLabel('音量承诺').fill('音量控制在 60 分贝以内，靠近住户一侧调低');
  await leader.getByLabel('队伍名称').press('Enter');

  await leader.getByText('已保存。').waitFor();
  await leader.getByRole('heading', { name: TEAM }).waitFor();
  await leader.getByText('草稿', { exact: true }).waitFor();
  // The leader is its first member and accepts the rules like everyone else.
  await leader.getByRole('button', { name: '我已阅读并同意' }).click();
  await leader.getByText('您已确认第 1 版规章。').waitFor();
  await leader.getByRole('button', { name: '生成邀请码' }).click();
  const codeText = await leader.getByText(/^新的邀请码是 [A-Z0-9]{8}。$/).innerText();
  const code = /[A-Z0-9]{8}/.exec(codeText)![0];
  await leader.getByRole('img', { name: `加入「${TEAM}」的二维码，邀请码 ${code}` }).waitFor();
  await measure(leader, 'team page (leader, draft)');

  // ── Two members join with the code (one types it, one opens the QR's address) and accept the rules ──────────
  for (const [name, how] of [
    ['孙秀珍', 'typed'],
    ['钱桂英', 'scanned'],
  ] as const) {
    const member = await e2e.newPage(PHONE, { inject: true });
    await signInByName(member, e2e.url, name);
    if (how === 'typed') {
      await member.getByRole('button', { name: '广场舞队' }).click();
      await member.getByRole('button', { name: '用邀请码加入舞队' }).click();
      await member.getByLabel('邀请码').fill(code.toLowerCase());
      await member.getByRole('button', { name: '加入' }).click();
      await member.getByText('请先征得本人同意记录其信息').waitFor();
      await measure(member, 'join (consent missing)');
    } else {
      await member.goto(`${e2e.url}/#/packages/teams/join/index?code=${code}`);
      expect(await member.getByLabel('邀请码').inputValue()).toBe(code);
    }
    await member.getByRole('checkbox', { name: '我同意在本队的备案中登记我的姓名' }).check();
    await member.getByLabel('邀请码').press('Enter');
    await member.getByText('已加入，请阅读并确认下面的规章。').waitFor();
    await member.getByText('一、备案登记').waitFor();
    if (how === 'typed') await measure(member, 'team page (member, rules to accept)');
    await member.getByRole('button', { name: '我已阅读并同意' }).click();
    await member.getByText('您已确认第 1 版规章。').waitFor();
  }

  // ── The leader submits; the committee approves ──────────────────────────────────────────────────────────────
  await leader.reload();
  await leader.getByRole('heading', { name: TEAM }).waitFor();
  await leader.getByText('全体队员都已确认规章，可以提交了。').waitFor();
  await leader.getByRole('button', { name: '提交审核' }).click();
  await leader.getByText('已提交，社区审核后会在这里告诉您结果。').waitFor();
  await leader.getByText('待审核', { exact: true }).waitFor();

  const committee = await e2e.harness.staff();
  const queue = await e2e.harness.call(api.teams.listTeamQueue, { token: committee, query: { status: 'submitted', limit: 50 } });
  const filed = queue.body.items.find((t: { name: string }) => t.name === TEAM);
  const team = await e2e.harness.call(api.teams.getTeam, { token: committee, params: { id: filed.id } });
  const approved = await e2e.harness.call(api.teams.decideTeam, { token: committee, params: { id: filed.id }, body: { to: 'approved', version: team.body.version } });
  expect(approved.status).toBe(200);
  const number = approved.body.registration.number as string;

  // ── The ID card, and the public check its QR code opens (no sign-in) ────────────────────────────────────────
  await leader.reload();
  await leader.getByRole('button', { name: '查看电子身份证' }).click();
  await leader.getByText('广场舞队电子身份证').waitFor();
  await leader.getByText('✓ 已备案，有效').waitFor();
  await leader.getByText(number, { exact: true }).waitFor();
  await leader.getByRole('img', { name: `查验备案编号 ${number} 的二维码` }).waitFor();
  await measure(leader, 'ID card');

  const passerby = await e2e.newPage(PHONE, { inject: true });
  await passerby.goto(`${e2e.url}/#/packages/teams/verify/index?number=${encodeURIComponent(number)}&community=baogong-qingnian`);
  await passerby.getByRole('heading', { name: TEAM }).waitFor();
  await passerby.getByText('✓ 已在社区备案，备案有效').waitFor();
  await passerby.getByText('周一 08:00–09:00').waitFor();
  const publicText = await passerby.locator('main').filter({ visible: true }).innerText();
  for (const personal of ['赵凤英', '孙秀珍', '钱桂英', '13812345678', '138****5678']) expect(publicText).not.toContain(personal);
  await measure(passerby, 'public check');
  await passerby.getByLabel('备案编号').fill('青年-WD-2026-999');
  await passerby.getByLabel('备案编号').press('Enter');
  await passerby.getByText('没有查到备案编号 青年-WD-2026-999').waitFor();

  // ── A performance with hours, and the totals ────────────────────────────────────────────────────────────────
  await leader.getByRole('button', { name: '返回舞队页面' }).click();
  await leader.getByRole('heading', { name: TEAM }).waitFor();
  await leader.getByRole('button', { name: '记录演出或志愿服务' }).click();
  await leader.getByRole('radio', { name: '文艺汇演' }).check();
  await leader.getByLabel('活动名称').fill('重阳节文艺汇演');
  await leader.getByLabel('时长（小时）').fill('2');
  await leader.getByRole('button', { name: '全选' }).click();
  await leader.getByRole('button', { name: '保存记录' }).click();
  await leader.getByText('已记录「重阳节文艺汇演」。').waitFor();
  // three members came for 2 hours: 6 hours between them
  await leader.getByText('文艺汇演 1 次，队员累计 6 小时；志愿服务 0 次，队员累计 0 小时。').waitFor();
  await leader.getByText('重阳节文艺汇演').first().waitFor();
  await measure(leader, 'team page (leader, registered)');

  console.log(`Teams pages against the bar:\n${summarize(reports)}`);
  for (const r of reports) {
    expect({ page: r.name, axe: r.axe }).toEqual({ page: r.name, axe: [] });
    expect({ page: r.name, smallText: r.smallText }).toEqual({ page: r.name, smallText: [] });
    expect({ page: r.name, smallTargets: r.smallTargets }).toEqual({ page: r.name, smallTargets: [] });
    expect({ page: r.name, overflow320: r.overflow320 }).toEqual({ page: r.name, overflow320: 0 });
    expect({ page: r.name, notScaling: r.notScaling }).toEqual({ page: r.name, notScaling: [] });
  }
});
