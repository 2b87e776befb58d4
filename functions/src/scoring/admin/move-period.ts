import type { scoringApi } from '../../../../shared/api/scoring';
import { sheetFlaws } from '../../../../shared/scoring/sheet';
import { canMovePeriod, effectivePeriodStatus, type PeriodStatus } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { FieldError } from '../../http/problem';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { ensureAssessments } from '../assessments';
import { presentPeriod } from '../present';
import { moveNotAllowed, periodNotReady, stalePeriod } from '../problems';
import { readPeriodBoard, savePeriod, type PeriodItem } from '../store';

const DAY_MS = 86_400_000;

/** What keeps a period from its next step (empty: it may move), each where it is. */
const unmet = async (p: PeriodItem, to: PeriodStatus, now: Date): Promise<FieldError[]> => {
  const at = (path: string, message: string): FieldError => ({ location: 'period', path, message });
  if (to === 'self-assessment') return sheetFlaws(p.sheet).map((f) => at(`sheet.${f.path}`, f.message));
  if (to === 'review') {
    const out: FieldError[] = [];
    if (!p.workingGroup.some((m) => m.lead)) out.push(at('workingGroup', '工作小组还没有组长'));
    for (const b of p.branches)
      if (!p.workingGroup.some((m) => m.branchIds.includes(b.id))) out.push(at(`branches.${b.id}`, `“${b.name}”还没有复核人`));
    return out;
  }
  if (to === 'announcement') {
    const board = await readPeriodBoard(p.communityId, p.id);
    return p.branches.flatMap((b) => (board.assessments.some((a) => a.branchId === b.id && a.result) ? [] : [at(`branches.${b.id}`, `“${b.name}”的最终星级还没有确定`)]));
  }
  if (to === 'final' && effectivePeriodStatus(p, now) !== 'final') return [at('announcement', `公示期到 ${p.announcement?.endsAt ?? ''} 才结束`)];
  return [];
};

/**
 * The committee moves the period one step along its table (shared/scoring/status.ts), once the step's
 * precondition holds: opening self-assessment needs a complete sheet (and makes sure every branch has its
 * assessment); the review needs a lead and a reviewer for every branch; the announcement needs every branch's final
 * result and starts its days now; final needs those days passed. One conditional write on the period.
 */
export const moveScoringPeriod: Handler<typeof scoringApi.moveScoringPeriod> = async ({ params, body }, { principal, now, sourceIp }) => {
  const period = await readPeriod(principal.communityId, params.id);
  if (!canMovePeriod(period.status, body.to)) throw moveNotAllowed(effectivePeriodStatus(period, now), body.to);
  if (period.version !== body.version) throw stalePeriod();
  const missing = await unmet(period, body.to, now);
  if (missing.length) throw periodNotReady(body.to, missing);
  const at = now.toISOString();
  if (body.to === 'self-assessment') await ensureAssessments(period, at);
  const saved = await savePeriod(
    period,
    {
      status: body.to,
      ...(body.to === 'announcement' ? { announcement: { startsAt: at, endsAt: new Date(now.getTime() + period.announcementDays * DAY_MS).toISOString() } } : {}),
    },
    { expectedVersion: body.version, at, inStatus: period.status, historyEntry: { at, from: period.status, to: body.to, byName: principal.name } },
  );
  if (!saved) throw stalePeriod();
  await recordAudit({ action: 'scoring-period-move', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `${period.status} → ${body.to}` });
  return presentPeriod(saved, principal, now);
};
