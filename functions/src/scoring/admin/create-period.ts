import type { scoringApi } from '../../../../shared/api/scoring';
import { DEFAULT_SHEET } from '../../../../shared/scoring/default-sheet';
import { recordAudit } from '../../audit/trail';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { ensureAssessments } from '../assessments';
import { communityBranches } from '../people';
import { presentPeriod } from '../present';
import { unknownBranches, unprocessableWith } from '../problems';
import { getPeriod, putNewPeriod, type PeriodItem } from '../store';

/**
 * The committee opens an evaluation period: its name and dates, the branches taking part (all of the community's
 * unless chosen), and its sheet, copied from an earlier period (the committee then edits it) or the default one.
 * The earlier period's secretaries who have accounts carry over (the committee changes them where need be). Each
 * branch's assessment is made at once, so key tasks can be handed out during setup. With an `Idempotency-Key` a
 * retry returns the period the first call made.
 */
export const createScoringPeriod: Handler<typeof scoringApi.createScoringPeriod> = async ({ body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  const known = await communityBranches(cid);
  const chosen = body.branchIds ?? [...known.keys()].sort();
  const unknown = chosen.flatMap((id, i) => (known.has(id) ? [] : [{ path: `branchIds.${i}` }]));
  if (unknown.length) throw unknownBranches(unknown);
  const source = body.copySheetFrom ? await getPeriod(cid, body.copySheetFrom) : undefined;
  if (body.copySheetFrom && !source)
    throw unprocessableWith('unknown-period', '没有要复制考评表的评定周期', [{ location: 'body', path: 'copySheetFrom', message: '没有这个评定周期' }]);
  const id = newItemId('createScoringPeriod', principal, idempotencyKey);
  const at = now.toISOString();
  const secretaries: PeriodItem['secretaries'] = {};
  for (const branchId of chosen) {
    const before = source?.secretaries[branchId];
    if (before?.userId) secretaries[branchId] = { name: before.name, userId: before.userId, assignedAt: at };
  }
  const period: PeriodItem = {
    id,
    communityId: cid,
    name: body.name,
    startDate: body.startDate,
    endDate: body.endDate,
    status: 'setup',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdByName: principal.name,
    branches: chosen.map((b) => ({ id: b, name: known.get(b)! })),
    secretaries,
    workingGroup: [],
    announcementDays: body.announcementDays,
    sheet: structuredClone(source?.sheet ?? DEFAULT_SHEET),
    ...(source ? { copiedFrom: { periodId: source.id, name: source.name } } : {}),
    history: [{ at, from: null, to: 'setup', byName: principal.name }],
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: period, put: putNewPeriod, read: () => getPeriod(cid, id) });
  await ensureAssessments(stored, stored.createdAt);
  if (stored === period)
    await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id }, change: `created, ${chosen.length} branches` });
  return presentPeriod(stored, principal, now);
};
