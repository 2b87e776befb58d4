import type { teamsApi, Venue } from '../../../shared/api/teams';
import { weekGrid } from '../../../shared/teams/capacity';
import { sortSlots } from '../../../shared/teams/slots';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { getVenue, listPlaceHolders, listVenues as readVenues, type VenueItem } from './store';

/** A venue as answers show it (without what only the store needs). */
export const toVenue = ({ communityId: _c, requestFingerprint: _f, ...v }: VenueItem): Venue => v;

export const venueNotFound = () => notFound('场地不存在');

/** The community's venues, in the order the committee added them: the filing form offers them. */
export const listVenues: Handler<typeof teamsApi.listVenues> = async (_input, { principal }) => ({
  items: (await readVenues(principal.communityId)).map(toVenue),
});

/**
 * A venue's week: the teams holding places there (approved, or suspended and keeping them) and, per day, the
 * stretches with the same teams dancing and how many they are (more than the capacity only where the committee
 * lowered it after approving them).
 */
export const getVenueTimetable: Handler<typeof teamsApi.getVenueTimetable> = async ({ params }, { principal }) => {
  const [venue, holders] = await Promise.all([getVenue(principal.communityId, params.id), listPlaceHolders(principal.communityId, params.id)]);
  if (!venue) throw venueNotFound();
  const teams = holders.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    venue: toVenue(venue),
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      ...(t.registration ? { registrationNumber: t.registration.number } : {}),
      slots: sortSlots(t.slots),
    })),
    days: weekGrid(teams.map((t) => ({ teamId: t.id, slots: t.slots }))).map(({ day, segments }) => ({
      day,
      segments: segments.map((s) => ({ ...s, count: s.teamIds.length, overCapacity: s.teamIds.length > venue.capacity })),
    })),
  };
};
