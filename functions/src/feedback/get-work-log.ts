import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { readWorkLog } from './work-log';

/** A red steward's own page: what they logged for residents, were assigned and resolved, month by month. */
export const getMyWorkLog: Handler<typeof feedbackApi.getMyWorkLog> = async ({ query }, { principal }) => ({
  months: await readWorkLog(principal.communityId, principal.userId, query.from, query.to),
});
