import { PERIOD_STATUS_LABELS, ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type PeriodStatus } from '@shared/scoring/status';

/**
 * Words the scoring pages share (the secretary's and the working group's pages in packages/scoring, the
 * committee's in packages/admin/scoring-*): stars written out, statuses, "2/3 已复核".
 */

const STAR_WORDS = ['', '一星', '二星', '三星', '四星', '五星'] as const;

/** `★★★ 三星`; null: not rated (a veto). Stars are read out as the word, the glyphs are for the eye. */
export const starText = (star: number | null | undefined): string =>
  star === null ? '不评星（一票否决）' : star === undefined ? '—' : `${'★'.repeat(star)} ${STAR_WORDS[star] ?? `${star} 星`}`;

/** The word alone (三星), for sentences and choices. */
export const starWord = (star: number | null): string => (star === null ? '不评星' : (STAR_WORDS[star] ?? `${star} 星`));

export const periodStatusText = (s: PeriodStatus): string => PERIOD_STATUS_LABELS[s];
export const assessmentStatusText = (s: AssessmentStatus): string => ASSESSMENT_STATUS_LABELS[s];

/** `2/3 已复核`; no reviewers yet: `未分配复核人`. */
export const reviewsText = (r: { assigned: number; submitted: number }): string =>
  r.assigned ? `${r.submitted}/${r.assigned} 已复核` : '未分配复核人';

/** `85 分 · ★★★ 三星`. */
export const scoreText = (r: { total: number; star: number | null } | undefined): string => (r ? `${r.total} 分 · ${starText(r.star)}` : '—');

/** A China date (2026-11-27) as people write it: 2026年11月27日. */
export const dayText = (date: string): string => {
  const [y, m, d] = date.slice(0, 10).split('-');
  return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : date;
};

/** Rectification counts in a line: `问题 3 个，整改措施 2 条，已完成 1 条，逾期 0 条`. */
export const rectificationText = (c: { problems: number; measures: number; done: number; overdue: number }): string =>
  `问题 ${c.problems} 个，整改措施 ${c.measures} 条，已完成 ${c.done} 条${c.overdue ? `，逾期 ${c.overdue} 条` : ''}`;
