/**
 * Star levels as tables (issue 11): the star a total earns at each edge of each threshold, and what the caps
 * leave of it, row by row against an explicit expected table. A changed comparison (> for ≥, < for ≤), a swapped
 * threshold or a cap applied on the wrong side of its limit fails a named row.
 */
import { DEFAULT_SHEET } from '../../../shared/scoring/default-sheet';
import { applyCaps, limitText, starForTotal, type StarLimit } from '../../../shared/scoring/rules';
import { DEFAULT_THRESHOLDS, type Star, type StarCaps } from '../../../shared/scoring/sheet';

describe('the star a total earns', () => {
  // the default thresholds: ≥90 ★5, 80–89 ★4, 70–79 ★3, 60–69 ★2, below ★1
  it.each<[number, Star]>([
    [0, 1],
    [59, 1],
    [60, 2],
    [69, 2],
    [70, 3],
    [79, 3],
    [80, 4],
    [89, 4],
    [90, 5],
    [105, 5],
  ])('default thresholds: %i points earn ★%i', (total, star) => {
    expect(starForTotal(DEFAULT_THRESHOLDS, total)).toBe(star);
  });

  // a sheet's own thresholds are read, not the defaults: each edge of 50 / 65 / 75 / 95
  const own = { star2: 50, star3: 65, star4: 75, star5: 95 };
  it.each<[number, Star]>([
    [49, 1],
    [50, 2],
    [64, 2],
    [65, 3],
    [74, 3],
    [75, 4],
    [94, 4],
    [95, 5],
  ])('own thresholds 50/65/75/95: %i points earn ★%i', (total, star) => {
    expect(starForTotal(own, total)).toBe(star);
  });
});

describe('what the caps leave of a star', () => {
  const caps: StarCaps = DEFAULT_SHEET.caps; // satisfaction below 60% on at least 5 ratings: at most ★★; ★★★★★ needs a bonus item
  const vetoes = DEFAULT_SHEET.vetoItems; // discipline: unrated; incident: at most ★★; falsified: at most ★
  type Row = [string, Star, { vetoes?: string[]; satisfaction?: { percent: number; ratings: number }; bonusItems?: number }, Star | null, StarLimit['kind'][]];

  it.each<Row>([
    ['★5 with a bonus item stays ★5', 5, { bonusItems: 1 }, 5, []],
    ['★5 without one is ★4, and says why', 5, { bonusItems: 0 }, 4, ['five-star-needs-bonus']],
    ['★4 without a bonus item is untouched', 4, { bonusItems: 0 }, 4, []],
    ['satisfaction 59% on 5 ratings caps ★4 at ★★', 4, { bonusItems: 1, satisfaction: { percent: 59, ratings: 5 } }, 2, ['satisfaction']],
    ['satisfaction 60% is not below 60%: no cap', 4, { bonusItems: 1, satisfaction: { percent: 60, ratings: 5 } }, 4, []],
    ['4 ratings are too few to cap anything', 4, { bonusItems: 1, satisfaction: { percent: 10, ratings: 4 } }, 4, []],
    ['a ★★ branch with low satisfaction keeps ★★, and the cap is not told (it lowered nothing)', 2, { satisfaction: { percent: 10, ratings: 50 } }, 2, []],
    ['a ★★★ branch with low satisfaction drops to ★★', 3, { satisfaction: { percent: 10, ratings: 50 } }, 2, ['satisfaction']],
    ['the discipline veto leaves it unrated', 5, { bonusItems: 1, vetoes: ['discipline'] }, null, ['veto']],
    ['the incident veto caps at ★★', 5, { bonusItems: 1, vetoes: ['incident'] }, 2, ['veto']],
    ['a veto is told even when the star is already below its cap', 1, { vetoes: ['incident'] }, 1, ['veto']],
    ['two vetoes: the lower cap wins, both are told', 4, { vetoes: ['incident', 'falsified'] }, 1, ['veto', 'veto']],
    ['a veto after the satisfaction cap still lowers it', 4, { satisfaction: { percent: 10, ratings: 50 }, vetoes: ['falsified'] }, 1, ['satisfaction', 'veto']],
    ['unrated stays unrated after a later cap', 3, { satisfaction: { percent: 10, ratings: 50 }, vetoes: ['discipline', 'falsified'] }, null, ['satisfaction', 'veto', 'veto']],
  ])('%s', (_, star, given, expected, kinds) => {
    const out = applyCaps(star, caps, vetoes, { vetoes: given.vetoes ?? [], bonuses: [], ...(given.satisfaction ? { satisfaction: given.satisfaction } : {}) }, given.bonusItems ?? 0);
    expect(out.star).toBe(expected);
    expect(out.limits.map((l) => l.kind)).toEqual(kinds);
  });

  it('a sheet without the bonus rule lets ★★★★★ stand without one; without a satisfaction cap low satisfaction changes nothing', () => {
    expect(applyCaps(5, { fiveStarNeedsBonus: false }, [], { vetoes: [], bonuses: [], satisfaction: { percent: 1, ratings: 100 } }, 0)).toEqual({ star: 5, limits: [] });
  });

  it('each limit in words, as the page shows it', () => {
    expect(limitText({ kind: 'five-star-needs-bonus' })).toBe('没有加分项，最高评为四星');
    expect(limitText({ kind: 'satisfaction', percent: 59, belowPercent: 60, maxStar: 2 })).toBe('群众满意度 59% 低于 60%，最高评为★★');
    expect(limitText({ kind: 'veto', vetoId: 'incident', text: '发生重大安全责任事故', maxStar: 2 })).toBe('一票否决：发生重大安全责任事故，最高评为★★');
    expect(limitText({ kind: 'veto', vetoId: 'discipline', text: '严重违纪', maxStar: null })).toBe('一票否决：严重违纪，不予评星');
  });
});
