import type { teamsApi } from '../../../shared/api/teams';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { teamPage } from './access';
import { unknownVenue } from './problems';
import { getTeam, getVenue, putMember, putNewTeam, type TeamItem } from './store';

/**
 * A resident files a team as a draft and becomes its leader and first member (their own consent is the act of
 * filing). Slots are checked against the venue only on submission; the page checks them as they are typed.
 * With an `Idempotency-Key` a retry returns the team the first call made (its id comes from the key).
 */
export const createTeamDraft: Handler<typeof teamsApi.createTeamDraft> = async ({ body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const venue = await getVenue(cid, body.venueId);
  if (!venue) throw unknownVenue();
  const id = newItemId('createTeamDraft', principal, idempotencyKey);
  const at = now.toISOString();
  const team: TeamItem = {
    id,
    communityId: cid,
    name: body.name,
    leaderId: principal.userId,
    leaderName: principal.name,
    phone: body.phone,
    venueId: venue.id,
    venueName: venue.name,
    slots: body.slots,
    expectedSize: body.expectedSize,
    usesLoudspeaker: body.usesLoudspeaker,
    ...(body.volumeLimitDb !== undefined ? { volumeLimitDb: body.volumeLimitDb } : {}),
    ...(body.volumeCommitment ? { volumeCommitment: body.volumeCommitment } : {}),
    status: 'draft',
    version: 1,
    rosterVersion: 1,
    createdAt: at,
    updatedAt: at,
    statusSince: at,
    history: [{ at, from: null, to: 'draft', byRole: 'leader', byName: principal.name }],
    memberIds: [principal.userId],
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  // the leader's member item first, then the team whose roster names them (a retry finds both in place)
  await putMember(
    cid,
    { teamId: id, memberId: principal.userId, name: principal.name, userId: principal.userId, via: 'founder', joinedAt: at, consentRecordedAt: at },
    { ifAbsent: true },
  );
  await createOnce({ item: team, put: putNewTeam, read: () => getTeam(cid, id) });
  return teamPage(cid, id, 'leader', now);
};
