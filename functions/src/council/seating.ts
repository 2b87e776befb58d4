import { randomInt } from 'node:crypto';
import { seatProblems as problemsOf } from '../../../shared/council/seats';
import { councilNotFound, seatProblems } from './problems';
import { getCouncil, saveCouncil, type CouncilItem, type SeatItem } from './store';

/** The letters and digits of a seat's claim code, without the look-alikes 0/O and 1/I (the contract's SeatClaimCode). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newClaimCode = (): string => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** How often a seating is tried again when another change of the same council got in first. */
const ATTEMPTS = 5;

/**
 * Changes a council's seats: reads the council, lets `change` make the new list from it (it may refuse by
 * throwing, or return undefined to write nothing), checks every seat against the parties and each other
 * (shared/council/seats.ts), and writes the list in one conditional write on the version read. Another change
 * that got in first makes it read and try again: seatings by two staff at once both land, checked together.
 */
export const changeSeats = async (
  cid: string,
  councilId: string,
  at: string,
  change: (c: CouncilItem) => SeatItem[] | undefined,
): Promise<CouncilItem> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const council = await getCouncil(cid, councilId);
    if (!council) throw councilNotFound();
    const seats = change(council);
    if (!seats) return council;
    const problems = problemsOf(council.parties, seats);
    if (problems.length) throw seatProblems(problems);
    const saved = await saveCouncil(council, council.version, { seats }, at);
    if (saved) return saved;
  }
  throw new Error('the council kept changing under a seating');
};
