import type { teamsApi } from '../../../shared/api/teams';
import type { Handler } from '../http/route';
import { toSummary } from './present';
import { currentRules, listTeamsOf } from './store';

/** The teams I lead or belong to, newest membership first. */
export const listMyTeams: Handler<typeof teamsApi.listMyTeams> = async ({ query }, { principal }) => {
  const [page, rules] = await Promise.all([listTeamsOf(principal.communityId, principal.userId, query.limit, query.cursor), currentRules(principal.communityId)]);
  return {
    items: page.items.map((t) => toSummary(t, rules?.version, t.leaderId === principal.userId ? 'leader' : 'member')),
    nextCursor: page.nextCursor,
  };
};
