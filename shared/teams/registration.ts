import type { TeamStatus } from './status';

/**
 * A registered team's number, printed on its ID card (电子身份证) and typed or scanned to verify it:
 * `青年-WD-2026-001` — the community (its name without 社区), WD for 舞队, the year of approval, and the count of
 * that year's approvals in the community.
 */
export const REGISTRATION_NUMBER_PATTERN = /^[\u4e00-\u9fa5A-Za-z0-9]{1,8}-WD-\d{4}-\d{3,6}$/;

/** The letters a community's numbers start with: `青年社区` → `青年`. */
export const registrationPrefix = (communityName: string): string => {
  const kept = [...communityName.replace(/社区$/, '')].filter((c) => /[\u4e00-\u9fa5A-Za-z0-9]/.test(c)).slice(0, 8).join('');
  return kept || 'SQ';
};

export const formatRegistrationNumber = (prefix: string, year: number, n: number): string =>
  `${prefix}-WD-${year}-${String(n).padStart(3, '0')}`;

/** How long a registration holds unless the committee says otherwise. */
export const DEFAULT_VALID_MONTHS = 12;

/**
 * The last day a registration holds: `months` after the day it was approved, the day before that date
 * (`2026-11-27` + 12 months → `2027-11-26`). Dates are China dates (`YYYY-MM-DD`); a day the later month lacks
 * becomes its last day first (`2026-01-31` + 1 month → the day before `2026-02-28`).
 */
export const validUntil = (approvedOn: string, months: number): string => {
  const [y, m, d] = approvedOn.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, month - 1, Math.min(d, lastDay)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
};

/** What the ID card and the public page say: may the team dance now? */
export type Validity = 'valid' | 'expired' | 'suspended';
export const VALIDITY_LABELS: Record<Validity, string> = { valid: '有效', expired: '已过期', suspended: '暂停活动' };

export const validityOf = (status: TeamStatus, until: string, today: string): Validity =>
  status === 'suspended' ? 'suspended' : today > until ? 'expired' : 'valid';
