import { rectificationCounts, type RectificationCounts } from '../../../shared/scoring/problems';
import type { Star } from '../../../shared/scoring/sheet';
import { assessmentIdOf, type BoardItems, type PeriodItem } from './store';

/** One branch's line on a period's board, from the period item and its gsi1 partition (no entries read). */
export interface BoardRow {
  assessmentId: string;
  branch: { id: string; name: string };
  secretaryName?: string;
  status: 'draft' | 'submitted';
  proposed?: { total: number; star: Star | null };
  submittedAt?: string;
  reviews: { assigned: number; submitted: number };
  result?: { total: number; star: Star | null; reason?: string; byName: string };
  rectification: RectificationCounts;
  tasks: { count: number; planned: number; executed: number; summarised: number };
}

export const boardRows = (period: PeriodItem, board: BoardItems, today: string, visible: Set<string> | 'all' = 'all'): BoardRow[] =>
  period.branches
    .filter((b) => visible === 'all' || visible.has(b.id))
    .map((b) => {
      const a = board.assessments.find((x) => x.branchId === b.id);
      const reviewers = period.workingGroup.filter((m) => m.branchIds.includes(b.id));
      const tasks = board.tasks.filter((t) => t.branchId === b.id);
      const secretary = period.secretaries[b.id];
      return {
        assessmentId: assessmentIdOf(period.communityId, period.id, b.id),
        branch: { id: b.id, name: b.name },
        ...(secretary ? { secretaryName: secretary.name } : {}),
        status: a?.status ?? 'draft',
        ...(a?.proposed ? { proposed: a.proposed } : {}),
        ...(a?.submittedAt ? { submittedAt: a.submittedAt } : {}),
        reviews: {
          assigned: reviewers.length,
          submitted: board.reviews.filter((r) => r.branchId === b.id && reviewers.some((m) => m.id === r.memberId)).length,
        },
        ...(a?.result ? { result: { total: a.result.total, star: a.result.star, ...(a.result.reason ? { reason: a.result.reason } : {}), byName: a.result.byName } } : {}),
        rectification: rectificationCounts(a?.problemKeys ?? [], board.measures.filter((m) => m.branchId === b.id), today),
        tasks: {
          count: tasks.length,
          planned: tasks.filter((t) => t.plan).length,
          executed: tasks.filter((t) => t.execution).length,
          summarised: tasks.filter((t) => t.summary).length,
        },
      };
    });

export const sumCounts = (rows: readonly RectificationCounts[]): RectificationCounts =>
  rows.reduce(
    (t, c) => ({ problems: t.problems + c.problems, covered: t.covered + c.covered, measures: t.measures + c.measures, done: t.done + c.done, overdue: t.overdue + c.overdue, open: t.open + c.open }),
    { problems: 0, covered: 0, measures: 0, done: 0, overdue: 0, open: 0 },
  );
