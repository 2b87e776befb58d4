import type { teamsApi } from '../../../shared/api/teams';
import { checkSlots, hasProblems } from '../../../shared/teams/capacity';
import type { Handler } from '../http/route';
import { getVenue, listPlaceHolders } from './store';
import { venueNotFound } from './venues';

/**
 * Checks slots at a venue without saving anything: overlaps among them, quiet hours in every month, and places
 * the teams holding them leave free. The same rule submission applies, so what passes here can be submitted
 * (unless another team is approved meanwhile).
 */
export const checkTeamSlots: Handler<typeof teamsApi.checkTeamSlots> = async ({ body }, { principal }) => {
  const [venue, holders] = await Promise.all([getVenue(principal.communityId, body.venueId), listPlaceHolders(principal.communityId, body.venueId)]);
  if (!venue) throw venueNotFound();
  const problems = checkSlots({ slots: body.slots, venue, holders: holders.map((h) => ({ teamId: h.id, slots: h.slots })), teamId: body.teamId });
  return { problems, ok: !hasProblems(problems) };
};
