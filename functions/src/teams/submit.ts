import type { teamsApi } from '../../../shared/api/teams';
import { checkSlots, hasProblems } from '../../../shared/teams/capacity';
import { canMoveTeam } from '../../../shared/teams/status';
import type { Handler } from '../http/route';
import { leadersTeam, teamPage } from './access';
import { pendingAcceptance } from './present';
import { moveNotAllowed, noRules, rulesNotAccepted, slotProblems, staleTeam, unknownVenue } from './problems';
import { applyTeamMove, currentRules, getVenue, listPlaceHolders } from './store';

/**
 * Its leader submits the filing (or resubmits it after changes). Refused while a member has not accepted the
 * rules in force (409), and while a slot overlaps another, falls in the venue's quiet hours or finds the venue
 * full (422, each slot's problems in `errors`). The move is one conditional write on the version and roster
 * read, so a member joining meanwhile (who has not accepted yet) makes it a 409 to try again.
 */
export const submitTeam: Handler<typeof teamsApi.submitTeam> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (team.version !== body.version) throw staleTeam();
  if (!canMoveTeam(team.status, 'submitted', 'leader')) throw moveNotAllowed(team.status, 'submitted');
  const [rules, venue, holders] = await Promise.all([currentRules(cid), getVenue(cid, team.venueId), listPlaceHolders(cid, team.venueId)]);
  if (!rules) throw noRules();
  if (!venue) throw unknownVenue();
  const pending = pendingAcceptance(team, rules.version);
  if (pending.length) throw rulesNotAccepted(pending.length, rules.version);
  const problems = checkSlots({ slots: team.slots, venue, holders: holders.map((h) => ({ teamId: h.id, slots: h.slots })), teamId: team.id });
  if (hasProblems(problems)) throw slotProblems(problems);
  const moved = await applyTeamMove(
    team,
    { at: now.toISOString(), from: team.status, to: 'submitted', byRole: 'leader', byName: principal.name },
    { expectedVersion: body.version, rosterVersion: team.rosterVersion },
  );
  if (!moved) throw staleTeam();
  return teamPage(cid, team.id, 'leader', now);
};
