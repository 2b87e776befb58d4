/**
 * The working group re-checks (复核): each assigned reviewer scores every criterion with private notes, progress
 * “n/m”, differences from the self-assessment; the lead sets the final score and star (a reason where it differs),
 * written once however many clicks race. Then the announcement (公示) to residents with objections through
 * feedback, final (亮星), the distribution across periods, a branch's history, and the exports.
 */
import { api } from '../../shared/api';
import { getPeriod, savePeriod } from '../../functions/src/scoring/store';
import { Harness, isProblem } from '../support/harness';
import { expectStatus, movePeriod, openPeriod, scoreAll, signInPeople, submitReview, submitSelf, type OpenPeriod, type People } from './scoring-fixtures';

const { scoring } = api;
const COMMUNITY = 'baogong-qingnian';

let h: Harness;
let people: People;
beforeAll(async () => {
  h = await Harness.start();
  people = await signInPeople(h);
}, 60_000);
afterAll(() => h.close());

const page = async (token: string, id: string) => expectStatus(await h.call(scoring.getScoringAssessment, { token, params: { id } }), 200);
const finalise = (token: string, id: string, body: Record<string, unknown>) => h.call(scoring.finaliseScoringAssessment, { token, params: { id }, body });

/** A period in review: branch 01 proposed 94 ★★★★ (two deductions), 02 100 ★★★★ (no bonus item), 03 nothing. */
const inReview = async (overrides: Record<string, unknown> = {}): Promise<OpenPeriod> => {
  const p = await openPeriod(h, people, overrides);
  await submitSelf(h, people.sec1, p.a1, { 'party-rules': [{ ruleId: 'general-meeting' }], venue: [{ ruleId: 'no-venue' }] });
  await submitSelf(h, people.sec2, p.a2);
  await movePeriod(h, people.committee, p, 'review');
  return p;
};

describe('reviewing', () => {
  it('is for the reviewers assigned to the branch, with notes its secretary never reads; the lead sees every review', async () => {
    const p = await inReview();
    // r1 reviews 01 and 02, not 03
    const notAssigned = await h.call(scoring.saveScoringReviewEntry, { token: people.r1, params: { id: p.a3 }, body: { criterionId: 'venue', version: 0 } });
    expect(isProblem(notAssigned, 403)).toBe(true);
    expect(isProblem(await h.call(scoring.saveScoringReviewEntry, { token: people.sec1, params: { id: p.a1 }, body: { criterionId: 'venue', version: 0 } }), 403)).toBe(true);

    const first = expectStatus(
      await h.call(scoring.saveScoringReviewEntry, {
        token: people.r1,
        params: { id: p.a1 },
        body: { criterionId: 'records', deductions: [{ ruleId: 'dues-late' }], note: '党费收缴记录缺 3 个月', version: 0 },
      }),
      200,
    );
    expect(first.viewer).toEqual(['reviewer']);
    expect(first.reviews.mine).toMatchObject({ status: 'draft', version: 1, entries: [{ criterionId: 'records', note: '党费收缴记录缺 3 个月' }] });
    expect(first.reviews.mine.differences).toEqual([{ criterionId: 'records', self: 5, review: 3, delta: -2 }]);
    expect(first.reviews.all).toBeUndefined();
    // a second first save is stale: the review exists now
    expect((await h.call(scoring.saveScoringReviewEntry, { token: people.r1, params: { id: p.a1 }, body: { criterionId: 'venue', version: 0 } })).body.type).toBe('urn:gongzhi:problem:stale-version');

    const secretary = await page(people.sec1, p.a1);
    expect(secretary.reviews).toEqual({ assigned: 2, submitted: 0, reviewers: [expect.objectContaining({ name: '郑卫东', submitted: false }), expect.objectContaining({ name: '梁晓燕', submitted: false })] });
    expect(JSON.stringify(secretary)).not.toContain('党费收缴记录缺 3 个月');
    const lead = await page(people.lead, p.a1);
    expect(lead.viewer).toEqual(['lead']);
    expect(lead.reviews.all.map((r: any) => r.reviewerName)).toEqual(['郑卫东']);
  });

  it('keeps each reviewer’s review apart: two saving at once both keep what they saved', async () => {
    const p = await inReview();
    const [a, b] = await Promise.all([
      h.call(scoring.saveScoringReviewEntry, { token: people.r1, params: { id: p.a2 }, body: { criterionId: 'venue', score: 6, version: 0 } }),
      h.call(scoring.saveScoringReviewEntry, { token: people.r2, params: { id: p.a2 }, body: { criterionId: 'venue', score: 7, version: 0 } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const lead = await page(people.lead, p.a2);
    expect(lead.reviews.all.map((r: any) => [r.reviewerName, r.entries[0].score]).sort()).toEqual([
      ['梁晓燕', 7],
      ['郑卫东', 6],
    ]);
  });

  it('counts submitted reviews as progress, suggests the reviewers’ mean to the lead, and refuses an incomplete review', async () => {
    const p = await inReview();
    const partial = await scoreAll(h, people.r1, p.a1, {}, 'review').then(() => page(people.r1, p.a1));
    expect(partial.reviews.mine.status).toBe('draft');
    const incomplete = await h.call(scoring.saveScoringReviewEntry, { token: people.r2, params: { id: p.a1 }, body: { criterionId: 'venue', version: 0 } });
    expect(incomplete.status).toBe(200);
    const refused = await h.call(scoring.submitScoringReview, { token: people.r2, params: { id: p.a1 }, body: { version: 1 } });
    expect(refused.body.type).toBe('urn:gongzhi:problem:incomplete');

    await h.call(scoring.submitScoringReview, { token: people.r1, params: { id: p.a1 }, body: { version: partial.reviews.mine.version } });
    const one = await page(people.lead, p.a1);
    expect([one.reviews.submitted, one.reviews.assigned]).toEqual([1, 2]);
    // r1 gave full marks: the suggestion is 100 (★★★★ without a bonus item)
    expect(one.reviews.suggested).toEqual({ total: 100, star: 4 });
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items[0].reviews).toEqual({ assigned: 2, submitted: 1 });
  });
});

describe('the final result', () => {
  it('is the lead’s alone, after a review, with a reason where it differs from the proposal', async () => {
    const p = await inReview();
    expect((await finalise(people.lead, p.a1, { total: 93, star: 4 })).body.type).toBe('urn:gongzhi:problem:no-review');
    await submitReview(h, people.r1, p.a1, { 'party-rules': [{ ruleId: 'general-meeting' }], venue: [{ ruleId: 'no-venue' }], records: [{ ruleId: 'dues-late' }] });
    expect(isProblem(await finalise(people.r1, p.a1, { total: 93, star: 4 }), 403)).toBe(true);
    expect(isProblem(await finalise(people.committee, p.a1, { total: 93, star: 4 }), 403)).toBe(true);
    const noReason = await finalise(people.lead, p.a1, { total: 91, star: 4 });
    expect(isProblem(noReason, 400)).toBe(true);
    expect(noReason.body.errors).toEqual([{ location: 'body', path: 'reason', message: '与自评不同，请填写理由' }]);
    const set = expectStatus(await finalise(people.lead, p.a1, { total: 91, star: 4, reason: '复核发现党费未按时收缴，扣 2 分' }), 200);
    expect(set.result).toMatchObject({ total: 91, star: 4, reason: '复核发现党费未按时收缴，扣 2 分', byName: '宋金花', proposed: { total: 94, star: 4 }, reviewsCounted: 1 });
    // the secretary reads the result and its reason
    expect((await page(people.sec1, p.a1)).result).toMatchObject({ total: 91, reason: '复核发现党费未按时收缴，扣 2 分' });
    // no more reviewing once it is set
    const late = await h.call(scoring.saveScoringReviewEntry, { token: people.r2, params: { id: p.a1 }, body: { criterionId: 'venue', version: 0 } });
    expect(late.body.type).toBe('urn:gongzhi:problem:result-set');
  });

  it('is written once: ten racing finalisations, one result', async () => {
    const p = await inReview();
    await submitReview(h, people.r2, p.a2);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => finalise(people.lead, p.a2, { total: 100 - i, star: 4, reason: `第 ${i} 次` })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.type === 'urn:gongzhi:problem:result-set')).toBe(true);
    const winner = answers.find((a) => a.status === 200)!.body.result;
    expect((await page(people.committee, p.a2)).result).toEqual(winner);
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 50 } }), 200);
    expect(audit.items.filter((e: any) => e.action === 'scoring-result' && e.target?.id === p.a2)).toHaveLength(1);
  });

  it('agreeing with the proposal needs no reason', async () => {
    const p = await inReview();
    await submitReview(h, people.r1, p.a2);
    const set = expectStatus(await finalise(people.lead, p.a2, { total: 100, star: 4 }), 200);
    expect(set.result.reason).toBeUndefined();
  });
});

describe('announcement, final and results', () => {
  /** A period with every branch finalised: 01 ★★★ (76), 02 ★★ (65), 03 ★★★ (79). */
  const finalised = async (overrides: Record<string, unknown> = {}) => {
    const p = await inReview(overrides);
    await submitSelf(h, people.sec3, p.a3).catch(() => undefined); // 03 never submitted: the self-assessment closed
    for (const [a, total, star] of [
      [p.a1, 76, 3],
      [p.a2, 65, 2],
      [p.a3, 79, 3],
    ] as const) {
      await submitReview(h, people.r2, a);
      expectStatus(await finalise(people.lead, a, { total, star, reason: '按复核结果' }), 200);
    }
    return p;
  };

  it('publishes results to the community’s residents for the set days, with how to object, then reads as final', async () => {
    const p = await finalised();
    expect(isProblem(await h.call(scoring.getScoringResults, { token: people.resident, params: { id: p.id } }), 404)).toBe(true);
    const draft = expectStatus(await h.call(scoring.getScoringResults, { token: people.committee, params: { id: p.id } }), 200);
    expect(draft.public).toBe(false);
    await movePeriod(h, people.committee, p, 'announcement');
    expect(p.body.announcement.endsAt).toBe(new Date(Date.parse(p.body.announcement.startsAt) + 7 * 86_400_000).toISOString());

    const seen = expectStatus(await h.call(scoring.getScoringResults, { token: people.resident, params: { id: p.id } }), 200);
    expect(seen).toMatchObject({ public: true, distribution: { 2: 1, 3: 2 } });
    expect(seen.branches.map((b: any) => [b.branchName, b.star, b.total])).toEqual([
      ['青年新苑第一党支部', 3, 76],
      ['青年新苑第二党支部', 2, 65],
      ['青年新苑第三党支部', 3, 79],
    ]);
    expect(seen.branches[1].objection).toEqual({ category: 'other', title: '对青年新苑第二党支部星级评定结果的意见', description: expect.stringContaining('青年新苑第二党支部') });
    // the objection is a feedback a resident can send as it is
    const objection = await h.call(api.feedback.submitFeedback, {
      token: people.resident,
      body: { category: 'other', title: seen.branches[1].objection.title, description: `${seen.branches[1].objection.description}走访记录不全。`, compound: '青年新苑' },
    });
    expect(objection.status).toBe(201);

    const early = await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'final', version: p.version } });
    expect(early.body.type).toBe('urn:gongzhi:problem:period-not-ready');

    // the days pass
    const stored = (await getPeriod(COMMUNITY, p.id))!;
    const ended = (await savePeriod(stored, { announcement: { startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-08T00:00:00.000Z' } }, { expectedVersion: stored.version, at: new Date().toISOString() }))!;
    const after = expectStatus(await h.call(scoring.getScoringResults, { token: people.resident, params: { id: p.id } }), 200);
    expect(after.period.status).toBe('final');
    expect(after.branches.every((b: any) => !b.objection)).toBe(true);
    const final = expectStatus(await h.call(scoring.moveScoringPeriod, { token: people.committee, params: { id: p.id }, body: { to: 'final', version: ended.version } }), 200);
    expect(final.status).toBe('final');
    expect(final.next).toBeNull();
  });

  it('shows the distribution per period and its change, and a branch’s stars across periods', async () => {
    const first = await finalised({ startDate: '2024-01-01', endDate: '2024-06-30' });
    await movePeriod(h, people.committee, first, 'announcement');
    const second = await inReview({ startDate: '2024-07-01', endDate: '2024-12-31' });
    await submitReview(h, people.r2, second.a1);
    expectStatus(await finalise(people.lead, second.a1, { total: 85, star: 4, reason: '整改到位' }), 200);

    const residents = expectStatus(await h.call(scoring.getScoringStarDistribution, { token: people.resident }), 200);
    expect(residents.periods.map((x: any) => x.period.id)).toContain(first.id);
    expect(residents.periods.map((x: any) => x.period.id)).not.toContain(second.id);
    const staff = expectStatus(await h.call(scoring.getScoringStarDistribution, { token: people.committee }), 200);
    const [before, after] = [staff.periods.find((x: any) => x.period.id === first.id), staff.periods.find((x: any) => x.period.id === second.id)];
    expect(before.counts).toEqual({ 1: 0, 2: 1, 3: 2, 4: 0, 5: 0, unrated: 0 });
    expect(after).toMatchObject({ period: { id: second.id }, public: false, counts: { 4: 1 }, rated: 1 });
    expect(after.change).toBeDefined();

    const history = expectStatus(await h.call(scoring.getScoringBranchHistory, { token: people.committee, params: { id: '01' } }), 200);
    const mine = history.entries.filter((e: any) => [first.id, second.id].includes(e.period.id));
    expect(mine.map((e: any) => e.result.star)).toEqual([3, 4]);
    expect(mine[1].move).toBe('up');
    expect(mine[0].rectification).toMatchObject({ problems: 2 });
    const residentHistory = expectStatus(await h.call(scoring.getScoringBranchHistory, { token: people.resident, params: { id: '01' } }), 200);
    expect(residentHistory.entries.map((e: any) => e.period.id)).not.toContain(second.id);
    expect(residentHistory.entries.every((e: any) => !e.proposed && !e.rectification)).toBe(true);
    expect(isProblem(await h.call(scoring.getScoringBranchHistory, { token: people.resident, params: { id: '99' } }), 404)).toBe(true);
  });

  it('exports the results as CSV and a branch’s record as CSV and a printable report, each in the audit trail', async () => {
    const p = await finalised();
    const results = expectStatus(await h.call(scoring.exportScoringResults, { token: people.committee, params: { id: p.id } }), 200);
    expect(results.filename).toMatch(/^星级评定结果_.*\.csv$/);
    const lines = results.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF党支部,支部书记,自评得分,自评星级,复核进度,复核建议得分,复核建议星级,最终得分,最终星级,调整理由,确定人,问题数,整改措施,已完成,已逾期');
    expect(lines[2]).toBe('青年新苑第二党支部,陈志强,100,★★★★,1/2,100,★★★★,65,★★,按复核结果,宋金花,0,0,0,0');
    expect(results.report.sections.map((s: any) => s.heading)).toEqual(['星级分布', '各党支部结果']);
    expect(results.report.sections[1].rows[1]).toEqual(['青年新苑第二党支部', '陈志强', '100 分 ★★★★', '1/2', '100 分 ★★★★', '65 分 ★★', '按复核结果', '问题 0，措施 0，完成 0']);
    const record = expectStatus(await h.call(scoring.exportScoringBranchRecord, { token: people.committee, params: { id: p.a1 } }), 200);
    expect(record.report.sections.map((s: any) => s.heading)).toEqual([
      '基本情况',
      '量化考评（自评）',
      '否决项和加分项（自评）',
      '问题清单和整改',
      '支部大会',
      '重点工作任务',
      '工作小组复核',
      '群众评价（反馈统计）',
      '佐证材料',
    ]);
    expect(record.report.sections[3].rows.map((r: string[]) => r[1])).toEqual(['未按期召开支部大会', '无固定活动场所']);
    expect(record.csv).toContain('【问题清单和整改】');
    const audit = expectStatus(await h.call(api.identity.listAuditTrail, { token: await h.staff('admin', 'Admin@2026'), query: { limit: 50 } }), 200);
    expect(audit.items.filter((e: any) => e.action === 'scoring-export').map((e: any) => e.target.id)).toEqual(expect.arrayContaining([p.id, p.a1]));
  });
});
