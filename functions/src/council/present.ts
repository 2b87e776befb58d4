import type { Council, CouncilSeat, CouncilSummary, Motion, MotionSummary } from '../../../shared/api/council';
import { ABSTAIN, ABSTAIN_LABEL, choiceLabel, passRuleText, tally } from '../../../shared/council/outcome';
import { inTerm, seatedOn } from '../../../shared/council/seats';
import { actAllowedFor, actAllowedIn, MOTION_PHASE_LABELS, phaseOf, type MotionAct } from '../../../shared/council/status';
import { isStaff } from '../../../shared/roles';
import { chinaDate } from '../feedback/china-time';
import type { Principal } from '../http/auth';
import type { MotionContext } from './access';
import { seatToday } from './access';
import { choicesOf, rollKeys, tallyView } from './outcome';
import { readBallots, type BallotItem, type CouncilItem, type MotionItem, type SeatItem } from './store';

// ---------------------------------------------------------------------------------------------------------------
// Councils

const seatView = (s: SeatItem, today: string, committee: boolean): CouncilSeat => ({
  id: s.id,
  party: s.party,
  name: s.name,
  role: s.role,
  termStart: s.termStart,
  termEnd: s.termEnd,
  inTerm: inTerm(s, today),
  hasAccount: Boolean(s.userId),
  ...(committee && s.claimCode ? { claimCode: s.claimCode } : {}),
});

const partiesView = (c: CouncilItem, today: string) =>
  c.parties.map((p) => ({ name: p.name, seats: p.seats, seated: c.seats.filter((s) => s.party === p.name && inTerm(s, today)).length }));

const mySeatOf = (c: CouncilItem, principal: Principal, now: Date) => {
  const seat = seatToday(c, principal, now);
  return seat ? { mySeat: { id: seat.id, party: seat.party, role: seat.role } } : {};
};

/**
 * A council's page. Who sits for which party is public in the community (the seats in term today); the committee
 * also sees past and future seats and the codes not yet claimed.
 */
export const presentCouncil = (c: CouncilItem, principal: Principal, now: Date): Council => {
  const today = chinaDate(now);
  const committee = isStaff(principal.roles);
  const shown = committee
    ? [...seatedOn(c.parties, c.seats, today), ...c.seats.filter((s) => !inTerm(s, today)).sort((a, b) => a.termStart.localeCompare(b.termStart))]
    : seatedOn(c.parties, c.seats, today);
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    parties: partiesView(c, today),
    members: shown.map((s) => seatView(s, today, committee)),
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    viewer: committee ? 'committee' : seatToday(c, principal, now) ? 'member' : 'resident',
    ...mySeatOf(c, principal, now),
  };
};

export const councilSummary = (c: CouncilItem, principal: Principal, now: Date): CouncilSummary => {
  const today = chinaDate(now);
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    parties: partiesView(c, today),
    memberCount: c.seats.filter((s) => inTerm(s, today)).length,
    createdAt: c.createdAt,
    ...mySeatOf(c, principal, now),
  };
};

/** The seats a person holds, as their own list shows them. */
export const mySeatsView = (councils: readonly CouncilItem[], principal: Principal, now: Date) => {
  const today = chinaDate(now);
  return councils.flatMap((c) =>
    c.seats.filter((s) => s.userId === principal.userId).map((s) => ({ council: { id: c.id, name: c.name }, seat: seatView(s, today, false) })),
  );
};

// ---------------------------------------------------------------------------------------------------------------
// Motions

export const motionSummary = (m: Pick<MotionItem, 'id' | 'councilId' | 'title' | 'status' | 'feedback' | 'times' | 'closedEarlyAt' | 'outcome' | 'createdAt'>, now: Date, voted?: boolean): MotionSummary => {
  const phase = phaseOf(m, now.toISOString());
  return {
    id: m.id,
    councilId: m.councilId,
    title: m.title,
    status: m.status,
    phase,
    phaseLabel: MOTION_PHASE_LABELS[phase],
    ...(m.feedback ? { feedbackId: m.feedback.id } : {}),
    ...(m.times ? { votingOpensAt: m.times.votingOpensAt, votingClosesAt: m.times.votingClosesAt } : {}),
    ...(m.outcome ? { result: m.outcome.result } : {}),
    createdAt: m.createdAt,
    ...(voted !== undefined ? { myBallot: { voted } } : {}),
  };
};

const settingsView = (m: MotionItem) => {
  const s = m.settings!;
  return {
    optionKind: s.optionKind,
    options: [...s.options, { id: ABSTAIN, label: ABSTAIN_LABEL }],
    quorumPercent: s.quorumPercent,
    passRule: s.passRule,
    passRuleText: passRuleText(s.optionKind, s.passRule),
    secret: s.secret,
    resultsHiddenUntilClose: s.resultsHiddenUntilClose,
    allowBallotChange: s.allowBallotChange,
  };
};

/**
 * A motion as the caller may see it. Reads its ballots once voting has opened, to mark who has voted (never what,
 * on a secret ballot: a secret ballot's key is a keyed hash, matched here only to say "voted"). Counts show while
 * voting only to members and staff and only if the chair did not hide them; once decided the stored outcome
 * speaks, to everyone. Who voted what is shown for open ballots once decided.
 */
export const presentMotion = async (ctx: MotionContext, principal: Principal, now: Date): Promise<Motion> => {
  const { motion: m, council, actors, phase } = ctx;
  const insider = actors.some((a) => a !== 'proposer') || Boolean(m.roll?.some((r) => r.userId === principal.userId));
  const roll = m.roll ?? [];
  const keys = m.roll ? await rollKeys(m) : [];
  const byKey = new Map<string, BallotItem>((m.roll ? await readBallots(m.communityId, m.id) : []).map((b) => [b.voterKey, b]));
  const ballots = keys.map((k) => byKey.get(k));
  const voted = ballots.map((b) => Boolean(b?.choice));
  const votedCount = voted.filter(Boolean).length;
  const mine = roll.findIndex((r) => r.userId === principal.userId);
  const myBallot = mine >= 0 ? ballots[mine] : undefined;
  const canChange = phase === 'voting' && Boolean(m.settings?.allowBallotChange) && myBallot?.via === 'online';
  const allowed = (act: MotionAct) => actAllowedIn(act, phase) && actAllowedFor(act, actors);
  const viewer = actors.includes('committee') ? 'committee' : actors.includes('chair') ? 'chair' : insider ? 'member' : 'resident';

  const live =
    phase === 'voting' && m.settings && !m.settings.resultsHiddenUntilClose && insider
      ? tallyView(m.settings.options, tally(m.settings.options, roll.length, choicesOf(ballots.filter((b): b is BallotItem => Boolean(b)))))
      : undefined;
  const votes =
    m.outcome && m.settings && !m.settings.secret
      ? roll.flatMap((r, i) => {
          const b = ballots[i];
          return b?.choice ? [{ name: r.name, party: r.party, choice: b.choice, choiceLabel: choiceLabel(m.settings!.options, b.choice), via: b.via ?? 'online' }] : [];
        })
      : undefined;

  return {
    id: m.id,
    council: { id: council.id, name: council.name },
    title: m.title,
    background: m.background,
    proposedDecision: m.proposedDecision,
    ...(m.feedback ? { feedback: m.feedback } : {}),
    proposedBy: { kind: m.proposedBy.kind, name: m.proposedBy.name },
    status: m.status,
    phase,
    phaseLabel: MOTION_PHASE_LABELS[phase],
    version: m.version,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    ...(m.times ? { schedule: { ...m.times, ...(m.closedEarlyAt ? { closedEarlyAt: m.closedEarlyAt } : {}) } } : {}),
    ...(m.settings ? { settings: settingsView(m) } : {}),
    ...(m.roll
      ? {
          roll: {
            size: roll.length,
            voted: votedCount,
            ...(insider
              ? {
                  entries: roll.map((r, i) => ({
                    seatId: r.seatId,
                    name: r.name,
                    party: r.party,
                    role: r.role,
                    hasAccount: Boolean(r.userId),
                    voted: voted[i]!,
                    ...(voted[i] ? { via: ballots[i]!.via ?? 'online' } : {}),
                  })),
                }
              : {}),
          },
        }
      : {}),
    ...(m.outcome ? { tally: m.outcome.counts, outcome: m.outcome } : live ? { tally: live } : {}),
    ...(votes ? { votes } : {}),
    ...(insider && m.roll
      ? {
          myBallot: {
            onRoll: mine >= 0,
            voted: Boolean(myBallot?.choice),
            ...(myBallot?.choice ? { via: myBallot.via ?? 'online' } : {}),
            ...(myBallot?.choice && !m.settings?.secret ? { choice: myBallot.choice } : {}),
            canChange,
          },
        }
      : {}),
    commentCount: m.commentCount ?? 0,
    history: m.history,
    viewer,
    can: {
      schedule: allowed('schedule'),
      withdraw: allowed('withdraw'),
      comment: allowed('comment'),
      vote: phase === 'voting' && mine >= 0 && (!myBallot?.choice || canChange),
      recordInPerson: allowed('record-in-person') && votedCount < roll.length,
      closeEarly: allowed('close-early') && roll.length > 0 && votedCount === roll.length,
    },
  };
};

/** The caller's seats of a council by id: the candidates for their ballot key on a motion's roll. */
export const seatIdsOf = (c: CouncilItem, userId: string): string[] => c.seats.filter((s) => s.userId === userId).map((s) => s.id);
