import type { scoringApi } from '../../../../shared/api/scoring';
import { effectivePeriodStatus, sheetEditable } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import { notFound } from '../../http/problem';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { presentPeriod } from '../present';
import { sheetFixed, stalePeriod } from '../problems';
import { savePeriod } from '../store';

/** The committee removes a category from the period's sheet (during setup). */
export const removeScoringSheetCategory: Handler<typeof scoringApi.removeScoringSheetCategory> = async ({ params, body }, { principal, now, sourceIp }) => {
  const period = await readPeriod(principal.communityId, params.id);
  if (!sheetEditable(effectivePeriodStatus(period, now))) throw sheetFixed();
  if (!period.sheet.categories.some((c) => c.id === body.categoryId)) throw notFound('考评表中没有这个类别');
  if (period.version !== body.version) throw stalePeriod();
  const sheet = { ...period.sheet, categories: period.sheet.categories.filter((c) => c.id !== body.categoryId) };
  const saved = await savePeriod(period, { sheet }, { expectedVersion: body.version, at: now.toISOString(), inStatus: 'setup' });
  if (!saved) throw stalePeriod();
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `sheet category ${body.categoryId} removed` });
  return presentPeriod(saved, principal, now);
};
