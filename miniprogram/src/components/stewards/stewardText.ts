import type { HouseholdSummary } from '@shared/api/stewards';
import { HELP_KIND_TEXT, HOUSEHOLD_LABEL_TEXT, type HelpKind, type HouseholdLabel } from '@shared/stewards/households';

export const labelsText = (labels: readonly HouseholdLabel[]): string => labels.map((l) => HOUSEHOLD_LABEL_TEXT[l]).join('、');

export const helpKindText = (k: HelpKind): string => HELP_KIND_TEXT[k];

/** 上次走访 11月20日（8 天前）, or that nobody has visited yet. */
export const lastVisitText = (h: Pick<HouseholdSummary, 'lastVisitDate' | 'daysWaiting'>): string =>
  h.lastVisitDate ? `上次走访 ${h.lastVisitDate}（${h.daysWaiting === 0 ? '今天' : `${h.daysWaiting} 天前`}）` : `还没有走访（已等 ${h.daysWaiting} 天）`;

/** `1.5 小时`, `2 小时`. */
export const hoursText = (h: number): string => `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`;
