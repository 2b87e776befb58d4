import type { CriterionEntry } from './rules';
import { criterionScore } from './rules';
import type { Sheet } from './sheet';

/**
 * The problem list (问题清单): every deduction of a branch's self-assessment becomes a problem by itself, and so
 * does a direct score below what the deductions leave (a shortcoming no rule names). Problems are named by
 * `<criterionId>.<ruleId>` (`<criterionId>.other` for the direct score), so rectification measures and the branch
 * meeting that discussed them can point at them and keep pointing after a reload.
 */
export interface BranchProblem {
  key: string;
  categoryId: string;
  categoryName: string;
  criterionId: string;
  criterionTitle: string;
  /** The rule's words (“未按期召开支部大会”), or the secretary's note for a direct score. */
  text: string;
  /** Points lost to it. */
  points: number;
  times: number;
}

export const OTHER_DEDUCTION = 'other';
export const problemKey = (criterionId: string, ruleId: string): string => `${criterionId}.${ruleId}`;

/** The problems of a self-assessment, in sheet order. */
export const problemsOf = (sheet: Pick<Sheet, 'categories'>, entries: Readonly<Record<string, CriterionEntry & { note?: string }>>): BranchProblem[] => {
  const out: BranchProblem[] = [];
  for (const category of sheet.categories)
    for (const k of category.criteria) {
      const entry = entries[k.id];
      if (!entry) continue;
      const base = { categoryId: category.id, categoryName: category.name, criterionId: k.id, criterionTitle: k.title };
      for (const d of entry.deductions) {
        const rule = k.deductions.find((r) => r.id === d.ruleId);
        if (!rule || d.times < 1) continue;
        out.push({ ...base, key: problemKey(k.id, rule.id), text: rule.text, points: rule.points * d.times, times: d.times });
      }
      // what the direct score takes beyond the rules
      const rules = new Map(k.deductions.map((r) => [r.id, r.points]));
      const { deducted, score } = criterionScore(k.maxPoints, (id) => rules.get(id), entry);
      const beyond = Math.max(0, k.maxPoints - deducted) - score;
      if (beyond > 0) out.push({ ...base, key: problemKey(k.id, OTHER_DEDUCTION), text: entry.note || `${k.title}：其他扣分`, points: beyond, times: 1 });
    }
  return out;
};

/** A rectification measure (整改措施) is overdue when its deadline (a China date) has passed and it is not done. */
export const measureOverdue = (m: { deadline: string; doneAt?: string }, today: string): boolean => !m.doneAt && m.deadline < today;

export interface RectificationCounts {
  problems: number;
  /** Problems with at least one measure. */
  covered: number;
  measures: number;
  done: number;
  overdue: number;
  open: number;
}

/** How a branch's rectification stands: problems covered by measures, measures done, overdue and open. */
export const rectificationCounts = (
  problemKeys: readonly string[],
  measures: readonly { problemKey: string; deadline: string; doneAt?: string }[],
  today: string,
): RectificationCounts => {
  const done = measures.filter((m) => m.doneAt).length;
  const overdue = measures.filter((m) => measureOverdue(m, today)).length;
  return {
    problems: problemKeys.length,
    covered: problemKeys.filter((k) => measures.some((m) => m.problemKey === k)).length,
    measures: measures.length,
    done,
    overdue,
    open: measures.length - done - overdue,
  };
};
