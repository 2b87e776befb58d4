import { assessmentIdOf, deleteAssessment, putAssessmentIfAbsent, type PeriodItem } from './store';

/**
 * Each branch taking part has its assessment from the period's start (its key tasks are handed out during setup).
 * Creating them is idempotent, so a retried or interrupted creation, and every later change of the branches,
 * simply makes sure they are there.
 */
export const ensureAssessments = async (p: PeriodItem, at: string): Promise<void> => {
  await Promise.all(
    p.branches.map((b) =>
      putAssessmentIfAbsent({
        id: assessmentIdOf(p.communityId, p.id, b.id),
        communityId: p.communityId,
        periodId: p.id,
        periodCreatedAt: p.createdAt,
        branchId: b.id,
        branchName: b.name,
        status: 'draft',
        version: 1,
        entries: {},
        vetoes: [],
        bonuses: [],
        createdAt: at,
        updatedAt: at,
      }),
    ),
  );
};

/** Assessments of branches no longer taking part (only during setup, so nothing was scored yet). */
export const dropAssessments = async (p: PeriodItem, branchIds: readonly string[]): Promise<void> => {
  await Promise.all(branchIds.map((id) => deleteAssessment(p.communityId, assessmentIdOf(p.communityId, p.id, id))));
};
