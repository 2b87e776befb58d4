/**
 * How a motion is decided: its options, the count of its ballots, the quorum and the pass rule. Pure and in
 * integers (no shares as floating point), so the server that stores an outcome and a page that explains it agree.
 *
 * How ballots count:
 *  - The **roll** is the members in term on the day voting opened; it does not change during the window.
 *  - **Quorum**: at least `quorumPercent` % of the roll (rounded up, and never fewer than one) must cast a ballot.
 *    Every ballot counts towards it, abstentions (弃权) included: an abstaining member took part.
 *  - **Simple majority** (过半数): more than half of the votes cast *for or against* (for a choice: for an option).
 *    Abstentions count neither way.
 *  - **Two-thirds** (三分之二多数): at least two thirds of the votes cast for or against. Abstentions count neither
 *    way.
 *  - **Majority of all seats** (全体成员过半数): more than half of the roll votes for. An abstention, like a member
 *    who did not vote, is not a vote for: it works as a vote against.
 *  - **Ties**: a yes–no motion with as many for as against does not pass (it needs more for than against). In a
 *    choice, the leading option must lead alone: two options sharing the most votes choose neither.
 *  - Without quorum nothing is decided (`no-quorum`), whatever the votes say.
 */

export const OPTION_KINDS = ['yes-no', 'choice'] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

/** Every ballot may abstain, whatever the options. */
export const ABSTAIN = 'abstain';
export const ABSTAIN_LABEL = '弃权';

export interface VoteOption {
  id: string;
  label: string;
}

/** 同意/反对 (and 弃权), the default. */
export const YES_NO_OPTIONS: readonly VoteOption[] = [
  { id: 'yes', label: '同意' },
  { id: 'no', label: '反对' },
];

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;

/** The options a motion offers: yes/no, or the chair's labels as `o1`, `o2`, … in their order. */
export const optionsOf = (kind: OptionKind, labels: readonly string[] = []): VoteOption[] =>
  kind === 'yes-no' ? YES_NO_OPTIONS.map((o) => ({ ...o })) : labels.map((label, i) => ({ id: `o${i + 1}`, label }));

/** What a ballot may say: one of the options, or abstain. */
export const isValidChoice = (options: readonly VoteOption[], choice: string): boolean =>
  choice === ABSTAIN || options.some((o) => o.id === choice);

export const choiceLabel = (options: readonly VoteOption[], choice: string): string =>
  choice === ABSTAIN ? ABSTAIN_LABEL : (options.find((o) => o.id === choice)?.label ?? choice);

export const PASS_RULES = ['simple-majority', 'two-thirds', 'majority-of-seats'] as const;
export type PassRule = (typeof PASS_RULES)[number];

export const PASS_RULE_LABELS: Record<PassRule, string> = {
  'simple-majority': '过半数（赞成票多于投票中赞成与反对之和的一半，弃权不计）',
  'two-thirds': '三分之二多数（赞成票不少于赞成与反对之和的三分之二，弃权不计）',
  'majority-of-seats': '全体成员过半数（赞成票超过应投票成员的一半，弃权等同未赞成）',
};

const CHOICE_RULE_LABELS: Record<PassRule, string> = {
  'simple-majority': '过半数（得票最多的选项超过投给各选项票数之和的一半，弃权不计）',
  'two-thirds': '三分之二多数（得票最多的选项不少于投给各选项票数之和的三分之二，弃权不计）',
  'majority-of-seats': '全体成员过半数（得票最多的选项超过应投票成员的一半，弃权等同未投该选项）',
};

/** The pass rule in words, with how abstentions count, for a yes–no motion or a choice. */
export const passRuleText = (kind: OptionKind, rule: PassRule): string => (kind === 'choice' ? CHOICE_RULE_LABELS : PASS_RULE_LABELS)[rule];

/** The count of a motion's ballots. */
export interface Tally {
  /** Members on the roll. */
  rollSize: number;
  /** Ballots cast, abstentions included. */
  cast: number;
  abstain: number;
  /** Votes per option, every option present (0 when none). */
  byOption: Record<string, number>;
}

/**
 * Counts ballots: one choice per ballot (the store keeps one ballot per member, so a member is counted once).
 * A choice that names no option is not counted (it cannot be stored; this keeps the count total).
 */
export const tally = (options: readonly VoteOption[], rollSize: number, choices: readonly string[]): Tally => {
  const byOption: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
  let abstain = 0;
  let cast = 0;
  for (const c of choices) {
    if (c === ABSTAIN) abstain++;
    else if (c in byOption) byOption[c]!++;
    else continue;
    cast++;
  }
  return { rollSize, cast, abstain, byOption };
};

/** Ballots needed for quorum: `quorumPercent` % of the roll, rounded up, at least one. */
export const quorumRequired = (rollSize: number, quorumPercent: number): number => Math.max(1, Math.ceil((rollSize * quorumPercent) / 100));

export const quorumMet = (t: Pick<Tally, 'rollSize' | 'cast'>, quorumPercent: number): boolean => t.cast >= quorumRequired(t.rollSize, quorumPercent);

/** Votes for an option (or for `yes`) that the rule needs, given the votes cast for or against and the roll. */
export const votesNeeded = (rule: PassRule, forOrAgainst: number, rollSize: number): number => {
  switch (rule) {
    case 'simple-majority':
      return Math.floor(forOrAgainst / 2) + 1;
    case 'two-thirds':
      return Math.max(1, Math.ceil((2 * forOrAgainst) / 3));
    case 'majority-of-seats':
      return Math.floor(rollSize / 2) + 1;
  }
};

export type OutcomeResult = 'passed' | 'rejected' | 'no-quorum';

export const OUTCOME_LABELS: Record<OutcomeResult, string> = {
  passed: '通过',
  rejected: '未通过',
  'no-quorum': '未达法定人数',
};

export interface Decision {
  result: OutcomeResult;
  /** For a choice that passed: the option chosen. */
  chosen?: string;
  /** The leading option (or for and against) shared the most votes. */
  tie: boolean;
  quorumRequired: number;
  quorumMet: boolean;
  /** Votes cast for or against (for an option): the base of the two majorities of votes cast. */
  forOrAgainst: number;
  /** Votes for the leading option (yes–no: for) the rule needed. */
  votesNeeded: number;
  /** The option the rule was applied to (`yes` for a yes–no motion; the leader of a choice). */
  leading?: string;
}

/** Applies quorum and pass rule to a count. */
export const decide = (kind: OptionKind, t: Tally, rule: PassRule, quorumPercent: number): Decision => {
  const forOrAgainst = Object.values(t.byOption).reduce((a, b) => a + b, 0);
  const needed = votesNeeded(rule, forOrAgainst, t.rollSize);
  const base = { quorumRequired: quorumRequired(t.rollSize, quorumPercent), quorumMet: quorumMet(t, quorumPercent), forOrAgainst, votesNeeded: needed };
  let leading: string | undefined;
  let tie: boolean;
  if (kind === 'yes-no') {
    leading = 'yes';
    const yes = t.byOption.yes ?? 0;
    tie = yes > 0 && yes === (t.byOption.no ?? 0);
  } else {
    const most = Math.max(0, ...Object.values(t.byOption));
    const leaders = Object.keys(t.byOption).filter((id) => t.byOption[id] === most);
    tie = most > 0 && leaders.length > 1;
    leading = most > 0 && !tie ? leaders[0] : undefined;
  }
  if (!base.quorumMet) return { result: 'no-quorum', tie, ...base, ...(leading ? { leading } : {}) };
  const votes = leading ? (t.byOption[leading] ?? 0) : 0;
  const passes = !tie && votes > 0 && votes >= needed;
  return {
    result: passes ? 'passed' : 'rejected',
    ...(passes && kind === 'choice' ? { chosen: leading } : {}),
    tie,
    ...base,
    ...(leading ? { leading } : {}),
  };
};

/** The decision in a sentence, as the outcome shows it. */
export const decisionText = (kind: OptionKind, options: readonly VoteOption[], t: Tally, d: Decision, rule: PassRule): string => {
  if (d.result === 'no-quorum') return `应投票 ${t.rollSize} 人，实投 ${t.cast} 人，未达到法定人数 ${d.quorumRequired} 人，本次表决无效`;
  const votes = d.leading ? (t.byOption[d.leading] ?? 0) : 0;
  const basis = rule === 'majority-of-seats' ? `应投票 ${t.rollSize} 人` : `赞成与反对共 ${d.forOrAgainst} 票`;
  if (kind === 'yes-no') {
    if (d.tie) return `赞成与反对各 ${votes} 票，票数相同，未通过`;
    return `赞成 ${votes} 票，${basis}，需 ${d.votesNeeded} 票，${d.result === 'passed' ? '通过' : '未通过'}`;
  }
  if (d.tie) return '得票最多的选项票数相同，未能选定';
  if (!d.leading) return '没有选项得票，未能选定';
  const label = choiceLabel(options, d.leading);
  return `“${label}”得 ${votes} 票，${basis}，需 ${d.votesNeeded} 票，${d.result === 'passed' ? `选定“${label}”` : '未能选定'}`;
};
