import type { scoringApi } from '../../../../shared/api/scoring';
import { branchesEditable, effectivePeriodStatus } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { dropAssessments, ensureAssessments } from '../assessments';
import { communityBranches } from '../people';
import { presentPeriod } from '../present';
import { branchesFixed, periodClosed, stalePeriod, unknownBranches } from '../problems';
import { savePeriod } from '../store';

/**
 * The committee changes a period's name, dates and announcement days (until the results are announced) and the
 * branches taking part (during setup only: once they score, the set is fixed). The whole form, with the version
 * read.
 */
export const updateScoringPeriod: Handler<typeof scoringApi.updateScoringPeriod> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  const status = effectivePeriodStatus(period, now);
  if (status === 'announcement' || status === 'final') throw periodClosed(status);
  if (period.version !== body.version) throw stalePeriod();
  const before = period.branches.map((b) => b.id);
  const changed = before.length !== body.branchIds.length || body.branchIds.some((id) => !before.includes(id));
  if (changed && !branchesEditable(status)) throw branchesFixed();
  const known = await communityBranches(cid);
  const unknown = body.branchIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `branchIds.${i}` }]));
  if (unknown.length) throw unknownBranches(unknown);
  const at = now.toISOString();
  const branches = body.branchIds.map((id) => ({ id, name: known.get(id)! }));
  const saved = await savePeriod(
    period,
    {
      name: body.name,
      startDate: body.startDate,
      endDate: body.endDate,
      announcementDays: body.announcementDays,
      ...(changed
        ? {
            branches,
            secretaries: Object.fromEntries(Object.entries(period.secretaries).filter(([id]) => body.branchIds.includes(id))),
            workingGroup: period.workingGroup.map((m) => ({ ...m, branchIds: m.branchIds.filter((id) => body.branchIds.includes(id)) })),
          }
        : {}),
    },
    { expectedVersion: body.version, at, inStatus: period.status },
  );
  if (!saved) throw stalePeriod();
  if (changed) {
    await ensureAssessments(saved, at);
    await dropAssessments(saved, before.filter((id) => !body.branchIds.includes(id)));
  }
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: changed ? `updated, ${branches.length} branches` : 'updated' });
  return presentPeriod(saved, principal, now);
};
