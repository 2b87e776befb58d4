import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { countUnread } from './store';

/** The home page badge: how many of my reports the committee changed since I last opened them. */
export const countMyUnreadFeedback: Handler<typeof feedbackApi.countMyUnreadFeedback> = async (_input, { principal }) => ({
  count: await countUnread(principal.communityId, principal.userId),
});
