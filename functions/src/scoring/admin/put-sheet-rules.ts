import type { scoringApi } from '../../../../shared/api/scoring';
import type { Sheet, Star } from '../../../../shared/scoring/sheet';
import { effectivePeriodStatus, sheetEditable } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { presentPeriod } from '../present';
import { sheetFixed, stalePeriod } from '../problems';
import { savePeriod } from '../store';

/**
 * The committee sets the rules around the criteria: veto items (一票否决) and what each does, bonus items and
 * their cap, the star thresholds, and the caps (satisfaction, ★★★★★ only with a bonus item). During setup.
 */
export const putScoringSheetRules: Handler<typeof scoringApi.putScoringSheetRules> = async ({ params, body }, { principal, now, sourceIp }) => {
  const period = await readPeriod(principal.communityId, params.id);
  if (!sheetEditable(effectivePeriodStatus(period, now))) throw sheetFixed();
  if (period.version !== body.version) throw stalePeriod();
  const s = body.caps.satisfaction;
  const sheet: Sheet = {
    categories: period.sheet.categories,
    vetoItems: body.vetoItems.map((v) => ({
      id: v.id,
      text: v.text,
      effect: v.effect.kind === 'unrated' ? { kind: 'unrated' } : { kind: 'cap', maxStar: v.effect.maxStar as Star },
    })),
    bonusItems: body.bonusItems.map((b) => ({ id: b.id, text: b.text, points: b.points })),
    bonusCap: body.bonusCap,
    thresholds: body.thresholds,
    caps: {
      ...(s ? { satisfaction: { belowPercent: s.belowPercent, maxStar: s.maxStar as Star, minRatings: s.minRatings } } : {}),
      fiveStarNeedsBonus: body.caps.fiveStarNeedsBonus,
    },
  };
  const saved = await savePeriod(period, { sheet }, { expectedVersion: body.version, at: now.toISOString(), inStatus: 'setup' });
  if (!saved) throw stalePeriod();
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: 'sheet rules saved' });
  return presentPeriod(saved, principal, now);
};
