import type { scoringApi } from '../../../../shared/api/scoring';
import { sheetFlaws, type Category, type Sheet } from '../../../../shared/scoring/sheet';
import { effectivePeriodStatus, sheetEditable } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { presentPeriod } from '../present';
import { sheetFixed, stalePeriod, unprocessableWith } from '../problems';
import { savePeriod } from '../store';

/** A sheet's flaws as a 422 (after an edit): each where it is. */
export const refuseFlaws = (sheet: Sheet) => {
  const flaws = sheetFlaws(sheet);
  if (flaws.length)
    throw unprocessableWith('sheet-flaws', `考评表有 ${flaws.length} 处问题：${flaws[0]!.message}`, flaws.map((f) => ({ location: 'sheet', path: f.path, message: f.message })));
};

/**
 * The committee adds a category to the period's sheet, or replaces the one with its id (criteria, deduction
 * rules and all), while the period is in setup: once branches score against the sheet it is fixed.
 */
export const putScoringSheetCategory: Handler<typeof scoringApi.putScoringSheetCategory> = async ({ params, body }, { principal, now, sourceIp }) => {
  const period = await readPeriod(principal.communityId, params.id);
  if (!sheetEditable(effectivePeriodStatus(period, now))) throw sheetFixed();
  if (period.version !== body.version) throw stalePeriod();
  const c = body.category;
  const category: Category = {
    id: c.id,
    name: c.name,
    residentsVoice: c.residentsVoice,
    criteria: c.criteria.map((k) => ({
      id: k.id,
      title: k.title,
      ...(k.description ? { description: k.description } : {}),
      maxPoints: k.maxPoints,
      deductions: k.deductions.map((d) => ({ id: d.id, text: d.text, points: d.points, maxTimes: d.maxTimes })),
    })),
  };
  const others = period.sheet.categories.filter((x) => x.id !== c.id);
  const at = body.position ?? period.sheet.categories.findIndex((x) => x.id === c.id);
  const position = at < 0 ? others.length : Math.min(at, others.length);
  const sheet: Sheet = { ...period.sheet, categories: [...others.slice(0, position), category, ...others.slice(position)] };
  refuseFlaws(sheet);
  const saved = await savePeriod(period, { sheet }, { expectedVersion: body.version, at: now.toISOString(), inStatus: 'setup' });
  if (!saved) throw stalePeriod();
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `sheet category ${c.id} saved` });
  return presentPeriod(saved, principal, now);
};
