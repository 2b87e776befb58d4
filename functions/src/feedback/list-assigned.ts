import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { listAssigned } from './store';

/** A red steward's queue: what the committee assigned to them, latest first. */
export const listAssignedToMe: Handler<typeof feedbackApi.listAssignedToMe> = async ({ query }, { principal }) =>
  listAssigned(principal.communityId, principal.userId, query.limit, query.cursor);
