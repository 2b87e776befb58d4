import { randomUUID } from 'node:crypto';
import type { TeamHistoryEntry } from '../../../../shared/api/teams';
import { checkSlots, hasProblems } from '../../../../shared/teams/capacity';
import { DEFAULT_VALID_MONTHS, formatRegistrationNumber, validUntil } from '../../../../shared/teams/registration';
import type { TeamStatus } from '../../../../shared/teams/status';
import { chinaDate } from '../../feedback/china-time';
import { conflict } from '../../http/problem';
import { registrationPrefixOf } from '../community';
import { claimPlaces, releasePlaces } from '../occupancy';
import { pendingAcceptance } from '../present';
import { noRules, rulesNotAccepted, slotProblems, staleTeam, venueFull } from '../problems';
import {
  applyTeamMove,
  currentRules,
  endApproval,
  getTeam,
  getVenue,
  nextRegistrationSequence,
  putRegistrationPointer,
  startApproval,
  type TeamItem,
} from '../store';

/**
 * How long an approval may stay marked on its team: far longer than a function may run (10 s), so a mark older
 * than this belongs to an approval that died, and another may take over.
 */
export const APPROVAL_LEASE_MS = 60_000;

export const approvalStaleBefore = (now: Date): string => new Date(now.getTime() - APPROVAL_LEASE_MS).toISOString();

/**
 * Approves a submitted team: every member must have accepted the rules in force, its slots must fit the venue's
 * hours as they are now, and it must get a place in every quarter hour of its slots (occupancy.ts). Then it gets
 * its registration number and validity.
 *
 * In order: mark the team as being approved (a conditional write on the version and roster read, refused while
 * another approval is under way); take the places; take a number and point the number at the team; write the
 * approval (only under this mark and on the same roster). Whatever fails after the places were taken gives them
 * back and lifts the mark, so a refused approval holds nothing.
 */
export const approveTeam = async (
  team: TeamItem,
  entry: TeamHistoryEntry & { from: TeamStatus },
  opts: {
    expectedVersion: number;
    validMonths?: number;
    now: Date;
    /** The community's number prefix when known already (the demo loads before its community item exists). */
    registrationPrefix?: string;
  },
): Promise<TeamItem> => {
  const cid = team.communityId;
  const [rules, venue] = await Promise.all([currentRules(cid), getVenue(cid, team.venueId)]);
  if (!rules) throw noRules();
  const pending = pendingAcceptance(team, rules.version);
  if (pending.length) throw rulesNotAccepted(pending.length, rules.version);
  if (!venue) throw new Error('a team points at a venue that does not exist');
  const quiet = checkSlots({ slots: team.slots, venue, holders: [] });
  if (hasProblems(quiet)) throw slotProblems(quiet);

  const approval = { id: randomUUID(), at: opts.now.toISOString() };
  if (!(await startApproval(team, approval, opts.expectedVersion, approvalStaleBefore(opts.now)))) {
    const again = await getTeam(cid, team.id);
    if (again?.version === team.version && again.status === team.status && again.rosterVersion === team.rosterVersion && again.approving)
      throw conflict('approval-in-progress', '另一位工作人员正在审批这支队伍，请稍后刷新');
    throw staleTeam();
  }
  const claim = await claimPlaces(cid, venue.id, team.id, team.slots, venue.capacity);
  if (!claim.ok) {
    await endApproval(team, approval.id);
    throw venueFull(claim.full);
  }
  try {
    const approvedOn = chinaDate(opts.now);
    const year = Number(approvedOn.slice(0, 4));
    const prefix = opts.registrationPrefix ?? (await registrationPrefixOf(cid));
    const number = formatRegistrationNumber(prefix, year, await nextRegistrationSequence(cid, year));
    // the pointer before the approval: a pointer whose team never got the number leads to a team that says so
    await putRegistrationPointer(cid, number, team.id);
    const moved = await applyTeamMove(team, entry, {
      expectedVersion: opts.expectedVersion,
      rosterVersion: team.rosterVersion,
      approvalId: approval.id,
      set: { registration: { number, approvedAt: entry.at, validUntil: validUntil(approvedOn, opts.validMonths ?? DEFAULT_VALID_MONTHS) } },
    });
    if (!moved) throw staleTeam();
    return moved;
  } catch (err) {
    await releasePlaces(cid, venue.id, team.id, team.slots);
    await endApproval(team, approval.id);
    throw err;
  }
};
