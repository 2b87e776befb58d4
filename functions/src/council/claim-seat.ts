import type { councilApi } from '../../../shared/api/council';
import type { Handler } from '../http/route';
import { presentCouncil } from './present';
import { noSuchClaim } from './problems';
import { changeSeats } from './seating';
import { deleteClaimPointer, getClaimPointer } from './store';

/**
 * A person links their account to the seat the committee gave them, with the seat's code (read out or handed
 * over at the meeting). The code works once: the seat then holds the account instead of the code. Their WeChat
 * openid, when they signed in through WeChat, goes with it, so reminders can reach them.
 */
export const claimCouncilSeat: Handler<typeof councilApi.claimCouncilSeat> = async ({ body }, { principal, now }) => {
  const cid = principal.communityId;
  const pointer = await getClaimPointer(cid, body.code);
  if (!pointer) throw noSuchClaim();
  const council = await changeSeats(cid, pointer.councilId, now.toISOString(), (c) => {
    const seat = c.seats.find((s) => s.id === pointer.seatId);
    // the seat must still hold this very code (a pointer left by an interrupted seating leads nowhere)
    if (!seat || seat.claimCode !== body.code || seat.userId) throw noSuchClaim();
    return c.seats.map((s) => {
      if (s.id !== seat.id) return s;
      const { claimCode: _used, ...rest } = s;
      return { ...rest, userId: principal.userId, ...(principal.openid ? { openid: principal.openid } : {}) };
    });
  });
  await deleteClaimPointer(cid, body.code);
  return presentCouncil(council, principal, now);
};
