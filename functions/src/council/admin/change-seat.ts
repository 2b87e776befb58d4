import type { councilApi } from '../../../../shared/api/council';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { presentCouncil } from '../present';
import { noSuchSeat } from '../problems';
import { changeSeats } from '../seating';

/**
 * The committee changes a seat's role or term: a new chair, a term extended, or ended early (leaving the
 * council). A motion whose voting has opened keeps its roll: the change counts from the next one.
 */
export const changeCouncilSeat: Handler<typeof councilApi.changeCouncilSeat> = async ({ params, body }, { principal, now, sourceIp }) => {
  let before: { role: string; termStart: string; termEnd: string } | undefined;
  const council = await changeSeats(principal.communityId, params.id, now.toISOString(), (c) => {
    const seat = c.seats.find((s) => s.id === body.seatId);
    if (!seat) throw noSuchSeat();
    before = { role: seat.role, termStart: seat.termStart, termEnd: seat.termEnd };
    if (seat.role === body.role && seat.termStart === body.termStart && seat.termEnd === body.termEnd) return undefined;
    return c.seats.map((s) => (s.id === body.seatId ? { ...s, role: body.role, termStart: body.termStart, termEnd: body.termEnd } : s));
  });
  const b = before!;
  if (b.role !== body.role || b.termStart !== body.termStart || b.termEnd !== body.termEnd)
    await recordAudit({
      action: 'council-seat',
      actor: principal,
      at: now,
      sourceIp,
      target: { kind: 'council', id: council.id },
      change: `seat ${body.seatId}: ${b.role} ${b.termStart}…${b.termEnd} → ${body.role} ${body.termStart}…${body.termEnd}`,
    });
  return presentCouncil(council, principal, now);
};
