import { effectivePeriodStatus, reviewOpen } from '../../../shared/scoring/status';
import type { Principal } from '../http/auth';
import { assessmentFor, reviewerOnly, type AssessmentAccess } from './access';
import { resultSet, reviewClosed } from './problems';
import type { WorkingGroupMember } from './store';

/** A reviewer's act on a branch: assigned to it, the period in review, and no final result yet. */
export const reviewerAccess = async (principal: Principal, id: string, now: Date): Promise<AssessmentAccess & { member: WorkingGroupMember }> => {
  const access = await assessmentFor(principal, id);
  const member = reviewerOnly(access, principal.userId);
  if (!reviewOpen(effectivePeriodStatus(access.period, now))) throw reviewClosed();
  if (access.assessment.result) throw resultSet();
  return { ...access, member };
};
