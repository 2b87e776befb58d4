import type { scoringApi } from '../../../shared/api/scoring';
import { conflict, notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { deleteCodePointer, claimMember, claimSecretary, getCodePeriodId, getPeriod } from './store';

const noSuchCode = () => notFound('没有找到这个认领码：可能输错了、已被认领或已更换');

/**
 * A person links their account to the place the committee gave them (a branch's secretary, or a working-group
 * member) with its code. The code's pointer leads to the period; the period's own assignment holding the code is
 * what counts, and taking it is one conditional write (the code goes with it), so a code is claimed once.
 */
export const claimScoringAssignment: Handler<typeof scoringApi.claimScoringAssignment> = async ({ body }, { principal, now }) => {
  const cid = principal.communityId;
  const periodId = await getCodePeriodId(cid, body.code);
  const period = periodId ? await getPeriod(cid, periodId) : undefined;
  if (!period) throw noSuchCode();
  const at = now.toISOString();
  const branchId = Object.entries(period.secretaries).find(([, s]) => s.claimCode === body.code)?.[0];
  if (branchId) {
    if (!(await claimSecretary(cid, period.id, branchId, body.code, principal.userId, at))) throw noSuchCode();
    await deleteCodePointer(cid, body.code);
    const lead = period.workingGroup.some((m) => m.userId === principal.userId && m.lead);
    return { periodId: period.id, periodName: period.name, role: 'secretary', branchNames: period.branches.filter((b) => b.id === branchId).map((b) => b.name), lead };
  }
  const index = period.workingGroup.findIndex((m) => m.claimCode === body.code);
  if (index < 0) throw noSuchCode();
  // one person, one place in the group: their reviews are kept by member
  if (period.workingGroup.some((m) => m.userId === principal.userId)) throw conflict('already-member', '您已经是本周期工作小组的成员');
  if (!(await claimMember(cid, period.id, index, body.code, principal.userId, at))) throw noSuchCode();
  await deleteCodePointer(cid, body.code);
  const member = period.workingGroup[index]!;
  return {
    periodId: period.id,
    periodName: period.name,
    role: 'reviewer',
    branchNames: period.branches.filter((b) => member.branchIds.includes(b.id)).map((b) => b.name),
    lead: member.lead,
  };
};
