import type { feedbackApi } from '../../../../shared/api/feedback';
import type { Handler } from '../../http/route';
import { listByStatus } from '../store';

/** The committee's queue for one status, the longest-waiting first. */
export const listFeedbackQueue: Handler<typeof feedbackApi.listFeedbackQueue> = async ({ query }, { principal }) =>
  listByStatus(principal.communityId, query.status, query.limit, query.cursor);
