import type { FeedbackCategory } from '@shared/feedback/categories';

/** What the committee narrows the queue by, beside its status: the query the server's queue route takes. */
export interface QueueFilter {
  q?: string;
  category?: FeedbackCategory;
  compound?: string;
  branchId?: string;
  stewardId?: string;
  waitingHours?: number;
}

/** The waits staff ask about: a day, three days, a week. */
export const WAITING_OPTIONS = [
  { value: '24', label: '超过 1 天' },
  { value: '72', label: '超过 3 天' },
  { value: '168', label: '超过 7 天' },
] as const;

/** How many narrowing choices are on (the "更多筛选" button says so while they are hidden). */
export const activeFilters = (f: QueueFilter): number =>
  [f.q, f.category, f.compound, f.branchId ?? f.stewardId, f.waitingHours].filter((v) => v !== undefined && v !== '').length;

/** Branches and stewards share one picker ("负责跟进"): `b:<id>` or `s:<id>`. */
export const assigneeValue = (f: QueueFilter): string => (f.branchId ? `b:${f.branchId}` : f.stewardId ? `s:${f.stewardId}` : '');
export const withAssignee = (f: QueueFilter, value: string): QueueFilter => {
  const { branchId: _b, stewardId: _s, ...rest } = f;
  if (value.startsWith('b:')) return { ...rest, branchId: value.slice(2) };
  if (value.startsWith('s:')) return { ...rest, stewardId: value.slice(2) };
  return rest;
};
