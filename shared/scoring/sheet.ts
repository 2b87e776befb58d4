/**
 * The quantified evaluation sheet (量化考评表) of one evaluation period: categories of criteria, each criterion
 * with its maximum points and itemised deduction rules ("未按期召开支部大会 扣 2 分"), veto items (一票否决),
 * bonus items (加分项) that can lift a total above 100, the star thresholds and the caps. Points are whole
 * numbers: sums stay exact, and a sheet of half points is rare enough to be written in whole ones.
 */

export const STARS = [1, 2, 3, 4, 5] as const;
export type Star = (typeof STARS)[number];

export interface DeductionRule {
  /** Unique within its criterion; a problem (问题) is named by `<criterionId>.<ruleId>`. */
  id: string;
  /** What was missed, as the sheet says it: “未按期召开支部大会”. */
  text: string;
  /** Points taken off each time it applies. */
  points: number;
  /** How many times it may apply (1: once; 4: “每缺一次扣 1 分，最多 4 次”). */
  maxTimes: number;
}

export interface Criterion {
  /** Unique within the sheet. */
  id: string;
  title: string;
  /** How it is checked (考评标准), optional. */
  description?: string;
  maxPoints: number;
  deductions: DeductionRule[];
}

export interface Category {
  /** Unique within the sheet. */
  id: string;
  name: string;
  /** The branch's feedback figures are shown beside this category's criteria (服务群众: residents' voice). */
  residentsVoice: boolean;
  criteria: Criterion[];
}

/** What a veto does: the branch cannot be rated this period, or its star is capped. */
export type VetoEffect = { kind: 'unrated' } | { kind: 'cap'; maxStar: Star };

export interface VetoItem {
  id: string;
  text: string;
  effect: VetoEffect;
}

export interface BonusItem {
  id: string;
  text: string;
  points: number;
}

/** The lowest total that earns each star above one (below `star2`: ★). Strictly increasing. */
export interface StarThresholds {
  star2: number;
  star3: number;
  star4: number;
  star5: number;
}

export interface StarCaps {
  /**
   * Residents' satisfaction below `belowPercent` caps the star at `maxStar`, once the branch has at least
   * `minRatings` ratings in the period (fewer say too little to cap anything).
   */
  satisfaction?: { belowPercent: number; maxStar: Star; minRatings: number };
  /** ★★★★★ only with at least one bonus item. */
  fiveStarNeedsBonus: boolean;
}

export interface Sheet {
  categories: Category[];
  vetoItems: VetoItem[];
  bonusItems: BonusItem[];
  /** The most that bonus items together add. */
  bonusCap: number;
  thresholds: StarThresholds;
  caps: StarCaps;
}

export const DEFAULT_THRESHOLDS: StarThresholds = { star2: 60, star3: 70, star4: 80, star5: 90 };

export const STAR_LABELS: Record<Star, string> = { 1: '一星', 2: '二星', 3: '三星', 4: '四星', 5: '五星' };
/** ★★★ for 3; “不予评星” when a veto leaves the branch unrated. */
export const starText = (star: Star | null): string => (star === null ? '不予评星' : '★'.repeat(star));

export const maxBasePoints = (sheet: Pick<Sheet, 'categories'>): number =>
  sheet.categories.reduce((sum, c) => sum + c.criteria.reduce((s, k) => s + k.maxPoints, 0), 0);

export const criteriaOf = (sheet: Pick<Sheet, 'categories'>): Criterion[] => sheet.categories.flatMap((c) => c.criteria);

export const findCriterion = (sheet: Pick<Sheet, 'categories'>, criterionId: string): { category: Category; criterion: Criterion } | undefined => {
  for (const category of sheet.categories) {
    const criterion = category.criteria.find((k) => k.id === criterionId);
    if (criterion) return { category, criterion };
  }
  return undefined;
};

/** True when each threshold is above the one before it (so a higher total never earns a lower star). */
export const thresholdsAscend = (t: StarThresholds): boolean => t.star2 < t.star3 && t.star3 < t.star4 && t.star4 < t.star5;

/** A flaw that keeps a sheet from being used: where it is and what is wrong, in the committee's words. */
export interface SheetFlaw {
  path: string;
  message: string;
}

/**
 * What keeps a sheet from being scored against: no category or a category without criteria, ids used twice,
 * a deduction larger than its criterion, thresholds out of order. The editing use cases refuse a sheet with
 * flaws, and a period opens its self-assessment only with a flawless one.
 */
export const sheetFlaws = (sheet: Sheet): SheetFlaw[] => {
  const flaws: SheetFlaw[] = [];
  if (sheet.categories.length === 0) flaws.push({ path: 'categories', message: '考评表至少要有一个类别' });
  const categoryIds = new Set<string>();
  const criterionIds = new Set<string>();
  sheet.categories.forEach((c, i) => {
    if (categoryIds.has(c.id)) flaws.push({ path: `categories.${i}.id`, message: `类别编号“${c.id}”重复` });
    categoryIds.add(c.id);
    if (c.criteria.length === 0) flaws.push({ path: `categories.${i}.criteria`, message: `类别“${c.name}”还没有考评指标` });
    c.criteria.forEach((k, j) => {
      if (criterionIds.has(k.id)) flaws.push({ path: `categories.${i}.criteria.${j}.id`, message: `指标编号“${k.id}”重复` });
      criterionIds.add(k.id);
      const ruleIds = new Set<string>();
      k.deductions.forEach((d, n) => {
        if (ruleIds.has(d.id)) flaws.push({ path: `categories.${i}.criteria.${j}.deductions.${n}.id`, message: `扣分项编号“${d.id}”重复` });
        ruleIds.add(d.id);
        if (d.points > k.maxPoints) flaws.push({ path: `categories.${i}.criteria.${j}.deductions.${n}.points`, message: `扣分不能超过该指标的满分 ${k.maxPoints} 分` });
      });
    });
  });
  const vetoIds = new Set<string>();
  sheet.vetoItems.forEach((v, i) => {
    if (vetoIds.has(v.id)) flaws.push({ path: `vetoItems.${i}.id`, message: `否决项编号“${v.id}”重复` });
    vetoIds.add(v.id);
  });
  const bonusIds = new Set<string>();
  sheet.bonusItems.forEach((b, i) => {
    if (bonusIds.has(b.id)) flaws.push({ path: `bonusItems.${i}.id`, message: `加分项编号“${b.id}”重复` });
    bonusIds.add(b.id);
  });
  if (!thresholdsAscend(sheet.thresholds)) flaws.push({ path: 'thresholds', message: '星级分数线须从二星到五星逐级升高' });
  return flaws;
};
