import { cellsToSlots, slotCells } from '../../../shared/teams/capacity';
import type { WeeklySlot } from '../../../shared/teams/slots';
import { claimCell, releaseCell } from './store';

/**
 * A venue's occupancy, kept so that no minute ever has more teams holding places than the venue takes, without
 * transactions (the local store has none, and each invariant must live in one item):
 *
 * - The week at a venue is cut into quarter-hour cells, one item each (`D3#1900`: Wednesday 19:00–19:15), holding
 *   the set of teams with a place in it. Slots start and end on quarter hours, so a team covers a cell wholly or
 *   not at all, and the count in a cell is the count at each of its minutes.
 * - A place is taken with one conditional write on one cell: add the team only while the set has fewer than
 *   `capacity` members (or has the team already). Two approvals racing for the last place in a cell are two
 *   conditional writes on one item: exactly one gets it.
 * - An approval takes the cells of all its slots, one by one in a fixed order (day, then time). Where a cell is
 *   full, it gives back every cell it took (a release is idempotent) and is refused. Taking them in the same order
 *   means teams with the same slots meet at the first cell and the winners there go on to win every other.
 * - The team's status is written only after all cells are taken, and an approval marks the team item first
 *   (`approving`, see admin/approve.ts), so two approvals of one team never run together and one's release
 *   cannot take the other's places. Places are given back when a team is refused or sent back for changes too,
 *   which clears what a crashed approval left behind; a suspended team keeps its places.
 */

export type ClaimResult = { ok: true; cells: string[] } | { ok: false; full: WeeklySlot[] };

/** Takes places for every slot, or none: on a full cell, gives back what it took and names that quarter hour. */
export const claimPlaces = async (cid: string, venueId: string, teamId: string, slots: readonly WeeklySlot[], capacity: number): Promise<ClaimResult> => {
  const cells = slotCells(slots);
  for (const [i, cell] of cells.entries()) {
    if (await claimCell(cid, venueId, cell, teamId, capacity)) continue;
    await releasePlaces(cid, venueId, teamId, slots);
    return { ok: false, full: cellsToSlots([cells[i]!]) };
  }
  return { ok: true, cells };
};

/** Gives back every place the team holds (or may hold) for these slots. Safe to repeat. */
export const releasePlaces = async (cid: string, venueId: string, teamId: string, slots: readonly WeeklySlot[]): Promise<void> => {
  await Promise.all(slotCells(slots).map((cell) => releaseCell(cid, venueId, cell, teamId)));
};
