/**
 * The committee sets up an evaluation period: the period and its branches, the sheet (copied, edited, then fixed),
 * the secretaries (by account or by a code they claim), the working group, the key tasks, and the moves along the
 * status table with their preconditions. Through the real gateway, middy stack and dynalite.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { DEFAULT_SHEET } from '../../shared/scoring/default-sheet';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, putBranch, putCommunity } from '../../functions/src/identity/store';
import { Harness, isProblem } from '../support/harness';
import { aPeriod, expectStatus, movePeriod, openPeriod, setUpPeriod, signInPeople, userIdOf, type People } from './scoring-fixtures';

const { scoring } = api;

let h: Harness;
let people: People;
beforeAll(async () => {
  h = await Harness.start();
  people = await signInPeople(h);
}, 60_000);
afterAll(() => h.close());

const create = (body: Record<string, unknown>, token = people.committee, headers?: Record<string, string>) =>
  h.call(scoring.createScoringPeriod, { token, body, ...(headers ? { headers } : {}) });

describe('opening a period', () => {
  it('takes every branch of the community and the default sheet, and makes each branch’s assessment at once', async () => {
    const p = expectStatus(await create({ name: '2027年度', startDate: '2027-01-01', endDate: '2027-12-31' }), 201);
    expect(p).toMatchObject({ status: 'setup', branchCount: 17, announcementDays: 7, maxBasePoints: 100, viewer: 'committee', next: { to: 'self-assessment' } });
    expect(p.sheet).toEqual(JSON.parse(JSON.stringify(DEFAULT_SHEET)));
    expect(p.history).toEqual([expect.objectContaining({ from: null, to: 'setup', byName: '社区工作人员 陈静' })]);
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items).toHaveLength(17);
    expect(board.items[0]).toMatchObject({ branch: { id: '01', name: '青年新苑第一党支部' }, status: 'draft', reviews: { assigned: 0, submitted: 0 } });
  });

  it('refuses an end before the start (400), a branch the community does not have and a sheet of no period (422); writes nothing', async () => {
    const before = await h.snapshot();
    const backwards = await create(aPeriod({ startDate: '2026-12-31', endDate: '2026-01-01' }));
    expect(isProblem(backwards, 400)).toBe(true);
    expect(backwards.body.errors).toContainEqual(expect.objectContaining({ path: 'endDate' }));
    const stranger = await create(aPeriod({ branchIds: ['01', '99'] }));
    expect(isProblem(stranger, 422)).toBe(true);
    expect(stranger.body).toMatchObject({ type: 'urn:gongzhi:problem:unknown-branch', errors: [{ path: 'branchIds.1' }] });
    const copy = await create(aPeriod({ copySheetFrom: randomUUID() }));
    expect(copy.body.type).toBe('urn:gongzhi:problem:unknown-period');
    expect(await h.snapshot()).toEqual(before);
  });

  it('returns the first period on a retry with the same Idempotency-Key, and refuses the key for another period', async () => {
    const headers = { 'idempotency-key': `period-${randomUUID()}` };
    const body = aPeriod();
    const first = expectStatus(await create(body, people.committee, headers), 201);
    const again = expectStatus(await create(body, people.committee, headers), 201);
    expect(again).toEqual(first);
    const other = await create({ ...body, name: '另一个周期' }, people.committee, headers);
    expect(isProblem(other, 422)).toBe(true);
  });

  it('copies an earlier period’s sheet (as it was edited) and its secretaries who have accounts', async () => {
    const earlier = await setUpPeriod(h, people);
    const edited = expectStatus(
      await h.call(scoring.putScoringSheetRules, {
        token: people.committee,
        params: { id: earlier.id },
        body: { vetoItems: [], bonusItems: [{ id: 'new', text: '新增加分项', points: 4 }], bonusCap: 4, thresholds: { star2: 55, star3: 65, star4: 75, star5: 85 }, caps: { fiveStarNeedsBonus: false }, version: earlier.version },
      }),
      200,
    );
    const copy = expectStatus(await create(aPeriod({ copySheetFrom: earlier.id })), 201);
    expect(copy.sheet).toEqual(edited.sheet);
    expect(copy.copiedFrom).toEqual({ periodId: earlier.id, name: earlier.body.name });
    expect(copy.branches.map((b: any) => b.secretary?.userId)).toEqual([userIdOf(people.sec1), userIdOf(people.sec2), userIdOf(people.sec3)]);
    expect(copy.workingGroup).toEqual([]);
  });

  it('lets the committee change the name, dates and branches during setup (with the version read), the branches no later', async () => {
    const p = await setUpPeriod(h, people);
    const stale = await h.call(scoring.updateScoringPeriod, { token: people.committee, params: { id: p.id }, body: { ...aPeriod({ branchIds: ['01', '02'] }), version: p.version - 1 } });
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
    const fewer = expectStatus(
      await h.call(scoring.updateScoringPeriod, { token: people.committee, params: { id: p.id }, body: { ...aPeriod({ name: '改名', branchIds: ['01', '02'] }), version: p.version } }),
      200,
    );
    expect(fewer.branches.map((b: any) => b.id)).toEqual(['01', '02']);
    expect(fewer.workingGroup.find((m: any) => m.name === '梁晓燕').branchIds).toEqual(['01', '02']);
    expect(isProblem(await h.call(scoring.getScoringAssessment, { token: people.committee, params: { id: p.a3 } }), 404)).toBe(true);
    const opened = await movePeriod(h, people.committee, { ...p, version: fewer.version }, 'self-assessment');
    const more = await h.call(scoring.updateScoringPeriod, { token: people.committee, params: { id: p.id }, body: { ...aPeriod({ name: '改名', branchIds: ['01', '02', '03'] }), version: opened.version } });
    expect(more.body.type).toBe('urn:gongzhi:problem:branches-fixed');
    expectStatus(await h.call(scoring.updateScoringPeriod, { token: people.committee, params: { id: p.id }, body: { ...aPeriod({ name: '再改名', branchIds: ['01', '02'] }), version: opened.version } }), 200);
  });
});

describe('the sheet', () => {
  const category = {
    id: 'innovation',
    name: '创新特色',
    criteria: [{ id: 'brand-work', title: '特色品牌', maxPoints: 5, deductions: [{ id: 'none', text: '无特色工作', points: 3 }] }],
  };

  it('takes a category (new or replaced), keeps its place, and gives it defaults (rules apply once, no residents’ voice)', async () => {
    const p = await setUpPeriod(h, people);
    const added = expectStatus(await h.call(scoring.putScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { category, position: 1, version: p.version } }), 200);
    expect(added.sheet.categories.map((c: any) => c.id)).toEqual(['leadership', 'innovation', 'members', 'operation', 'service', 'support']);
    expect(added.sheet.categories[1]).toMatchObject({ residentsVoice: false, criteria: [{ deductions: [{ maxTimes: 1 }] }] });
    expect(added.maxBasePoints).toBe(105);
    const renamed = expectStatus(
      await h.call(scoring.putScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { category: { ...category, name: '创新' }, version: added.version } }),
      200,
    );
    expect(renamed.sheet.categories.map((c: any) => c.name)).toEqual(['班子建设', '创新', '队伍建设', '运行质效', '服务群众', '保障过硬']);
    const removed = expectStatus(
      await h.call(scoring.removeScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { categoryId: 'innovation', version: renamed.version } }),
      200,
    );
    expect(removed.maxBasePoints).toBe(100);
  });

  it('refuses a sheet with a flaw (a criterion id used elsewhere, a deduction above its maximum), naming each', async () => {
    const p = await setUpPeriod(h, people);
    const flawed = {
      ...category,
      criteria: [{ id: 'party-rules', title: '重复的指标', maxPoints: 2, deductions: [{ id: 'big', text: '扣太多', points: 5 }] }],
    };
    const r = await h.call(scoring.putScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { category: flawed, version: p.version } });
    expect(isProblem(r, 422)).toBe(true);
    expect(r.body.type).toBe('urn:gongzhi:problem:sheet-flaws');
    expect(r.body.errors.map((e: any) => e.message)).toEqual(expect.arrayContaining(['指标编号“party-rules”重复', '扣分不能超过该指标的满分 2 分']));
  });

  it('refuses thresholds out of order (400) and a stale version (409)', async () => {
    const p = await setUpPeriod(h, people);
    const rules = { vetoItems: [], bonusItems: [], bonusCap: 0, caps: { fiveStarNeedsBonus: true } };
    const disorder = await h.call(scoring.putScoringSheetRules, { token: people.committee, params: { id: p.id }, body: { ...rules, thresholds: { star2: 60, star3: 80, star4: 70, star5: 90 }, version: p.version } });
    expect(isProblem(disorder, 400)).toBe(true);
    const stale = await h.call(scoring.putScoringSheetRules, { token: people.committee, params: { id: p.id }, body: { ...rules, thresholds: { star2: 60, star3: 70, star4: 80, star5: 90 }, version: p.version + 5 } });
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
  });

  it('is fixed once the branches score against it', async () => {
    const p = await openPeriod(h, people);
    const before = await h.snapshot();
    const r = await h.call(scoring.putScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { category, version: p.version } });
    expect(r.body.type).toBe('urn:gongzhi:problem:sheet-fixed');
    const rm = await h.call(scoring.removeScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { categoryId: 'service', version: p.version } });
    expect(rm.body.type).toBe('urn:gongzhi:problem:sheet-fixed');
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('secretaries and the working group', () => {
  it('names a secretary by account (with the name they signed in with) or with a code their holder claims once', async () => {
    // "My work" looks at the latest 10 periods by start date: this file makes more than 10 starting 2026-01-01, so
    // this one starts later to be among them whatever their ids.
    const p = await setUpPeriod(h, people, { startDate: '2030-01-01', endDate: '2030-12-31' });
    const named = expectStatus(
      await h.call(scoring.assignScoringSecretary, { token: people.committee, params: { id: p.id }, body: { branchId: '02', name: '新书记', version: p.version } }),
      200,
    );
    const secretary = named.branches.find((b: any) => b.id === '02').secretary;
    expect(secretary).toMatchObject({ name: '新书记', claimed: false, claimCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/) });
    // residents see the period without codes or accounts
    const seen = expectStatus(await h.call(scoring.getScoringPeriod, { token: people.resident, params: { id: p.id } }), 200);
    expect(seen.viewer).toBe('resident');
    expect(JSON.stringify(seen)).not.toContain(secretary.claimCode);
    expect(JSON.stringify(seen)).not.toContain(userIdOf(people.sec1));

    const holder = await h.resident('黄丽华');
    const claimed = expectStatus(await h.call(scoring.claimScoringAssignment, { token: holder, body: { code: secretary.claimCode.toLowerCase() } }), 200);
    expect(claimed).toMatchObject({ periodId: p.id, role: 'secretary', branchNames: ['青年新苑第二党支部'], lead: false });
    const again = await h.call(scoring.claimScoringAssignment, { token: people.resident, body: { code: secretary.claimCode } });
    expect(isProblem(again, 404)).toBe(true);
    const after = expectStatus(await h.call(scoring.getScoringPeriod, { token: people.committee, params: { id: p.id } }), 200);
    expect(after.branches.find((b: any) => b.id === '02').secretary).toEqual({ name: '新书记', claimed: true, userId: userIdOf(holder) });
    const mine = expectStatus(await h.call(scoring.listMyScoringWork, { token: holder }), 200);
    expect(mine.items.find((i: any) => i.period.id === p.id).secretaryOf).toEqual([{ branchId: '02', branchName: '青年新苑第二党支部', assessmentId: p.a2 }]);
  });

  it('refuses an account that is no resident of the community, and a branch not taking part (422)', async () => {
    const p = await setUpPeriod(h, people);
    const nobody = await h.call(scoring.assignScoringSecretary, { token: people.committee, params: { id: p.id }, body: { branchId: '01', name: '某人', userId: 'no-such-user', version: p.version } });
    expect(nobody.body.type).toBe('urn:gongzhi:problem:unknown-person');
    const branch = await h.call(scoring.assignScoringSecretary, { token: people.committee, params: { id: p.id }, body: { branchId: '09', name: '某人', version: p.version } });
    expect(branch.body.type).toBe('urn:gongzhi:problem:unknown-branch');
  });

  it('takes exactly one lead (400), only branches taking part (422), and keeps members’ codes when the group is saved again', async () => {
    const p = await setUpPeriod(h, people);
    const noLead = await h.call(scoring.setScoringWorkingGroup, { token: people.committee, params: { id: p.id }, body: { members: [{ name: '甲', branchIds: ['01'] }], version: p.version } });
    expect(isProblem(noLead, 400)).toBe(true);
    const outside = await h.call(scoring.setScoringWorkingGroup, { token: people.committee, params: { id: p.id }, body: { members: [{ name: '甲', branchIds: ['05'], lead: true }], version: p.version } });
    expect(outside.body).toMatchObject({ type: 'urn:gongzhi:problem:unknown-branch', errors: [{ path: 'members.0.branchIds.0' }] });
    const first = expectStatus(
      await h.call(scoring.setScoringWorkingGroup, { token: people.committee, params: { id: p.id }, body: { members: [{ name: '外聘专家', branchIds: ['03'], lead: true }], version: p.version } }),
      200,
    );
    const [expert] = first.workingGroup;
    const second = expectStatus(
      await h.call(scoring.setScoringWorkingGroup, {
        token: people.committee,
        params: { id: p.id },
        body: { members: [{ id: expert.id, name: '外聘专家', branchIds: ['01', '03'], lead: true }, { name: '郑卫东', userId: userIdOf(people.r1), branchIds: ['02'] }], version: first.version },
      }),
      200,
    );
    expect(second.workingGroup[0]).toMatchObject({ id: expert.id, claimCode: expert.claimCode, branchIds: ['01', '03'], lead: true });
    const claimed = expectStatus(await h.call(scoring.claimScoringAssignment, { token: people.lead, body: { code: expert.claimCode } }), 200);
    expect(claimed).toMatchObject({ role: 'reviewer', lead: true, branchNames: ['青年新苑第一党支部', '青年新苑第三党支部'] });
  });
});

describe('moving a period', () => {
  it('goes one step at a time, each only when ready, and is in the history and the audit trail', async () => {
    const p = await setUpPeriod(h, people);
    const skip = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'review', version: p.version } });
    expect(skip.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    await movePeriod(h, people.committee, p, 'self-assessment');
    const noResults = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'announcement', version: p.version } });
    expect(noResults.body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    await movePeriod(h, people.committee, p, 'review');
    const notReady = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'announcement', version: p.version } });
    expect(isProblem(notReady, 409)).toBe(true);
    expect(notReady.body).toMatchObject({ type: 'urn:gongzhi:problem:period-not-ready' });
    expect(notReady.body.errors.map((e: any) => e.path)).toEqual(['branches.01', 'branches.02', 'branches.03']);
    expect(p.body.history.map((e: any) => `${e.from}→${e.to}`)).toEqual(['null→setup', 'setup→self-assessment', 'self-assessment→review']);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 50 } }), 200);
    expect(audit.items.filter((e: any) => e.action === 'scoring-period-move' && e.target?.id === p.id).map((e: any) => e.change)).toEqual([
      'self-assessment → review',
      'setup → self-assessment',
    ]);
  });

  it('opens the self-assessment only with a complete sheet, and the review only with a lead and a reviewer per branch', async () => {
    const p = await setUpPeriod(h, people);
    let version = p.version;
    for (const c of DEFAULT_SHEET.categories)
      version = expectStatus(await h.call(scoring.removeScoringSheetCategory, { token: people.committee, params: { id: p.id }, body: { categoryId: c.id, version } }), 200).version;
    const empty = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'self-assessment', version } });
    expect(empty.body).toMatchObject({ type: 'urn:gongzhi:problem:period-not-ready', errors: [{ path: 'sheet.categories', message: '考评表至少要有一个类别' }] });

    const q = await setUpPeriod(h, people);
    const onlyLead = expectStatus(
      await h.call(scoring.setScoringWorkingGroup, { token: people.committee, params: { id: q.id }, body: { members: [{ name: '宋金花', userId: userIdOf(people.lead), branchIds: ['01'], lead: true }], version: q.version } }),
      200,
    );
    q.version = onlyLead.version;
    await movePeriod(h, people.committee, q, 'self-assessment');
    const r = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: q.id }, body: { to: 'review', version: q.version } });
    expect(r.body.errors.map((e: any) => e.message)).toEqual(['“青年新苑第二党支部”还没有复核人', '“青年新苑第三党支部”还没有复核人']);
  });
});

describe('key tasks', () => {
  it('are handed to branches one task each, written by their secretaries stage by stage, and counted on the board', async () => {
    const p = await setUpPeriod(h, people);
    const made = expectStatus(
      await h.call(scoring.createScoringKeyTasks, {
        token: people.committee,
        params: { id: p.id },
        body: { branchIds: ['01', '02'], title: '开展“红色小管家”走访入户', description: '每季度走访全覆盖', dueDate: '2026-12-31' },
      }),
      201,
    );
    expect(made.items.map((t: any) => t.branchId)).toEqual(['01', '02']);
    const task = made.items[0];
    const planned = expectStatus(
      await h.call(scoring.reportScoringKeyTask, { token: people.sec1, params: { id: p.a1 }, body: { taskId: task.id, stage: 'plan', text: '每月第一周走访 20 户', version: task.version } }),
      200,
    );
    expect(planned.plan).toMatchObject({ text: '每月第一周走访 20 户', byName: '刘玉兰' });
    // another branch's secretary may not write it, and cannot reach it through their own branch either
    const other = await h.call(scoring.reportScoringKeyTask, { token: people.sec2, params: { id: p.a1 }, body: { taskId: task.id, stage: 'plan', text: '改', version: planned.version } });
    expect(isProblem(other, 403)).toBe(true);
    const wrongBranch = await h.call(scoring.reportScoringKeyTask, { token: people.sec2, params: { id: p.a2 }, body: { taskId: task.id, stage: 'plan', text: '改', version: planned.version } });
    expect(isProblem(wrongBranch, 404)).toBe(true);
    const stale = await h.call(scoring.reportScoringKeyTask, { token: people.sec1, params: { id: p.a1 }, body: { taskId: task.id, stage: 'execution', text: '已走访', version: task.version } });
    expect(stale.body.type).toBe('urn:gongzhi:problem:stale-version');
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items.map((i: any) => i.tasks)).toEqual([
      { count: 1, planned: 1, executed: 0, summarised: 0 },
      { count: 1, planned: 0, executed: 0, summarised: 0 },
      { count: 0, planned: 0, executed: 0, summarised: 0 },
    ]);
  });

  it('are made once for a retried request', async () => {
    const p = await setUpPeriod(h, people);
    const headers = { 'idempotency-key': `tasks-${randomUUID()}` };
    const body = { branchIds: ['03'], title: '整理党建台账' };
    const first = expectStatus(await h.call(scoring.createScoringKeyTasks, { token: people.committee, params: { id: p.id }, body, headers }), 201);
    const again = expectStatus(await h.call(scoring.createScoringKeyTasks, { token: people.committee, params: { id: p.id }, body, headers }), 201);
    expect(again).toEqual(first);
    const other = await h.call(scoring.createScoringKeyTasks, { token: people.committee, params: { id: p.id }, body: { branchIds: ['01'], title: '别的任务' }, headers });
    expect(isProblem(other, 422)).toBe(true);
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items.map((i: any) => i.tasks.count)).toEqual([0, 0, 1]);
  });
});

describe('who sees what', () => {
  it('shows the board to staff and the lead whole, to reviewers and secretaries their branches, to others nothing', async () => {
    const p = await setUpPeriod(h, people);
    const rows = async (token: string) => expectStatus(await h.call(scoring.getScoringPeriodBoard, { token, params: { id: p.id } }), 200).items.map((i: any) => i.branch.id);
    expect(await rows(people.lead)).toEqual(['01', '02', '03']);
    expect(await rows(people.r1)).toEqual(['01', '02']);
    expect(await rows(people.sec3)).toEqual(['03']);
    expect(isProblem(await h.call(scoring.getScoringPeriodBoard, { token: people.resident, params: { id: p.id } }), 403)).toBe(true);
  });

  it('keeps communities apart: another community’s committee finds nothing', async () => {
    const p = await setUpPeriod(h, people);
    await putCommunity({ id: 'other-scoring', name: '别的社区', subdistrict: '某街道', district: '某区' });
    await putBranch('other-scoring', { id: '01', name: '别的党支部' });
    await createUserWithLogin(
      { id: randomUUID(), communityId: 'other-scoring', name: '外社区工作人员', roles: ['committee'], createdAt: new Date().toISOString() },
      { kind: 'staff', name: 'scoring-outsider', passwordHash: await hashPassword('Outsider@2026') },
    );
    const outsider = expectStatus(await h.call(api.identity.staffLogin, { body: { username: 'scoring-outsider', password: 'Outsider@2026', communityId: 'other-scoring' } }), 200).token;
    const before = await h.snapshot();
    expect(isProblem(await h.call(scoring.getScoringPeriod, { token: outsider, params: { id: p.id } }), 404)).toBe(true);
    expect(isProblem(await h.call(scoring.getScoringAssessment, { token: outsider, params: { id: p.a1 } }), 404)).toBe(true);
    expect(isProblem(await h.call(scoring.moveScoringPeriod, { token: outsider, params: { id: p.id }, body: { to: 'self-assessment', version: p.version } }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    const theirs = expectStatus(await h.call(scoring.listScoringPeriods, { token: outsider }), 200);
    expect(theirs.items).toEqual([]);
  });
});
