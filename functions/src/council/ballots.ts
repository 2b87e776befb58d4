import type { councilApi } from '../../../shared/api/council';
import { isValidChoice } from '../../../shared/council/outcome';
import type { MotionPhase } from '../../../shared/council/status';
import { phaseOf } from '../../../shared/council/status';
import { recordAudit } from '../audit/trail';
import type { Handler } from '../http/route';
import { voterKey } from './ballot-key';
import { readMotion, requireChairOrStaff, seatToday } from './access';
import { decideIfDue, ensureRoll } from './outcome';
import {
  alreadyVoted,
  memberAlreadyVoted,
  motionNotFound,
  motionWithdrawn,
  notAMember,
  notOnRoll,
  seatNotOnRoll,
  unknownOption,
  votingClosed,
  votingNotOpen,
} from './problems';
import { getBallot, getCouncil, getMotion, putBallot, type BallotItem, type MotionItem, type RollItem } from './store';

/** Voting is open, or the refusal that says why not. */
const requireVoting = (m: MotionItem, phase: MotionPhase): void => {
  if (phase === 'withdrawn') throw motionWithdrawn();
  if (phase === 'counting' || phase === 'decided') throw votingClosed();
  if (phase !== 'voting') throw votingNotOpen(m.times?.votingOpensAt);
};

/** A ballot under its member's voter key: open ballots say whose and when; secret ones carry the choice alone. */
const ballotFor = async (m: MotionItem, r: RollItem, choice: string, via: BallotItem['via'], at: string, recordedByName?: string): Promise<BallotItem> => ({
  voterKey: await voterKey(m.communityId, m.id, r.seatId, m.settings!.secret),
  choice,
  via,
  ...(m.settings!.secret ? {} : { seatId: r.seatId, castAt: at, ...(recordedByName ? { recordedByName } : {}) }),
});

const receipt = (m: MotionItem, r: RollItem, b: BallotItem, changed: boolean) => ({
  motionId: m.id,
  voted: true as const,
  via: b.via!,
  changed,
  seatId: r.seatId,
  name: r.name,
  ...(m.settings!.secret ? {} : { choice: b.choice! }),
});

/**
 * A member on the roll casts their ballot. One ballot item per member, written with a condition: a second is
 * refused (`already-voted`), or, where the chair allows changes, replaces their own online ballot, until close.
 * After close each member's key is sealed (outcome.ts), so a ballot racing the close is refused, never lost from
 * a count it was meant for. Refusals in order: not a member of this council, voting not open (or closed, or the
 * motion withdrawn), not on this motion's roll, no such option, already voted.
 */
export const castBallot: Handler<typeof councilApi.castBallot> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const found = await getMotion(cid, params.id);
  if (!found) throw motionNotFound();
  const m = await ensureRoll(await decideIfDue(found, now), now);
  const entry = m.roll?.find((r) => r.userId === principal.userId);
  if (!entry) {
    // not on the roll: a member of this council at all? (the council is read only then: ballots stay cheap)
    const council = await getCouncil(cid, m.councilId);
    if (!council) throw motionNotFound();
    if (!seatToday(council, principal, now)) throw notAMember(council.name);
  }
  requireVoting(m, phaseOf(m, now.toISOString()));
  if (!entry) throw notOnRoll();
  if (!isValidChoice(m.settings!.options, body.choice)) throw unknownOption();
  const ballot = await ballotFor(m, entry, body.choice, 'online', now.toISOString());
  const written = await putBallot(cid, m.id, ballot, m.settings!.allowBallotChange);
  if (!written) {
    const existing = await getBallot(cid, m.id, ballot.voterKey);
    if (existing?.sealed) throw votingClosed();
    throw alreadyVoted(existing?.via === 'in-person');
  }
  return receipt(m, entry, ballot, written.replaced);
};

/**
 * At a meeting the chair (or staff) records the ballot of a member present, on the same roll and under the same
 * key: a member who voted online (or was recorded already) cannot be recorded again, and one recorded in person
 * cannot vote online after. In the audit trail (which member, never the choice).
 */
export const recordInPersonBallot: Handler<typeof councilApi.recordInPersonBallot> = async ({ params, body }, { principal, now, sourceIp }) => {
  const ctx = await readMotion(principal, params.id, now);
  requireChairOrStaff(ctx);
  const m = ctx.motion;
  requireVoting(m, ctx.phase);
  const entry = m.roll?.find((r) => r.seatId === body.seatId);
  if (!entry) throw seatNotOnRoll();
  if (!isValidChoice(m.settings!.options, body.choice)) throw unknownOption();
  const ballot = await ballotFor(m, entry, body.choice, 'in-person', now.toISOString(), principal.name);
  if (!(await putBallot(principal.communityId, m.id, ballot, false))) {
    const existing = await getBallot(principal.communityId, m.id, ballot.voterKey);
    if (existing?.sealed) throw votingClosed();
    throw memberAlreadyVoted();
  }
  await recordAudit({ action: 'motion-in-person-ballot', actor: principal, at: now, sourceIp, target: { kind: 'motion', id: m.id }, change: `seat ${entry.seatId}` });
  return receipt(m, entry, ballot, false);
};
