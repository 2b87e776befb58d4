import type { councilApi } from '../../../../shared/api/council';
import { recordAudit } from '../../audit/trail';
import { keyReused, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { getUser } from '../../identity/store';
import { presentCouncil } from '../present';
import { unknownPerson } from '../problems';
import { changeSeats, newClaimCode } from '../seating';
import { deleteClaimPointer, putClaimPointer, type SeatItem } from '../store';

/**
 * The committee seats a person for a party with a term and a role. With their account id (a red steward from the
 * stewards list, say) they vote in the mini-program at once; without it the seat gets a claim code that its
 * holder enters to link their account (claim-seat.ts), and until then votes in person. The seat must fit: the
 * party has a place for the whole term, one chair at a time, one seat per person at a time.
 *
 * With an `Idempotency-Key` the seat's id comes from the key: a retry finds it seated and changes nothing.
 */
export const seatCouncilMember: Handler<typeof councilApi.seatCouncilMember> = async ({ params, body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  if (body.userId && !(await getUser(cid, body.userId))) throw unknownPerson();
  const id = newItemId(`seatCouncilMember\n${params.id}`, principal, idempotencyKey);
  const fingerprint = idempotencyKey ? requestFingerprint(body) : undefined;
  // the code's pointer first: a pointer whose seat does not hold the code leads nowhere (the claim checks it)
  let code: string | undefined;
  if (!body.userId) {
    code = newClaimCode();
    for (let attempt = 0; !(await putClaimPointer(cid, code, params.id, id)); attempt++) {
      if (attempt >= 5) throw new Error('no free claim code after 6 tries');
      code = newClaimCode();
    }
  }
  const seat: SeatItem & { requestFingerprint?: string } = {
    id,
    party: body.party,
    name: body.name,
    role: body.role,
    termStart: body.termStart,
    termEnd: body.termEnd,
    ...(body.userId ? { userId: body.userId } : {}),
    ...(code ? { claimCode: code } : {}),
    seatedAt: now.toISOString(),
    seatedByName: principal.name,
    ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
  };
  let created = false;
  try {
    const council = await changeSeats(cid, params.id, now.toISOString(), (c) => {
      created = false;
      const existing = c.seats.find((s) => s.id === id) as (SeatItem & { requestFingerprint?: string }) | undefined;
      if (existing) {
        if (existing.requestFingerprint !== fingerprint) throw keyReused();
        return undefined;
      }
      created = true;
      return [...c.seats, seat];
    });
    if (code && !created) await deleteClaimPointer(cid, code);
    if (created)
      await recordAudit({ action: 'council-seat', actor: principal, at: now, sourceIp, target: { kind: 'council', id: council.id }, change: `seat ${id}: ${body.party} ${body.role} ${body.termStart}…${body.termEnd}` });
    return presentCouncil(council, principal, now);
  } catch (err) {
    if (code) await deleteClaimPointer(cid, code);
    throw err;
  }
};
