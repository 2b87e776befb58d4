import type { AssessmentItem, PeriodItem, WorkingGroupMember } from './store';
import { getAssessment, getPeriod } from './store';
import { isStaff } from '../../../shared/roles';
import type { Principal } from '../http/auth';
import { forbidden } from '../http/problem';
import { assessmentNotFound, periodNotFound } from './problems';

/**
 * Object-level checks. Who is who is decided per period: a branch's secretary and the working group are people
 * the committee assigned (their accounts, once linked); the committee's staff see everything and run the period.
 * A period or assessment of another community does not exist for the caller (404); a person of the community
 * without a place in it is told they may not (403): which branches take part is no secret.
 */

export type AssessmentViewer = 'secretary' | 'reviewer' | 'lead' | 'committee';

export const memberOf = (period: Pick<PeriodItem, 'workingGroup'>, userId: string): WorkingGroupMember | undefined =>
  period.workingGroup.find((m) => m.userId === userId);

export const isSecretaryOf = (period: Pick<PeriodItem, 'secretaries'>, branchId: string, userId: string): boolean =>
  period.secretaries[branchId]?.userId === userId;

/** What the caller is to a branch's assessment in this period (empty: nothing). */
export const viewersOf = (period: PeriodItem, branchId: string, principal: Pick<Principal, 'userId' | 'roles'>): AssessmentViewer[] => {
  const out: AssessmentViewer[] = [];
  if (isSecretaryOf(period, branchId, principal.userId)) out.push('secretary');
  const member = memberOf(period, principal.userId);
  if (member?.branchIds.includes(branchId)) out.push('reviewer');
  if (member?.lead) out.push('lead');
  if (isStaff(principal.roles)) out.push('committee');
  return out;
};

/** The branches the caller may see on a period's board: all for staff and the lead, else theirs. */
export const boardBranches = (period: PeriodItem, principal: Pick<Principal, 'userId' | 'roles'>): Set<string> | 'all' | undefined => {
  const member = memberOf(period, principal.userId);
  if (isStaff(principal.roles) || member?.lead) return 'all';
  const mine = new Set<string>([...(member?.branchIds ?? []), ...period.branches.filter((b) => isSecretaryOf(period, b.id, principal.userId)).map((b) => b.id)]);
  return mine.size ? mine : undefined;
};

export const readPeriod = async (cid: string, id: string): Promise<PeriodItem> => {
  const period = await getPeriod(cid, id);
  if (!period) throw periodNotFound();
  return period;
};

export interface AssessmentAccess {
  period: PeriodItem;
  assessment: AssessmentItem;
  viewers: AssessmentViewer[];
}

/** The assessment with its period, if the caller has a place in it: 404 when it does not exist, 403 otherwise. */
export const assessmentFor = async (principal: Principal, id: string): Promise<AssessmentAccess> => {
  const assessment = await getAssessment(principal.communityId, id);
  if (!assessment) throw assessmentNotFound();
  const period = await getPeriod(principal.communityId, assessment.periodId);
  if (!period || !period.branches.some((b) => b.id === assessment.branchId)) throw assessmentNotFound();
  const viewers = viewersOf(period, assessment.branchId, principal);
  if (!viewers.length) throw forbidden('您不是该党支部本周期的书记、复核人或工作小组组长');
  return { period, assessment, viewers };
};

/** The branch's own acts: its secretary only (the committee reads, and assigns another secretary if need be). */
export const secretaryOnly = (a: AssessmentAccess): AssessmentAccess => {
  if (!a.viewers.includes('secretary')) throw forbidden('只有本支部书记可以进行此操作');
  return a;
};

/** A reviewer's acts: a member of the working group assigned to review this branch. */
export const reviewerOnly = (a: AssessmentAccess, userId: string): WorkingGroupMember => {
  const member = memberOf(a.period, userId);
  if (!member || !member.branchIds.includes(a.assessment.branchId)) throw forbidden('您不是该党支部的复核人');
  return member;
};
