/**
 * The scoring sheet's checks as tables (issue 11): every flaw of an entry and of a sheet with the words the
 * committee reads, each limit at max and max + 1 (times a rule applies, a direct score, a deduction's points,
 * thresholds equal or rising), and a criterion's score for odd entries (a rule the criterion lacks, negative times,
 * a bonus cap below zero).
 */
import { DEFAULT_SHEET } from '../../../shared/scoring/default-sheet';
import { assess, criterionScore, entryFlaws, type CriterionEntry } from '../../../shared/scoring/rules';
import { findCriterion, maxBasePoints, sheetFlaws, starText, thresholdsAscend, type Sheet } from '../../../shared/scoring/sheet';

/** A small sheet: one category of one criterion (10 points) with a rule that may apply up to 3 times. */
const small = (): Sheet => ({
  categories: [
    {
      id: 'c',
      name: '组织生活',
      residentsVoice: false,
      criteria: [{ id: 'k', title: '三会一课', maxPoints: 10, deductions: [{ id: 'r', text: '未按期召开支部大会', points: 2, maxTimes: 3 }] }],
    },
  ],
  vetoItems: [{ id: 'v', text: '严重违纪', effect: { kind: 'unrated' } }],
  bonusItems: [{ id: 'b', text: '获得表彰', points: 3 }],
  bonusCap: 5,
  thresholds: { star2: 60, star3: 70, star4: 80, star5: 90 },
  caps: { fiveStarNeedsBonus: false },
});

describe('an entry’s flaws, in the committee’s words', () => {
  it.each<[string, CriterionEntry, { path: string; message: string }[]]>([
    ['a rule at its most times', { deductions: [{ ruleId: 'r', times: 3 }] }, []],
    ['a rule one time more', { deductions: [{ ruleId: 'r', times: 4 }] }, [{ path: 'deductions.0.times', message: '“未按期召开支部大会”最多扣 3 次' }]],
    ['a rule the criterion lacks', { deductions: [{ ruleId: 'x', times: 1 }] }, [{ path: 'deductions.0.ruleId', message: '该指标没有这个扣分项' }]],
    [
      'a rule chosen twice',
      { deductions: [{ ruleId: 'r', times: 1 }, { ruleId: 'r', times: 1 }] },
      [{ path: 'deductions.1.ruleId', message: '同一扣分项只能选一次（请改次数）' }],
    ],
    [
      'an unknown rule chosen twice: unknown both times, twice the second',
      { deductions: [{ ruleId: 'x', times: 1 }, { ruleId: 'x', times: 1 }] },
      [
        { path: 'deductions.0.ruleId', message: '该指标没有这个扣分项' },
        { path: 'deductions.1.ruleId', message: '该指标没有这个扣分项' },
        { path: 'deductions.1.ruleId', message: '同一扣分项只能选一次（请改次数）' },
      ],
    ],
    ['a direct score of full marks', { deductions: [], score: 10 }, []],
    ['a direct score one over', { deductions: [], score: 11 }, [{ path: 'score', message: '得分不能超过满分 10 分' }]],
    ['a direct score of 0', { deductions: [], score: 0 }, []],
  ])('%s', (_, entry, flaws) => {
    expect(entryFlaws(small(), 'k', entry)).toEqual(flaws);
  });

  it('a criterion the sheet lacks is the only flaw told', () => {
    expect(entryFlaws(small(), 'nope', { deductions: [{ ruleId: 'x', times: 9 }], score: 99 })).toEqual([{ path: 'criterionId', message: '考评表中没有这个指标' }]);
  });
});

describe('a sheet’s flaws, in the committee’s words', () => {
  type Edit = (s: Sheet) => void;
  const criterion = (id: string) => ({ id, title: '指标', maxPoints: 5, deductions: [] });
  it.each<[string, Edit, { path: string; message: string }[]]>([
    ['none', () => {}, []],
    [
      'no category',
      (s) => {
        s.categories = [];
      },
      [{ path: 'categories', message: '考评表至少要有一个类别' }],
    ],
    [
      'a category without criteria',
      (s) => {
        s.categories.push({ id: 'd', name: '保障过硬', residentsVoice: false, criteria: [] });
      },
      [{ path: 'categories.1.criteria', message: '类别“保障过硬”还没有考评指标' }],
    ],
    [
      'a category id twice',
      (s) => {
        s.categories.push({ id: 'c', name: '重复', residentsVoice: false, criteria: [criterion('k2')] });
      },
      [{ path: 'categories.1.id', message: '类别编号“c”重复' }],
    ],
    [
      'a criterion id twice, across categories',
      (s) => {
        s.categories.push({ id: 'd', name: '另一类', residentsVoice: false, criteria: [criterion('k3'), criterion('k')] });
      },
      [{ path: 'categories.1.criteria.1.id', message: '指标编号“k”重复' }],
    ],
    [
      'a rule id twice in a criterion',
      (s) => {
        s.categories[0]!.criteria[0]!.deductions.push({ id: 'r', text: '又一条', points: 1, maxTimes: 1 });
      },
      [{ path: 'categories.0.criteria.0.deductions.1.id', message: '扣分项编号“r”重复' }],
    ],
    [
      'the same rule id in two criteria is fine',
      (s) => {
        s.categories[0]!.criteria.push({ ...criterion('k2'), deductions: [{ id: 'r', text: '同名', points: 1, maxTimes: 1 }] });
      },
      [],
    ],
    [
      'a deduction of the criterion’s full points',
      (s) => {
        s.categories[0]!.criteria[0]!.deductions[0]!.points = 10;
      },
      [],
    ],
    [
      'a deduction one point over',
      (s) => {
        s.categories[0]!.criteria[0]!.deductions[0]!.points = 11;
      },
      [{ path: 'categories.0.criteria.0.deductions.0.points', message: '扣分不能超过该指标的满分 10 分' }],
    ],
    [
      'a veto id twice',
      (s) => {
        s.vetoItems.push({ id: 'w', text: '甲', effect: { kind: 'cap', maxStar: 2 } }, { id: 'v', text: '乙', effect: { kind: 'cap', maxStar: 1 } });
      },
      [{ path: 'vetoItems.2.id', message: '否决项编号“v”重复' }],
    ],
    [
      'a bonus id twice',
      (s) => {
        s.bonusItems.push({ id: 'b', text: '再次', points: 1 });
      },
      [{ path: 'bonusItems.1.id', message: '加分项编号“b”重复' }],
    ],
  ])('%s', (_, edit, flaws) => {
    const s = small();
    edit(s);
    expect(sheetFlaws(s)).toEqual(flaws);
  });

  it.each([
    [{ star2: 60, star3: 70, star4: 80, star5: 90 }, true],
    [{ star2: 70, star3: 70, star4: 80, star5: 90 }, false],
    [{ star2: 60, star3: 80, star4: 80, star5: 90 }, false],
    [{ star2: 60, star3: 70, star4: 90, star5: 90 }, false],
    [{ star2: 60, star3: 70, star4: 80, star5: 79 }, false],
  ])('thresholds %j ascend: %s', (thresholds, ascend) => {
    expect(thresholdsAscend(thresholds)).toBe(ascend);
    const s = small();
    s.thresholds = thresholds;
    expect(sheetFlaws(s)).toEqual(ascend ? [] : [{ path: 'thresholds', message: '星级分数线须从二星到五星逐级升高' }]);
  });
});

describe('a criterion’s score for odd entries', () => {
  const points = (id: string) => (id === 'r' ? 2 : undefined);
  it.each<[string, CriterionEntry | undefined, { deducted: number; score: number }]>([
    ['no entry: full marks', undefined, { deducted: 0, score: 10 }],
    ['a rule the criterion lacks takes nothing', { deductions: [{ ruleId: 'x', times: 2 }] }, { deducted: 0, score: 10 }],
    ['negative times take nothing', { deductions: [{ ruleId: 'r', times: -2 }] }, { deducted: 0, score: 10 }],
    ['zero times take nothing', { deductions: [{ ruleId: 'r', times: 0 }] }, { deducted: 0, score: 10 }],
    ['deductions exactly to zero', { deductions: [{ ruleId: 'r', times: 5 }] }, { deducted: 10, score: 0 }],
    ['a direct score equal to what the rules leave', { deductions: [{ ruleId: 'r', times: 1 }], score: 8 }, { deducted: 2, score: 8 }],
    ['a negative direct score is floored at 0', { deductions: [], score: -3 }, { deducted: 0, score: 0 }],
  ])('%s', (_, entry, expected) => {
    expect(criterionScore(10, points, entry)).toEqual(expected);
  });

  it('an assessment tells each criterion’s points deducted and whether it was scored', () => {
    const a = assess(small(), { entries: { k: { deductions: [{ ruleId: 'r', times: 2 }] } }, vetoes: [], bonuses: [] });
    expect(a.criteria).toEqual([{ criterionId: 'k', maxPoints: 10, deducted: 4, score: 6, scored: true }]);
    expect(a.categories).toEqual([{ categoryId: 'c', name: '组织生活', maxPoints: 10, score: 6 }]);
    expect([a.complete, a.missing]).toEqual([true, []]);
    const none = assess(small(), { entries: {}, vetoes: [], bonuses: ['b'] });
    expect(none.criteria[0]).toMatchObject({ scored: false, deducted: 0, score: 10 });
    expect([none.complete, none.missing, none.base, none.bonus, none.total, none.thresholdStar]).toEqual([false, ['k'], 10, 3, 13, 1]);
  });

  it('a bonus cap below zero adds nothing; one of 0 adds nothing; bonus items the input names but the sheet lacks add nothing', () => {
    const s = small();
    s.bonusCap = -5;
    expect(assess(s, { entries: {}, vetoes: [], bonuses: ['b'] }).bonus).toBe(0);
    s.bonusCap = 0;
    expect(assess(s, { entries: {}, vetoes: [], bonuses: ['b'] }).bonus).toBe(0);
    expect(assess(small(), { entries: {}, vetoes: [], bonuses: ['made-up'] }).bonus).toBe(0);
    // at the cap and over it
    const two: Sheet = { ...small(), bonusItems: [{ id: 'b', text: '甲', points: 3 }, { id: 'c', text: '乙', points: 2 }] };
    expect(assess(two, { entries: {}, vetoes: [], bonuses: ['b', 'c'] }).bonus).toBe(5);
    expect(assess({ ...two, bonusCap: 4 }, { entries: {}, vetoes: [], bonuses: ['b', 'c'] }).bonus).toBe(4);
  });

  it('★★★★★ needs a bonus item only at ★★★★★, and one earned item is enough', () => {
    const s: Sheet = { ...small(), caps: { fiveStarNeedsBonus: true }, thresholds: { star2: 2, star3: 4, star4: 6, star5: 10 } };
    expect(assess(s, { entries: {}, vetoes: [], bonuses: [] }).star).toBe(4);
    expect(assess(s, { entries: {}, vetoes: [], bonuses: ['b'] }).star).toBe(5);
    expect(assess(s, { entries: { k: { deductions: [{ ruleId: 'r', times: 1 }] } }, vetoes: [], bonuses: [] })).toMatchObject({ thresholdStar: 4, star: 4, limits: [] });
  });

  it('a veto the sheet lacks changes nothing', () => {
    expect(assess(small(), { entries: {}, vetoes: ['made-up'], bonuses: [] })).toMatchObject({ star: 1, limits: [] });
  });
});

describe('the sheet’s reading helpers', () => {
  it('star text, the most base points, and where a criterion is', () => {
    expect([1, 2, 3, 4, 5, null].map((s) => starText(s as never))).toEqual(['★', '★★', '★★★', '★★★★', '★★★★★', '不予评星']);
    expect(maxBasePoints(small())).toBe(10);
    expect(maxBasePoints({ categories: [] })).toBe(0);
    expect(findCriterion(DEFAULT_SHEET, 'venue')?.category.id).toBe('support');
    expect(findCriterion(DEFAULT_SHEET, 'nope')).toBeUndefined();
  });
});
