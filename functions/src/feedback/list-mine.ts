import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { listByReporter } from './store';

/** My feedback, newest first, a page at a time. */
export const listMyFeedback: Handler<typeof feedbackApi.listMyFeedback> = async ({ query }, { principal }) =>
  listByReporter(principal.communityId, principal.userId, query.limit, query.cursor);
