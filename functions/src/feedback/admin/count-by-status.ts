import type { feedbackApi } from '../../../../shared/api/feedback';
import type { Handler } from '../../http/route';
import { countByStatus } from '../store';

/** The numbers beside each status on the queue's filter. */
export const countFeedbackByStatus: Handler<typeof feedbackApi.countFeedbackByStatus> = async (_input, { principal }) => ({
  counts: await countByStatus(principal.communityId),
});
