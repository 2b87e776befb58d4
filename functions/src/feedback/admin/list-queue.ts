import type { feedbackApi } from '../../../../shared/api/feedback';
import type { Handler } from '../../http/route';
import { listByStatus } from '../store';

/**
 * The committee's queue for one status, the longest-waiting first, narrowed by category, compound, assignee,
 * text (title, reference number, compound) and how long it has waited.
 */
export const listFeedbackQueue: Handler<typeof feedbackApi.listFeedbackQueue> = async ({ query }, { principal, now }) =>
  listByStatus(principal.communityId, query.status, query.limit, query.cursor, {
    category: query.category,
    compound: query.compound || undefined,
    branchId: query.branchId,
    stewardId: query.stewardId,
    text: query.q || undefined,
    waitingSince: query.waitingHours ? new Date(now.getTime() - query.waitingHours * 3_600_000).toISOString() : undefined,
  });
