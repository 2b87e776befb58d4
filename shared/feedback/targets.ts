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
