/**
 * The red stewards' households (走访入户): the homes each steward looks after, with labels that say why they need
 * looking after, and how long since a steward was last there. Pure: the server decides with these, the pages show
 * the same.
 */

/** Why a household is looked after (sensitive: the steward and the committee only, never in lists of others). */
export const HOUSEHOLD_LABELS = ['living-alone', 'hardship', 'disability', 'elderly', 'veteran', 'other'] as const;
export type HouseholdLabel = (typeof HOUSEHOLD_LABELS)[number];

export const HOUSEHOLD_LABEL_TEXT: Record<HouseholdLabel, string> = {
  'living-alone': '独居老人',
  hardship: '困难家庭',
  disability: '残疾人',
  elderly: '高龄老人',
  veteran: '退役军人',
  other: '其他关爱对象',
};

/** Help a steward gives besides visits: livelihood services, dispute mediation, hardship relief. */
export const HELP_KINDS = ['livelihood', 'mediation', 'hardship'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

export const HELP_KIND_TEXT: Record<HelpKind, string> = {
  livelihood: '民生服务',
  mediation: '矛盾调解',
  hardship: '困难帮扶',
};

/** A visit is overdue after this many days without one, unless the committee says otherwise. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 30;
export const MIN_VISIT_INTERVAL_DAYS = 7;
export const MAX_VISIT_INTERVAL_DAYS = 180;

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Whole days from one China date to another (`2026-11-01` → `2026-11-28`: 27). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/**
 * How long a household has waited for a visit, as of `today`: days since the last visit, or since it was put on
 * the steward's list when nobody has visited yet (a new household is not overdue on its first day).
 */
export const daysWaiting = (h: { lastVisitDate?: string; since: string }, today: string): number =>
  Math.max(0, daysBetween(h.lastVisitDate ?? h.since, today));

/** Overdue: more than `intervalDays` days without a visit. */
export const isOverdue = (h: { lastVisitDate?: string; since: string }, today: string, intervalDays: number): boolean =>
  daysWaiting(h, today) > intervalDays;

/**
 * A name as lists show it to staff: the family name and a mask (张** for 张桂兰; 欧阳** for 欧阳秀英, whose family
 * name has two characters, is 欧** as well: lists need only a hint, the record has the name).
 */
export const maskedName = (name: string): string => {
  const chars = [...name.trim()];
  if (!chars.length) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(2, chars.length - 1)))}`;
};

/** `2026-11-28` → `2026-11`. */
export const monthOfDate = (date: string): string => date.slice(0, 7);
