import type { teamsApi } from '../../../shared/api/teams';
import { isEditable } from '../../../shared/teams/status';
import type { Handler } from '../http/route';
import { leadersTeam, teamPage } from './access';
import { notEditable, staleTeam, unknownVenue } from './problems';
import { getTeam, getVenue, saveTeamForm } from './store';

/**
 * Its leader edits the filing while it is a draft or sent back for changes: the whole form, with the version
 * read (409 when someone, e.g. the committee, changed it meanwhile). A member may read but not edit (403).
 */
export const updateTeamDraft: Handler<typeof teamsApi.updateTeamDraft> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (!isEditable(team.status)) throw notEditable(team.status);
  if (team.version !== body.version) throw staleTeam();
  const venue = await getVenue(cid, body.venueId);
  if (!venue) throw unknownVenue();
  const { version, venueId: _v, ...form } = body;
  const saved = await saveTeamForm(team, { ...form, venueId: venue.id, venueName: venue.name }, version, now.toISOString());
  if (!saved) {
    const again = await getTeam(cid, team.id);
    throw again && !isEditable(again.status) ? notEditable(again.status) : staleTeam();
  }
  return teamPage(cid, team.id, 'leader', now);
};
