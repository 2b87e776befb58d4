/**
 * The scoring rules: deductions floored at 0 per criterion, a direct score that can only take points off, bonus
 * items lifting the total above 100 up to their cap, thresholds, and caps and vetoes that can only lower the star.
 * Examples first, then properties over random sheets and entries.
 */
import fc from 'fast-check';
import { DEFAULT_SHEET } from '../../../shared/scoring/default-sheet';
import {
  applyCaps,
  assess,
  criterionScore,
  entryFlaws,
  limitText,
  starForTotal,
  unknownItems,
  type CriterionEntry,
  type ScoringInput,
} from '../../../shared/scoring/rules';
import { criteriaOf, DEFAULT_THRESHOLDS, maxBasePoints, sheetFlaws, starText, type Sheet, type Star, type StarThresholds } from '../../../shared/scoring/sheet';

const fullMarks = (sheet: Sheet): Record<string, CriterionEntry> => Object.fromEntries(criteriaOf(sheet).map((k) => [k.id, { deductions: [] }]));
const input = (over: Partial<ScoringInput> = {}): ScoringInput => ({ entries: fullMarks(DEFAULT_SHEET), vetoes: [], bonuses: [], ...over });

describe('the default sheet', () => {
  it('has the seed’s categories, 100 points in all, and no flaw', () => {
    expect(DEFAULT_SHEET.categories.map((c) => c.name)).toEqual(['班子建设', '队伍建设', '运行质效', '服务群众', '保障过硬']);
    expect(maxBasePoints(DEFAULT_SHEET)).toBe(100);
    expect(sheetFlaws(DEFAULT_SHEET)).toEqual([]);
  });

  it('shows residents’ voice beside 服务群众 only, and names the deduction the issue quotes', () => {
    expect(DEFAULT_SHEET.categories.filter((c) => c.residentsVoice).map((c) => c.name)).toEqual(['服务群众']);
    expect(criteriaOf(DEFAULT_SHEET).flatMap((k) => k.deductions).find((d) => d.text === '未按期召开支部大会')?.points).toBe(2);
  });

  it('has the default thresholds: ≥90 ★5, 80–89 ★4, 70–79 ★3, 60–69 ★2, below ★1', () => {
    expect(DEFAULT_SHEET.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map((t) => starForTotal(DEFAULT_THRESHOLDS, t))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
});

describe('a criterion’s score', () => {
  const rules = new Map([
    ['a', 2],
    ['b', 3],
  ]);
  const points = (id: string) => rules.get(id);

  it('is full marks without an entry, and its maximum less the deductions chosen', () => {
    expect(criterionScore(10, points, undefined)).toEqual({ deducted: 0, score: 10 });
    expect(criterionScore(10, points, { deductions: [{ ruleId: 'a', times: 2 }, { ruleId: 'b', times: 1 }] })).toEqual({ deducted: 7, score: 3 });
  });

  it('never goes below 0, however much is deducted', () => {
    expect(criterionScore(4, points, { deductions: [{ ruleId: 'b', times: 3 }] })).toEqual({ deducted: 9, score: 0 });
  });

  it('takes a direct score only when it is lower: it cannot give deducted points back', () => {
    expect(criterionScore(10, points, { deductions: [], score: 6 }).score).toBe(6);
    expect(criterionScore(10, points, { deductions: [{ ruleId: 'b', times: 1 }], score: 9 }).score).toBe(7);
    expect(criterionScore(10, points, { deductions: [], score: 15 }).score).toBe(10);
  });
});

describe('assessing a sheet', () => {
  it('gives full marks ★★★★ without a bonus item (★★★★★ needs one), and ★★★★★ with one', () => {
    const plain = assess(DEFAULT_SHEET, input());
    expect([plain.total, plain.thresholdStar, plain.star]).toEqual([100, 5, 4]);
    expect(plain.limits).toEqual([{ kind: 'five-star-needs-bonus' }]);
    const honoured = assess(DEFAULT_SHEET, input({ bonuses: ['honour'] }));
    expect([honoured.base, honoured.bonus, honoured.total, honoured.star]).toEqual([100, 3, 103, 5]);
  });

  it('lets bonus items lift the total above 100, up to the bonus cap', () => {
    const all = assess(DEFAULT_SHEET, input({ bonuses: ['honour', 'promoted', 'brand'] }));
    expect([all.bonus, all.total]).toEqual([5, 105]);
  });

  it('adds up categories and criteria, and lists the criteria not scored yet', () => {
    const entries = fullMarks(DEFAULT_SHEET);
    delete entries['venue'];
    entries['party-rules'] = { deductions: [{ ruleId: 'general-meeting', times: 1 }] };
    const a = assess(DEFAULT_SHEET, input({ entries }));
    expect(a.complete).toBe(false);
    expect(a.missing).toEqual(['venue']);
    expect(a.categories.find((c) => c.categoryId === 'operation')).toMatchObject({ name: '运行质效', maxPoints: 25, score: 23 });
    expect(a.total).toBe(98);
  });

  it('caps the star at ★★ when residents’ satisfaction is below 60% on enough ratings', () => {
    const low = assess(DEFAULT_SHEET, input({ bonuses: ['honour'], satisfaction: { percent: 56, ratings: 12 } }));
    expect(low.star).toBe(2);
    expect(low.limits).toContainEqual({ kind: 'satisfaction', percent: 56, belowPercent: 60, maxStar: 2 });
    expect(limitText(low.limits.at(-1)!)).toBe('群众满意度 56% 低于 60%，最高评为★★');
    // too few ratings say too little to cap anything
    expect(assess(DEFAULT_SHEET, input({ bonuses: ['honour'], satisfaction: { percent: 40, ratings: 4 } })).star).toBe(5);
    expect(assess(DEFAULT_SHEET, input({ bonuses: ['honour'], satisfaction: { percent: 60, ratings: 40 } })).star).toBe(5);
  });

  it('applies a veto: unrated, or capped at its star, and always says so', () => {
    const unrated = assess(DEFAULT_SHEET, input({ vetoes: ['discipline'] }));
    expect(unrated.star).toBeNull();
    expect(starText(unrated.star)).toBe('不予评星');
    expect(assess(DEFAULT_SHEET, input({ vetoes: ['incident'] })).star).toBe(2);
    const already = assess(DEFAULT_SHEET, { entries: {}, vetoes: ['incident'], bonuses: [] });
    expect(already.limits.map((l) => l.kind)).toContain('veto');
  });
});

describe('what does not fit the sheet', () => {
  it('names unknown criteria and rules, rules chosen twice or too often, scores above the maximum', () => {
    expect(entryFlaws(DEFAULT_SHEET, 'nope', { deductions: [] })).toEqual([{ path: 'criterionId', message: '考评表中没有这个指标' }]);
    const flaws = entryFlaws(DEFAULT_SHEET, 'party-rules', {
      deductions: [
        { ruleId: 'general-meeting', times: 3 },
        { ruleId: 'nope', times: 1 },
        { ruleId: 'general-meeting', times: 1 },
      ],
      score: 11,
    });
    expect(flaws.map((f) => f.path)).toEqual(['deductions.0.times', 'deductions.1.ruleId', 'deductions.2.ruleId', 'score']);
    expect(entryFlaws(DEFAULT_SHEET, 'party-rules', { deductions: [{ ruleId: 'general-meeting', times: 2 }], score: 5 })).toEqual([]);
  });

  it('finds veto and bonus items the sheet does not have', () => {
    expect(unknownItems(DEFAULT_SHEET.bonusItems, ['honour', 'made-up', 'brand'])).toEqual([1]);
  });

  it('finds a sheet’s flaws: ids used twice, a deduction above its maximum, thresholds out of order', () => {
    const sheet: Sheet = structuredClone(DEFAULT_SHEET);
    sheet.categories[1]!.id = 'leadership';
    sheet.categories[0]!.criteria[0]!.deductions[0]!.points = 99;
    sheet.thresholds = { star2: 60, star3: 80, star4: 70, star5: 90 };
    expect(sheetFlaws(sheet).map((f) => f.path)).toEqual(['categories.0.criteria.0.deductions.0.points', 'categories.1.id', 'thresholds']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

/** A random sheet: 1–4 categories of 1–3 criteria with 0–3 rules each, vetoes, bonuses, thresholds and caps. */
const sheetArb: fc.Arbitrary<Sheet> = fc
  .record({
    categories: fc.array(
      fc.array(
        fc.record({
          maxPoints: fc.integer({ min: 1, max: 30 }),
          rules: fc.array(fc.record({ points: fc.integer({ min: 1, max: 10 }), maxTimes: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    vetoes: fc.array(fc.option(fc.constantFrom<Star>(1, 2, 3, 4), { nil: null }), { maxLength: 3 }),
    bonuses: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }),
    bonusCap: fc.integer({ min: 0, max: 20 }),
    steps: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })),
    satisfaction: fc.option(fc.record({ belowPercent: fc.integer({ min: 1, max: 100 }), maxStar: fc.constantFrom<Star>(1, 2, 3, 4), minRatings: fc.integer({ min: 1, max: 10 }) }), { nil: undefined }),
    fiveStarNeedsBonus: fc.boolean(),
  })
  .map((r) => ({
    categories: r.categories.map((criteria, i) => ({
      id: `c${i}`,
      name: `类别${i}`,
      residentsVoice: false,
      criteria: criteria.map((k, j) => ({
        id: `k${i}-${j}`,
        title: `指标${i}-${j}`,
        maxPoints: k.maxPoints,
        deductions: k.rules.map((d, n) => ({ id: `r${n}`, text: `扣分${n}`, points: d.points, maxTimes: d.maxTimes })),
      })),
    })),
    vetoItems: r.vetoes.map((cap, i) => ({ id: `v${i}`, text: `否决${i}`, effect: cap === null ? ({ kind: 'unrated' } as const) : ({ kind: 'cap', maxStar: cap } as const) })),
    bonusItems: r.bonuses.map((points, i) => ({ id: `b${i}`, text: `加分${i}`, points })),
    bonusCap: r.bonusCap,
    thresholds: { star2: r.steps[0], star3: r.steps[0] + r.steps[1], star4: r.steps[0] + r.steps[1] + r.steps[2], star5: r.steps[0] + r.steps[1] + r.steps[2] + r.steps[3] },
    caps: { ...(r.satisfaction ? { satisfaction: r.satisfaction } : {}), fiveStarNeedsBonus: r.fiveStarNeedsBonus },
  }));

/** A sheet with a random scoring of it: some criteria scored (deductions, maybe a direct score), vetoes, bonuses, satisfaction. */
const scoredArb = sheetArb.chain((sheet) =>
  fc
    .record({
      entries: fc.tuple(
        ...criteriaOf(sheet).map((k) =>
          fc.option(
            fc.record({
              deductions: fc.subarray(k.deductions).chain((rules) => fc.tuple(...rules.map((r) => fc.integer({ min: 1, max: r.maxTimes }).map((times) => ({ ruleId: r.id, times }))))),
              score: fc.option(fc.integer({ min: 0, max: k.maxPoints }), { nil: undefined }),
            }),
            { nil: undefined },
          ),
        ),
      ),
      vetoes: fc.subarray(sheet.vetoItems.map((v) => v.id)),
      bonuses: fc.subarray(sheet.bonusItems.map((b) => b.id)),
      satisfaction: fc.option(fc.record({ percent: fc.integer({ min: 0, max: 100 }), ratings: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }),
    })
    .map((r) => {
      const entries: Record<string, CriterionEntry> = {};
      criteriaOf(sheet).forEach((k, i) => {
        const e = r.entries[i];
        if (e) entries[k.id] = { deductions: e.deductions, ...(e.score !== undefined ? { score: e.score } : {}) };
      });
      return { sheet, input: { entries, vetoes: r.vetoes, bonuses: r.bonuses, ...(r.satisfaction ? { satisfaction: r.satisfaction } : {}) } as ScoringInput };
    }),
);

/** Stars compared with unrated below ★. */
const rank = (s: Star | null) => s ?? 0;

describe('properties', () => {
  it('every criterion scores between 0 and its maximum; the base is their sum; the total adds at most the bonus cap', () => {
    fc.assert(
      fc.property(scoredArb, ({ sheet, input: i }) => {
        const a = assess(sheet, i);
        for (const c of a.criteria) expect(c.score >= 0 && c.score <= c.maxPoints).toBe(true);
        expect(a.base).toBe(a.criteria.reduce((s, c) => s + c.score, 0));
        expect(a.bonus >= 0 && a.bonus <= sheet.bonusCap).toBe(true);
        expect(a.total).toBe(a.base + a.bonus);
        expect(rank(a.star)).toBeLessThanOrEqual(a.thresholdStar);
      }),
    );
  });

  it('more deductions never raise the score, nor the star', () => {
    fc.assert(
      fc.property(scoredArb, fc.nat(), ({ sheet, input: i }, pick) => {
        const withRules = criteriaOf(sheet).filter((k) => k.deductions.length);
        fc.pre(withRules.length > 0);
        const k = withRules[pick % withRules.length]!;
        const rule = k.deductions[pick % k.deductions.length]!;
        const before = i.entries[k.id] ?? { deductions: [] };
        const chosen = before.deductions.find((d) => d.ruleId === rule.id);
        const deductions = chosen
          ? before.deductions.map((d) => (d.ruleId === rule.id ? { ...d, times: d.times + 1 } : d))
          : [...before.deductions, { ruleId: rule.id, times: 1 }];
        const more = { ...i, entries: { ...i.entries, [k.id]: { ...before, deductions } } };
        const a = assess(sheet, i);
        const b = assess(sheet, more);
        expect(b.total).toBeLessThanOrEqual(a.total);
        expect(rank(b.star)).toBeLessThanOrEqual(rank(a.star));
      }),
    );
  });

  it('a veto always caps the star: at its star, or unrated', () => {
    fc.assert(
      fc.property(scoredArb, ({ sheet, input: i }) => {
        const a = assess(sheet, i);
        for (const v of sheet.vetoItems.filter((x) => i.vetoes.includes(x.id))) {
          if (v.effect.kind === 'unrated') expect(a.star).toBeNull();
          else expect(rank(a.star)).toBeLessThanOrEqual(v.effect.maxStar);
          expect(a.limits).toContainEqual(expect.objectContaining({ kind: 'veto', vetoId: v.id }));
        }
      }),
    );
  });

  it('adding a veto never raises the star', () => {
    fc.assert(
      fc.property(scoredArb, ({ sheet, input: i }) => {
        const none = assess(sheet, { ...i, vetoes: [] });
        const all = assess(sheet, { ...i, vetoes: sheet.vetoItems.map((v) => v.id) });
        expect(rank(all.star)).toBeLessThanOrEqual(rank(none.star));
      }),
    );
  });

  it('thresholds are monotone: a higher total never earns a lower star, and each threshold earns its star exactly', () => {
    const thresholdsArb: fc.Arbitrary<StarThresholds> = sheetArb.map((s) => s.thresholds);
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: 0, max: 250 }), fc.integer({ min: 0, max: 250 }), (t, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(starForTotal(t, lo)).toBeLessThanOrEqual(starForTotal(t, hi));
        expect([starForTotal(t, t.star2), starForTotal(t, t.star3), starForTotal(t, t.star4), starForTotal(t, t.star5)]).toEqual([2, 3, 4, 5]);
        expect(starForTotal(t, t.star2 - 1)).toBe(1);
      }),
    );
  });

  it('caps only ever lower a star, and a lower star stays at or below the capped higher one', () => {
    fc.assert(
      fc.property(scoredArb, fc.constantFrom<Star>(1, 2, 3, 4, 5), fc.constantFrom<Star>(1, 2, 3, 4, 5), ({ sheet, input: i }, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const capped = (s: Star) => applyCaps(s, sheet.caps, sheet.vetoItems, i, i.bonuses.length).star;
        expect(rank(capped(hi))).toBeLessThanOrEqual(hi);
        expect(rank(capped(lo))).toBeLessThanOrEqual(rank(capped(hi)));
      }),
    );
  });

  it('★★★★★ needs a bonus item where the sheet says so', () => {
    fc.assert(
      fc.property(scoredArb, ({ sheet, input: i }) => {
        const a = assess(sheet, { ...i, bonuses: [] });
        if (sheet.caps.fiveStarNeedsBonus) expect(a.star).not.toBe(5);
      }),
    );
  });
});
