import type { Outcome } from '../../../shared/api/council';
import { decide, decisionText, OUTCOME_LABELS, passRuleText, tally, type Tally, type VoteOption } from '../../../shared/council/outcome';
import { seatedOn } from '../../../shared/council/seats';
import { effectiveClose, phaseOf } from '../../../shared/council/status';
import { chinaDate } from '../feedback/china-time';
import { voterKey } from './ballot-key';
import { getCouncil, getMotion, sealBallot, setRoll, storeOutcome, type BallotItem, type MotionItem, type RollItem } from './store';

/**
 * The roll and the outcome: what happens to a motion without anyone acting, done by whoever comes first (a read,
 * a ballot, or a scheduled job), each written once with a condition so racers agree on one result.
 */

/** How many ballot keys are sealed at once at close. */
const SEAL_CONCURRENCY = 16;

/**
 * Fixes the roll once voting has opened: the members seated by then and in term on the day it opened, from the
 * council's seats as they are when first asked (by a ballot, a read or a job). Written once (conditional);
 * whoever loses the race reads the winner's. Someone seated after voting opened votes from the next motion.
 */
export const ensureRoll = async (m: MotionItem, now: Date): Promise<MotionItem> => {
  if (m.roll || m.status !== 'scheduled' || !m.times || now.toISOString() < m.times.votingOpensAt) return m;
  const council = await getCouncil(m.communityId, m.councilId);
  if (!council) throw new Error('a motion points at a council that does not exist');
  const opens = m.times.votingOpensAt;
  const seated = council.seats.filter((s) => s.seatedAt <= opens);
  const roll: RollItem[] = seatedOn(council.parties, seated, chinaDate(opens)).map((s) => ({
    seatId: s.id,
    ...(s.userId ? { userId: s.userId } : {}),
    name: s.name,
    party: s.party,
    role: s.role,
  }));
  return (await setRoll(m, roll)) ?? (await getMotion(m.communityId, m.id)) ?? m;
};

/** The voter key of each member on the roll, in roll order. */
export const rollKeys = async (m: MotionItem): Promise<string[]> =>
  Promise.all((m.roll ?? []).map((r) => voterKey(m.communityId, m.id, r.seatId, m.settings?.secret ?? false)));

const mapLimit = async <T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

/** A count as answers show it: every option with its votes, abstentions and who did not vote. */
export const tallyView = (options: readonly VoteOption[], t: Tally) => ({
  rollSize: t.rollSize,
  cast: t.cast,
  abstain: t.abstain,
  notVoted: t.rollSize - t.cast,
  options: options.map((o) => ({ id: o.id, label: o.label, votes: t.byOption[o.id] ?? 0 })),
});

/** The outcome of a count under the motion's rules, as it is stored. */
export const outcomeOf = (m: MotionItem, t: Tally, decidedAt: string): Outcome => {
  const s = m.settings!;
  const d = decide(s.optionKind, t, s.passRule, s.quorumPercent);
  const chosen = d.chosen ? s.options.find((o) => o.id === d.chosen) : undefined;
  return {
    result: d.result,
    resultLabel: OUTCOME_LABELS[d.result],
    ...(chosen ? { chosen: { id: chosen.id, label: chosen.label } } : {}),
    tie: d.tie,
    counts: tallyView(s.options, t),
    rule: {
      passRule: s.passRule,
      passRuleText: passRuleText(s.optionKind, s.passRule),
      quorumPercent: s.quorumPercent,
      quorumRequired: d.quorumRequired,
      quorumMet: d.quorumMet,
      forOrAgainst: d.forOrAgainst,
      votesNeeded: d.votesNeeded,
    },
    text: decisionText(s.optionKind, s.options, t, d, s.passRule),
    decidedAt,
    closed: m.closedEarlyAt && m.times && m.closedEarlyAt < m.times.votingClosesAt ? 'early' : 'on-schedule',
  };
};

/** The choices of ballots (seals without a choice are members who did not vote). */
export const choicesOf = (ballots: readonly BallotItem[]): string[] => ballots.flatMap((b) => (b.choice ? [b.choice] : []));

/**
 * Counts a motion whose voting has ended and stores its outcome, once. First every member's ballot key on the roll
 * is sealed, each with one write that returns what it then holds: after that no ballot can be cast or changed
 * under it (a ballot racing the close is refused), so the count is of final ballots, each member once. Racing
 * deciders seal the same keys and count the same ballots; the first to store wins (conditional), the others read it.
 */
export const decideMotion = async (motion: MotionItem, now: Date): Promise<MotionItem> => {
  const m = await ensureRoll(motion, now);
  if (m.status !== 'scheduled' || !m.settings || !m.times) return m;
  const sealed = await mapLimit(await rollKeys(m), SEAL_CONCURRENCY, (key) => sealBallot(m.communityId, m.id, key));
  const decidedAt = effectiveClose(m.times, m.closedEarlyAt);
  const outcome = outcomeOf(m, tally(m.settings.options, m.roll?.length ?? 0, choicesOf(sealed)), decidedAt);
  const entry = { at: now.toISOString(), act: 'decide' as const, byName: '系统', note: `${outcome.resultLabel}：${outcome.text}` };
  return (await storeOutcome(m, outcome, entry)) ?? (await getMotion(m.communityId, m.id)) ?? m;
};

/** Decides the motion if its voting has ended and no outcome is stored yet; otherwise returns it as it is. */
export const decideIfDue = async (m: MotionItem, now: Date): Promise<MotionItem> =>
  phaseOf(m, now.toISOString()) === 'counting' ? decideMotion(m, now) : m;
