import { findCriterion, type Sheet, type Star, type StarCaps, type StarThresholds, type VetoItem } from './sheet';

/**
 * The scoring rules, pure: the self-assessment page computes the total and the proposed star as the secretary
 * types, and the server computes the same with the same functions. Deductions are floored at 0 per criterion,
 * bonus items add on top (up to the sheet's bonus cap, so a total can pass 100), the thresholds give a star, and
 * then the caps and vetoes can only lower it.
 */

/** A deduction chosen from a criterion's rules, applied `times` times. */
export interface ChosenDeduction {
  ruleId: string;
  times: number;
}

/**
 * A criterion as scored (by the branch or a reviewer): the deductions chosen from its rules, and optionally a
 * score given directly (for a shortcoming no rule names). The criterion scores the lower of the two, never below
 * 0: a direct score can take points off, never give deducted ones back.
 */
export interface CriterionEntry {
  deductions: ChosenDeduction[];
  score?: number;
}

export interface ScoringInput {
  entries: Readonly<Record<string, CriterionEntry>>;
  /** Veto items that apply (ids of the sheet's veto items). */
  vetoes: readonly string[];
  /** Bonus items earned (ids of the sheet's bonus items). */
  bonuses: readonly string[];
  /** Residents' satisfaction in the period, from the feedback figures (0–100), and how many ratings it rests on. */
  satisfaction?: { percent: number; ratings: number };
}

export interface CriterionScore {
  criterionId: string;
  maxPoints: number;
  /** Points the chosen deductions take off (before the floor). */
  deducted: number;
  score: number;
  /** The criterion has an entry (a criterion without one counts as full marks until the sheet is complete). */
  scored: boolean;
}

export interface CategoryScore {
  categoryId: string;
  name: string;
  maxPoints: number;
  score: number;
}

/** Why the star is below what the total alone would give. */
export type StarLimit =
  | { kind: 'veto'; vetoId: string; text: string; maxStar: Star | null }
  | { kind: 'satisfaction'; percent: number; belowPercent: number; maxStar: Star }
  | { kind: 'five-star-needs-bonus' };

export interface Assessed {
  criteria: CriterionScore[];
  categories: CategoryScore[];
  /** The criteria's scores added up. */
  base: number;
  /** Bonus points counted (the items earned, up to the cap). */
  bonus: number;
  total: number;
  /** The star the total alone earns. */
  thresholdStar: Star;
  /** After caps and vetoes; null when a veto leaves the branch unrated. */
  star: Star | null;
  limits: StarLimit[];
  /** Every criterion has an entry: the self-assessment may be submitted. */
  complete: boolean;
  /** Criteria without an entry yet, in sheet order. */
  missing: string[];
}

/** The star a total earns from the thresholds alone. */
export const starForTotal = (t: StarThresholds, total: number): Star => {
  if (total >= t.star5) return 5;
  if (total >= t.star4) return 4;
  if (total >= t.star3) return 3;
  if (total >= t.star2) return 2;
  return 1;
};

/** A criterion's score from its entry: the lower of (max − deductions) and the direct score, floored at 0. */
export const criterionScore = (maxPoints: number, rulePoints: (ruleId: string) => number | undefined, entry: CriterionEntry | undefined) => {
  if (!entry) return { deducted: 0, score: maxPoints };
  const deducted = entry.deductions.reduce((sum, d) => sum + (rulePoints(d.ruleId) ?? 0) * Math.max(0, d.times), 0);
  const ceiling = entry.score === undefined ? maxPoints : Math.min(maxPoints, entry.score);
  return { deducted, score: Math.max(0, Math.min(maxPoints - deducted, ceiling)) };
};

const vetoCap = (v: VetoItem): Star | null => (v.effect.kind === 'unrated' ? null : v.effect.maxStar);
const lower = (a: Star | null, b: Star | null): Star | null => (a === null || b === null ? null : (Math.min(a, b) as Star));

/** The caps that apply to a star, in the order the page explains them. */
export const applyCaps = (
  star: Star,
  caps: StarCaps,
  vetoItems: readonly VetoItem[],
  input: Pick<ScoringInput, 'vetoes' | 'bonuses' | 'satisfaction'>,
  bonusItemsEarned: number,
): { star: Star | null; limits: StarLimit[] } => {
  let out: Star | null = star;
  const limits: StarLimit[] = [];
  if (caps.fiveStarNeedsBonus && out === 5 && bonusItemsEarned === 0) {
    out = 4;
    limits.push({ kind: 'five-star-needs-bonus' });
  }
  const s = caps.satisfaction;
  if (s && input.satisfaction && input.satisfaction.ratings >= s.minRatings && input.satisfaction.percent < s.belowPercent) {
    if (out !== null && out > s.maxStar) limits.push({ kind: 'satisfaction', percent: input.satisfaction.percent, belowPercent: s.belowPercent, maxStar: s.maxStar });
    out = lower(out, s.maxStar);
  }
  for (const v of vetoItems) {
    if (!input.vetoes.includes(v.id)) continue;
    const cap = vetoCap(v);
    // a veto is always told, even when the star is already at or below its cap
    limits.push({ kind: 'veto', vetoId: v.id, text: v.text, maxStar: cap });
    out = lower(out, cap);
  }
  return { star: out, limits };
};

/** Scores a sheet: every criterion, every category, the bonus, the total, the star and what limited it. */
export const assess = (sheet: Sheet, input: ScoringInput): Assessed => {
  const criteria: CriterionScore[] = [];
  const categories: CategoryScore[] = [];
  const missing: string[] = [];
  for (const category of sheet.categories) {
    let score = 0;
    let max = 0;
    for (const k of category.criteria) {
      const entry = input.entries[k.id];
      const rules = new Map(k.deductions.map((d) => [d.id, d.points]));
      const s = criterionScore(k.maxPoints, (id) => rules.get(id), entry);
      criteria.push({ criterionId: k.id, maxPoints: k.maxPoints, deducted: s.deducted, score: s.score, scored: Boolean(entry) });
      if (!entry) missing.push(k.id);
      score += s.score;
      max += k.maxPoints;
    }
    categories.push({ categoryId: category.id, name: category.name, maxPoints: max, score });
  }
  const base = categories.reduce((sum, c) => sum + c.score, 0);
  const earned = sheet.bonusItems.filter((b) => input.bonuses.includes(b.id));
  const bonus = Math.min(Math.max(0, sheet.bonusCap), earned.reduce((sum, b) => sum + b.points, 0));
  const total = base + bonus;
  const thresholdStar = starForTotal(sheet.thresholds, total);
  const { star, limits } = applyCaps(thresholdStar, sheet.caps, sheet.vetoItems, input, earned.length);
  return { criteria, categories, base, bonus, total, thresholdStar, star, limits, complete: missing.length === 0, missing };
};

/** Words for a limit, as the self-assessment page shows them beside the star. */
export const limitText = (l: StarLimit): string => {
  if (l.kind === 'five-star-needs-bonus') return '没有加分项，最高评为四星';
  if (l.kind === 'satisfaction') return `群众满意度 ${l.percent}% 低于 ${l.belowPercent}%，最高评为${'★'.repeat(l.maxStar)}`;
  return l.maxStar === null ? `一票否决：${l.text}，不予评星` : `一票否决：${l.text}，最高评为${'★'.repeat(l.maxStar)}`;
};

/**
 * What is wrong with an entry for this sheet, each with the field it concerns: an unknown criterion or rule, a
 * rule chosen twice or more often than it may apply, a direct score above the criterion's maximum.
 */
export const entryFlaws = (sheet: Pick<Sheet, 'categories'>, criterionId: string, entry: CriterionEntry): { path: string; message: string }[] => {
  const found = findCriterion(sheet, criterionId);
  if (!found) return [{ path: 'criterionId', message: '考评表中没有这个指标' }];
  const { criterion } = found;
  const flaws: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  entry.deductions.forEach((d, i) => {
    const rule = criterion.deductions.find((r) => r.id === d.ruleId);
    if (!rule) flaws.push({ path: `deductions.${i}.ruleId`, message: '该指标没有这个扣分项' });
    else if (d.times > rule.maxTimes) flaws.push({ path: `deductions.${i}.times`, message: `“${rule.text}”最多扣 ${rule.maxTimes} 次` });
    if (seen.has(d.ruleId)) flaws.push({ path: `deductions.${i}.ruleId`, message: '同一扣分项只能选一次（请改次数）' });
    seen.add(d.ruleId);
  });
  if (entry.score !== undefined && entry.score > criterion.maxPoints) flaws.push({ path: 'score', message: `得分不能超过满分 ${criterion.maxPoints} 分` });
  return flaws;
};

/** Ids in `chosen` that the sheet's `items` do not have, with their index (vetoes and bonuses chosen). */
export const unknownItems = (items: readonly { id: string }[], chosen: readonly string[]): number[] =>
  chosen.flatMap((id, i) => (items.some((x) => x.id === id) ? [] : [i]));
