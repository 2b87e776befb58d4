import { assess, type Assessed, type CriterionEntry, type ScoringInput } from './rules';
import { criteriaOf, type Sheet, type Star } from './sheet';

/**
 * Results across branches and periods: the star distribution (15 × ★★★, 2 × ★★), its change from one period to
 * the next, the reviewers' progress and where they differ from the branch's own scores. Pure, so the charts and
 * the tables beside them agree with the server.
 */

/** How many branches hold each star; `unrated` counts branches a veto left without one. */
export type StarCounts = { 1: number; 2: number; 3: number; 4: number; 5: number; unrated: number };

export const emptyCounts = (): StarCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, unrated: 0 });

export const starCounts = (stars: readonly (Star | null)[]): StarCounts => {
  const out = emptyCounts();
  for (const s of stars) {
    if (s === null) out.unrated++;
    else out[s]++;
  }
  return out;
};

/** One period's counts minus the previous one's, star by star (positive: more branches there now). */
export const countsChange = (now: StarCounts, before: StarCounts): StarCounts => ({
  1: now[1] - before[1],
  2: now[2] - before[2],
  3: now[3] - before[3],
  4: now[4] - before[4],
  5: now[5] - before[5],
  unrated: now.unrated - before.unrated,
});

/** The mean star of the rated branches, to one decimal (undefined when none is rated). */
export const meanStar = (c: StarCounts): number | undefined => {
  const rated = c[1] + c[2] + c[3] + c[4] + c[5];
  if (!rated) return undefined;
  return Math.round(((c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4] + 5 * c[5]) / rated) * 10) / 10;
};

/** A branch moved up or down between two periods (null: unrated). */
export const starMove = (before: Star | null | undefined, after: Star | null | undefined): 'up' | 'down' | 'same' | undefined => {
  if (before === undefined || after === undefined) return undefined;
  const a = before ?? 0;
  const b = after ?? 0;
  return b > a ? 'up' : b < a ? 'down' : 'same';
};

/**
 * Residents' satisfaction as a percentage for the caps: the mean of the stars residents gave (1–5) as a share of
 * five stars, rounded (3 stars on average → 60%). Undefined without ratings.
 */
export const satisfactionPercent = (meanStars: number | undefined): number | undefined =>
  meanStars === undefined ? undefined : Math.round((meanStars / 5) * 100);

/** Where a review differs from the branch's self-assessment, criterion by criterion. */
export interface ScoreDifference {
  criterionId: string;
  self: number;
  review: number;
  /** review − self. */
  delta: number;
}

export const differences = (self: Pick<Assessed, 'criteria'>, review: Pick<Assessed, 'criteria'>): ScoreDifference[] =>
  self.criteria.flatMap((s) => {
    const r = review.criteria.find((x) => x.criterionId === s.criterionId);
    if (!r || !r.scored || r.score === s.score) return [];
    return [{ criterionId: s.criterionId, self: s.score, review: r.score, delta: r.score - s.score }];
  });

/** The mean of numbers, kept whole as the sheet's points are (half up). */
export const roundedMean = (xs: readonly number[]): number | undefined =>
  xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : undefined;

/**
 * Whether the lead must say why: the final total or star differs from what the branch proposed (its submitted
 * self-assessment), or no self-assessment was submitted to agree with.
 */
export const finalNeedsReason = (final: { total: number; star: Star | null }, proposed: { total: number; star: Star | null } | undefined): boolean =>
  !proposed || proposed.total !== final.total || proposed.star !== final.star;

/**
 * What the submitted reviews suggest, for the lead to start from: per criterion the mean of the reviewers'
 * scores (rounded to whole points), the veto items any reviewer found, the bonus items every reviewer granted;
 * then the same rules as everywhere. Undefined without a submitted review.
 */
export const consolidateReviews = (
  sheet: Sheet,
  reviews: readonly Pick<ScoringInput, 'entries' | 'vetoes' | 'bonuses'>[],
  satisfaction?: ScoringInput['satisfaction'],
): Assessed | undefined => {
  if (!reviews.length) return undefined;
  const each = reviews.map((r) => assess(sheet, { ...r, ...(satisfaction ? { satisfaction } : {}) }));
  const entries: Record<string, CriterionEntry> = {};
  for (const k of criteriaOf(sheet)) {
    const scores = each.map((a) => a.criteria.find((c) => c.criterionId === k.id)!.score);
    entries[k.id] = { deductions: [], score: roundedMean(scores)! };
  }
  const vetoes = [...new Set(reviews.flatMap((r) => r.vetoes))];
  const bonuses = sheet.bonusItems.map((b) => b.id).filter((id) => reviews.every((r) => r.bonuses.includes(id)));
  return assess(sheet, { entries, vetoes, bonuses, ...(satisfaction ? { satisfaction } : {}) });
};
