import type { FeedbackCategory } from './categories';

/**
 * How soon the committee aims to give a first answer (受理 or 不予受理), per category: safety first. A report
 * still waiting past its target is overdue in the queue.
 */
export const RESPONSE_TARGET_HOURS: Record<FeedbackCategory, number> = {
  safety: 4,
  environment: 24,
  facilities: 24,
  noise: 24,
  property: 48,
  neighbours: 48,
  livelihood: 48,
  other: 72,
};

/** When a report's first answer is due. */
export const responseDueAt = (category: FeedbackCategory, createdAt: string): string =>
  new Date(Date.parse(createdAt) + RESPONSE_TARGET_HOURS[category] * 3_600_000).toISOString();

/** Whole hours a report has waited since it was sent (never negative, whatever the clocks say). */
export const hoursWaiting = (createdAt: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 3_600_000));

/** Whether a report still waiting for its first answer has passed its category's target. */
export const isOverdue = (category: FeedbackCategory, createdAt: string, now: Date): boolean =>
  now.getTime() >= Date.parse(responseDueAt(category, createdAt));
