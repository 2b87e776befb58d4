import type { scoringApi } from '../../../../shared/api/scoring';
import { effectivePeriodStatus, secretariesEditable } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { assignmentCode } from '../codes';
import { personOf } from '../people';
import { presentPeriod } from '../present';
import { periodClosed, stalePeriod, unknownBranches, unknownPerson } from '../problems';
import { deleteCodePointer, savePeriod, type Assignee } from '../store';

/**
 * The committee names a branch's secretary (支部书记) for the period: a resident's or red steward's account (then
 * the name is the one they signed in with), or just a name, which gets a code its holder enters to link their
 * account. A secretary may change at any time before the period is final; the old code stops working.
 */
export const assignScoringSecretary: Handler<typeof scoringApi.assignScoringSecretary> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  const status = effectivePeriodStatus(period, now);
  if (!secretariesEditable(status)) throw periodClosed(status);
  if (!period.branches.some((b) => b.id === body.branchId)) throw unknownBranches([{ path: 'branchId' }]);
  if (period.version !== body.version) throw stalePeriod();
  const at = now.toISOString();
  let secretary: Assignee;
  if (body.userId) {
    const person = await personOf(cid, body.userId);
    if (!person || !person.roles.some((r) => r === 'resident' || r === 'steward')) throw unknownPerson('userId');
    secretary = { name: person.name, userId: person.id, assignedAt: at };
  } else secretary = { name: body.name, claimCode: await assignmentCode(cid, period.id), assignedAt: at };
  const saved = await savePeriod(period, { secretaries: { ...period.secretaries, [body.branchId]: secretary } }, { expectedVersion: body.version, at, inStatus: period.status });
  if (!saved) {
    if (secretary.claimCode) await deleteCodePointer(cid, secretary.claimCode);
    throw stalePeriod();
  }
  const before = period.secretaries[body.branchId]?.claimCode;
  if (before) await deleteCodePointer(cid, before);
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `secretary of branch ${body.branchId} ${secretary.userId ? 'assigned' : 'named, code issued'}` });
  return presentPeriod(saved, principal, now);
};
