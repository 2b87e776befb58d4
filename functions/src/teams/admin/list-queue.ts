import type { teamsApi } from '../../../../shared/api/teams';
import type { Handler } from '../../http/route';
import { toSummary } from '../present';
import { countTeamsByStatus as count, currentRules, listTeamsByStatus } from '../store';

/** The committee's list of one status (the review queue: submitted), the longest in it first. */
export const listTeamQueue: Handler<typeof teamsApi.listTeamQueue> = async ({ query }, { principal }) => {
  const [page, rules] = await Promise.all([listTeamsByStatus(principal.communityId, query.status, query.limit, query.cursor), currentRules(principal.communityId)]);
  return { items: page.items.map((t) => toSummary(t, rules?.version)), nextCursor: page.nextCursor };
};

/** The numbers beside each status on the queue's filter. */
export const countTeamsByStatus: Handler<typeof teamsApi.countTeamsByStatus> = async (_input, { principal }) => ({
  counts: await count(principal.communityId),
});
