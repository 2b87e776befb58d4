/**
 * Problems from deductions, rectification counts, the star distribution and its change, reviews consolidated for
 * the lead, when the lead must give a reason, the mentoring counts, and the CSV and report shapes.
 */
import fc from 'fast-check';
import { DEFAULT_SHEET } from '../../../shared/scoring/default-sheet';
import { reportCsv, resultsCsv, resultsReport } from '../../../shared/scoring/export';
import { measureOverdue, problemsOf, rectificationCounts } from '../../../shared/scoring/problems';
import type { CriterionEntry } from '../../../shared/scoring/rules';
import {
  consolidateReviews,
  countsChange,
  differences,
  finalNeedsReason,
  meanStar,
  satisfactionPercent,
  starCounts,
  starMove,
} from '../../../shared/scoring/results';
import { assess } from '../../../shared/scoring/rules';
import { criteriaOf, type Star } from '../../../shared/scoring/sheet';
import { sessionCounts } from '../../../shared/scoring/studio';

const full = (): Record<string, CriterionEntry & { note?: string }> => Object.fromEntries(criteriaOf(DEFAULT_SHEET).map((k) => [k.id, { deductions: [] }]));

describe('the problem list', () => {
  it('holds every deduction, in sheet order, named <criterion>.<rule>, with the points lost', () => {
    const entries = full();
    entries['home-visits'] = { deductions: [{ ruleId: 'visits-short', times: 2 }] };
    entries['party-rules'] = { deductions: [{ ruleId: 'general-meeting', times: 1 }] };
    expect(problemsOf(DEFAULT_SHEET, entries)).toEqual([
      expect.objectContaining({ key: 'party-rules.general-meeting', categoryName: '运行质效', text: '未按期召开支部大会', points: 2, times: 1 }),
      expect.objectContaining({ key: 'home-visits.visits-short', categoryName: '服务群众', points: 2, times: 2 }),
    ]);
  });

  it('holds a direct score below what the rules leave as one more problem, in the secretary’s words', () => {
    const entries = full();
    entries['venue'] = { deductions: [{ ruleId: 'not-open', times: 1 }], score: 5, note: '党群服务站周末未开放' };
    const problems = problemsOf(DEFAULT_SHEET, entries);
    expect(problems.map((p) => [p.key, p.points])).toEqual([
      ['venue.not-open', 2],
      ['venue.other', 1],
    ]);
    expect(problems[1]!.text).toBe('党群服务站周末未开放');
  });

  it('has no problem for a criterion at full marks, or one not scored', () => {
    expect(problemsOf(DEFAULT_SHEET, {})).toEqual([]);
    expect(problemsOf(DEFAULT_SHEET, full())).toEqual([]);
  });

  it('loses exactly the points the assessment loses (deductions floored per criterion aside)', () => {
    const entriesArb = fc.array(fc.tuple(fc.constantFrom(...criteriaOf(DEFAULT_SHEET)), fc.nat(), fc.nat()), { maxLength: 6 }).map((picks) => {
      const entries = full();
      for (const [k, r, t] of picks) {
        const rule = k.deductions[r % k.deductions.length]!;
        const times = 1 + (t % rule.maxTimes);
        if (!entries[k.id]!.deductions.some((d) => d.ruleId === rule.id)) entries[k.id]!.deductions.push({ ruleId: rule.id, times });
      }
      return entries;
    });
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const a = assess(DEFAULT_SHEET, { entries, vetoes: [], bonuses: [] });
        const lost = problemsOf(DEFAULT_SHEET, entries).reduce((s, p) => s + p.points, 0);
        const floored = a.criteria.reduce((s, c) => s + Math.max(0, c.deducted - c.maxPoints), 0);
        expect(100 - a.base).toBe(lost - floored);
      }),
    );
  });
});

describe('rectification', () => {
  it('is overdue once the deadline has passed and it is not done', () => {
    expect(measureOverdue({ deadline: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(measureOverdue({ deadline: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(measureOverdue({ deadline: '2026-11-30', doneAt: '2026-12-02T00:00:00Z' }, '2026-12-05')).toBe(false);
  });

  it('counts problems covered, measures done, overdue and open', () => {
    const measures = [
      { problemKey: 'a.x', deadline: '2026-12-31' },
      { problemKey: 'a.x', deadline: '2026-10-01', doneAt: '2026-09-30T00:00:00Z' },
      { problemKey: 'b.y', deadline: '2026-10-01' },
    ];
    expect(rectificationCounts(['a.x', 'b.y', 'c.z'], measures, '2026-11-27')).toEqual({ problems: 3, covered: 2, measures: 3, done: 1, overdue: 1, open: 1 });
  });
});

describe('the star distribution', () => {
  const seed: (Star | null)[] = [...Array<Star>(15).fill(3), 2, 2];

  it('counts the seed’s branches: 15 × ★★★, 2 × ★★', () => {
    expect(starCounts(seed)).toEqual({ 1: 0, 2: 2, 3: 15, 4: 0, 5: 0, unrated: 0 });
    expect(meanStar(starCounts(seed))).toBe(2.9);
    expect(meanStar(starCounts([null]))).toBeUndefined();
  });

  it('tells the change from the period before, star by star, and each branch’s move', () => {
    const next = starCounts([...Array<Star>(12).fill(3), 4, 4, 4, 2, null]);
    expect(countsChange(next, starCounts(seed))).toEqual({ 1: 0, 2: -1, 3: -3, 4: 3, 5: 0, unrated: 1 });
    expect([starMove(2, 3), starMove(3, 3), starMove(3, null), starMove(undefined, 3)]).toEqual(['up', 'same', 'down', undefined]);
  });

  it('always counts every branch once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom<Star>(1, 2, 3, 4, 5), { nil: null })), (stars) => {
        const c = starCounts(stars);
        expect(c[1] + c[2] + c[3] + c[4] + c[5] + c.unrated).toBe(stars.length);
      }),
    );
  });
});

describe('the reviews, for the lead', () => {
  it('reads satisfaction as the share of five stars', () => {
    expect([satisfactionPercent(3), satisfactionPercent(4.42), satisfactionPercent(undefined)]).toEqual([60, 88, undefined]);
  });

  it('suggests per criterion the reviewers’ mean, vetoes any found, bonuses all granted', () => {
    const a = full();
    a['party-rules'] = { deductions: [{ ruleId: 'general-meeting', times: 2 }] }; // 6
    const b = full();
    b['party-rules'] = { deductions: [{ ruleId: 'three-one', times: 1 }] }; // 9
    const s = consolidateReviews(DEFAULT_SHEET, [
      { entries: a, vetoes: [], bonuses: ['honour', 'brand'] },
      { entries: b, vetoes: ['incident'], bonuses: ['honour'] },
    ])!;
    expect(s.criteria.find((c) => c.criterionId === 'party-rules')!.score).toBe(8); // 7.5 rounds half up
    expect([s.base, s.bonus, s.star]).toEqual([98, 3, 2]);
    expect(consolidateReviews(DEFAULT_SHEET, [])).toBeUndefined();
  });

  it('highlights where a review differs from the self-assessment', () => {
    const self = assess(DEFAULT_SHEET, { entries: full(), vetoes: [], bonuses: [] });
    const entries = full();
    entries['records'] = { deductions: [{ ruleId: 'dues-late', times: 1 }] };
    const review = assess(DEFAULT_SHEET, { entries, vetoes: [], bonuses: [] });
    expect(differences(self, review)).toEqual([{ criterionId: 'records', self: 5, review: 3, delta: -2 }]);
  });

  it('asks the lead for a reason where the final differs from the proposal, or nothing was proposed', () => {
    expect(finalNeedsReason({ total: 76, star: 3 }, { total: 76, star: 3 })).toBe(false);
    expect(finalNeedsReason({ total: 74, star: 3 }, { total: 76, star: 3 })).toBe(true);
    expect(finalNeedsReason({ total: 76, star: 2 }, { total: 76, star: 3 })).toBe(true);
    expect(finalNeedsReason({ total: 76, star: 3 }, undefined)).toBe(true);
  });
});

describe('the studio’s counts', () => {
  it('counts per member the lessons and symposiums they led and the attendances they reached', () => {
    const counts = sessionCounts(
      ['a', 'b', 'c'],
      [
        { kind: 'party-lesson', mentorIds: ['a', 'b'], attendeeCount: 20 },
        { kind: 'symposium', mentorIds: ['a', 'a'], attendeeCount: 8 },
        { kind: 'symposium', mentorIds: ['x'], attendeeCount: 5 },
      ],
    );
    expect(counts).toEqual({
      a: { 'party-lesson': 1, symposium: 1, attendees: 28 },
      b: { 'party-lesson': 1, symposium: 0, attendees: 20 },
      c: { 'party-lesson': 0, symposium: 0, attendees: 0 },
    });
  });
});

describe('exports', () => {
  it('writes the results as Excel-friendly CSV with Chinese headers and star text', () => {
    const csv = resultsCsv([
      {
        branchName: '望湖小区党支部',
        secretaryName: '赵德明',
        proposed: { total: 76, star: 3 },
        reviews: { assigned: 2, submitted: 2 },
        suggested: { total: 74, star: 3 },
        result: { total: 74, star: 3, reason: '复核发现台账缺失', byName: '陈静' },
        rectification: { problems: 4, covered: 4, measures: 5, done: 3, overdue: 1, open: 1 },
      },
    ]);
    expect(csv.startsWith('\uFEFF党支部,支部书记,自评得分')).toBe(true);
    expect(csv).toContain('望湖小区党支部,赵德明,76,★★★,2/2,74,★★★,74,★★★,复核发现台账缺失,陈静,4,5,3,1\r\n');
  });

  it('lays the results out as a printable report: the distribution of final stars, then a line per branch', () => {
    const rectification = { problems: 2, covered: 2, measures: 2, done: 1, overdue: 1, open: 0 };
    const report = resultsReport({ name: '2025年度', startDate: '2025-01-01', endDate: '2025-12-31', statusLabel: '亮星（已定）' }, [
      { branchName: '望湖小区党支部', proposed: { total: 76, star: 3 }, reviews: { assigned: 2, submitted: 2 }, result: { total: 74, star: 3, byName: '陈静' }, rectification },
      { branchName: '紫云小区党支部', proposed: { total: 66, star: 2 }, reviews: { assigned: 2, submitted: 2 }, result: { total: 60, star: null, reason: '一票否决', byName: '陈静' }, rectification },
      { branchName: '桐城路小区党支部', reviews: { assigned: 2, submitted: 0 }, rectification },
    ]);
    expect(report.title).toBe('2025年度 星级党支部创评结果');
    expect(report.subtitle).toBe('评定周期 2025-01-01 至 2025-12-31，亮星（已定）；3 个党支部参评，2 个已确定星级');
    expect(report.sections.map((s) => s.heading)).toEqual(['星级分布', '各党支部结果']);
    expect(report.sections[0]!.rows.map((r) => r[1])).toEqual(['0', '0', '1', '0', '0', '1']);
    expect(report.sections[1]!.rows[1]).toEqual(['紫云小区党支部', '', '66 分 ★★', '2/2', '', '60 分 不予评星', '一票否决', '问题 2，措施 2，完成 1，逾期 1']);
    expect(report.sections[1]!.rows[2]![2]).toBe('未提交');
    for (const s of report.sections) for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
  });

  it('writes a report as its sections one after another, each with its heading and columns', () => {
    const csv = reportCsv({ title: '档案', subtitle: '2025年度', sections: [{ heading: '基本情况', columns: ['项目', '内容'], rows: [['党支部', '=1+1']] }] });
    expect(csv.split('\r\n')).toEqual(['\uFEFF档案,', '2025年度,', ',', '【基本情况】,', '项目,内容', "党支部,'=1+1", '']);
  });
});
