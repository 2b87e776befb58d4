import type { teamsApi } from '../../../shared/api/teams';
import { validityOf } from '../../../shared/teams/registration';
import { sortSlots } from '../../../shared/teams/slots';
import { holdsPlaces } from '../../../shared/teams/status';
import { chinaDate } from '../feedback/china-time';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { defaultCommunityId } from '../identity/sessions';
import { getRegistrationTeamId, getTeam, getVenue } from './store';

/**
 * Anyone checks a registration number (scanning a team's ID card in the square): the team, its venue, when it
 * may dance, whether the registration holds now, and how many members it has. No names, no phone numbers. The
 * number's pointer leads to a team; only a team that carries this very number and holds its registration
 * (approved or suspended) answers.
 */
export const verifyRegistration: Handler<typeof teamsApi.verifyRegistration> = async ({ params, query }, { now }) => {
  const cid = query.community ?? defaultCommunityId();
  const teamId = await getRegistrationTeamId(cid, params.number);
  const team = teamId ? await getTeam(cid, teamId) : undefined;
  if (!team?.registration || team.registration.number !== params.number || !holdsPlaces(team.status)) throw notFound('没有这个备案编号的队伍');
  const venue = await getVenue(cid, team.venueId);
  return {
    number: team.registration.number,
    teamName: team.name,
    venueName: venue?.name ?? team.venueName,
    slots: sortSlots(team.slots),
    status: team.status as 'approved' | 'suspended',
    validUntil: team.registration.validUntil,
    validity: validityOf(team.status, team.registration.validUntil, chinaDate(now)),
    memberCount: team.memberIds.length,
  };
};
