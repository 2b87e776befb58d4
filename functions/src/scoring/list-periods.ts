import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { periodSummary } from './present';
import { listPeriods } from './store';

/** The community's evaluation periods, newest first (which periods there are is no secret). */
export const listScoringPeriods: Handler<typeof scoringApi.listScoringPeriods> = async ({ query }, { principal, now }) => {
  const page = await listPeriods(principal.communityId, query.limit, query.cursor);
  return { items: page.items.map((p) => periodSummary(p, now)), nextCursor: page.nextCursor };
};
