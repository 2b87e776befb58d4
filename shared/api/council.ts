import * as z from 'zod';
import { MAX_CHOICES, MIN_CHOICES, OPTION_KINDS, PASS_RULES } from '../council/outcome';
import { SEAT_ROLES } from '../council/seats';
import { MOTION_ACTS, MOTION_PHASES, MOTION_STATUSES } from '../council/status';
import { ROLES, STAFF_ROLES, type Role } from '../roles';
import { endpoint } from './endpoint';
import { ChinaDate, IsoDateTime, PageQuery, optionalText, page, text, uuidLike } from './common';
import { FeedbackId, FeedbackIdParams } from './ids';

/**
 * The council (议事会): councils with seats by party, motions (议题) proposed by members or made by the committee
 * from a resident's feedback, discussion, ballots (one per member on the roll, secret if the chair says so), and
 * outcomes counted from the ballots at close, which every signed-in resident of the community can read.
 *
 * Who is who is decided per council: a *member* holds a seat in term today; the *chair* (召集人) is the member
 * seated as chair; the committee (staff) runs every council. The route table lets the roles in; the use cases
 * decide which council is whose (403 with the reason, 404 for what the caller may not see).
 */

/** Who may hold a seat: residents (red stewards are residents too) and the committee's staff (两委). */
export const COUNCIL_MEMBER_ROLES = ['resident', 'steward', 'committee'] as const satisfies readonly Role[];
/** Acts of a chair or of staff: every role passes the route table; the use case checks the seat. */
export const CHAIR_OR_STAFF_ROLES = ROLES;

export const CouncilId = uuidLike('议事会编号无效');
export const MotionId = uuidLike('议题编号无效');
export const SeatId = uuidLike('席位编号无效');
/** A person's account id (as identity makes them). */
export const UserId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '人员编号无效');
/** 8 letters and digits without look-alikes (0/O, 1/I), as teams' invite codes; lower case counts too. */
export const SeatClaimCode = z.string().trim().toUpperCase().regex(/^[A-HJ-NP-Z2-9]{8}$/, '席位认领码为 8 位字母或数字');
/** An option's id as ballots name it: `yes`, `no`, `abstain`, or a choice `o1` … `o10`. */
export const ChoiceId = z.string({ error: '请选择' }).regex(/^(yes|no|abstain|o([1-9]|10))$/, '选项无效');
export const SeatRoleEnum = z.enum(SEAT_ROLES, { error: '请选择席位角色' });
export const PassRuleEnum = z.enum(PASS_RULES, { error: '请选择通过规则' });
export const MotionPhaseEnum = z.enum(MOTION_PHASES, { error: '阶段无效' });
const Version = z.number({ error: '缺少版本号' }).int().min(1);

export const CouncilIdParams = z.object({ id: CouncilId });
export const MotionIdParams = z.object({ id: MotionId });

// refinements run on whatever the fields hold, even where their own checks failed: each must be total
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isoMs = (v: unknown): number | undefined => {
  const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
};
const distinct = (values: unknown[]): boolean => {
  const texts = values.map(str).filter((s): s is string => s !== undefined);
  return new Set(texts).size === texts.length;
};

// ---------------------------------------------------------------------------------------------------------------
// Councils and seats

export const PartyBody = z.object({
  name: text(20, '界别名称'),
  seats: z.number({ error: '请填写席位数' }).int().min(1, '每个界别至少 1 个席位').max(200, '每个界别最多 200 个席位'),
});

const councilFields = {
  name: text(40, '议事会名称'),
  purpose: text(500, '议事会宗旨', { multiline: true }),
  /** Its parties (界别) in the order the council page shows them, each with its number of seats. */
  parties: z
    .array(PartyBody)
    .min(1, '请至少设一个界别')
    .max(12, '最多 12 个界别')
    .refine((ps) => distinct(ps.map((p) => (p as { name?: unknown } | null)?.name)), '界别名称不能重复'),
};
export const CouncilBody = z.object(councilFields);
export type CouncilBody = z.input<typeof CouncilBody>;
export const UpdateCouncilBody = z.object({ ...councilFields, version: Version });

const termOrdered = {
  check: (b: { termStart?: unknown; termEnd?: unknown }) => !str(b.termStart) || !str(b.termEnd) || str(b.termStart)! <= str(b.termEnd)!,
  issue: { path: ['termEnd'], message: '任期结束日不能早于开始日' },
};

export const SeatBody = z
  .object({
    party: text(20, '界别'),
    name: text(20, '姓名'),
    role: SeatRoleEnum,
    termStart: ChinaDate,
    termEnd: ChinaDate,
    /**
     * The person's account, when the committee knows it (e.g. a red steward from the stewards list). Without it,
     * the seat gets a code that its holder enters in the mini-program to link their account (`claimCouncilSeat`);
     * until then they vote in person only.
     */
    userId: UserId.optional(),
  })
  .refine(termOrdered.check, termOrdered.issue);
export type SeatBody = z.input<typeof SeatBody>;

/** A change of a seat's role or term; ending a term early is how someone leaves the council. */
export const ChangeSeatBody = z
  .object({ seatId: SeatId, role: SeatRoleEnum, termStart: ChinaDate, termEnd: ChinaDate })
  .refine(termOrdered.check, termOrdered.issue);
export type ChangeSeatBody = z.input<typeof ChangeSeatBody>;

export const ClaimSeatBody = z.object({ code: SeatClaimCode });

export const CouncilSeat = z.object({
  id: SeatId,
  party: z.string(),
  name: z.string(),
  role: SeatRoleEnum,
  termStart: z.string(),
  termEnd: z.string(),
  /** In term today (China date). */
  inTerm: z.boolean(),
  /** Linked to an account: may vote in the mini-program (otherwise in person only). */
  hasAccount: z.boolean(),
  /** The code that links the seat to its holder's account, until it is used (the committee only). */
  claimCode: z.string().optional(),
});
export type CouncilSeat = z.infer<typeof CouncilSeat>;

const PartyView = z.object({ name: z.string(), seats: z.number().int(), seated: z.number().int() });
const MySeat = z.object({ id: SeatId, party: z.string(), role: SeatRoleEnum });

export const Council = z.object({
  id: CouncilId,
  name: z.string(),
  purpose: z.string(),
  /** Parties in order, with their seats and how many sit today. */
  parties: z.array(PartyView),
  /** Who sits for which party: the seats in term today; for the committee every seat (past and future too). */
  members: z.array(CouncilSeat),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How the caller sees it: the committee, a member (seated in term today), or a resident. */
  viewer: z.enum(['committee', 'member', 'resident']),
  /** The caller's seat in term today. */
  mySeat: MySeat.optional(),
});
export type Council = z.infer<typeof Council>;

export const CouncilSummary = z.object({
  id: CouncilId,
  name: z.string(),
  purpose: z.string(),
  parties: z.array(PartyView),
  memberCount: z.number().int(),
  createdAt: z.string(),
  mySeat: MySeat.optional(),
});
export type CouncilSummary = z.infer<typeof CouncilSummary>;

export const MySeatEntry = z.object({ council: z.object({ id: CouncilId, name: z.string() }), seat: CouncilSeat });

// ---------------------------------------------------------------------------------------------------------------
// Motions

const motionFields = {
  title: text(40, '议题名称'),
  background: text(2000, '背景情况', { multiline: true }),
  /** What the council is asked to decide, in a sentence or a few. */
  proposedDecision: text(1000, '建议决定', { multiline: true }),
};
export const MotionBody = z.object(motionFields);
export type MotionBody = z.input<typeof MotionBody>;

/** The committee turns a resident's feedback into a motion: the feedback's title unless another is given. */
export const FeedbackMotionBody = z.object({
  feedbackId: FeedbackId,
  title: optionalText(40, '议题名称'),
  background: optionalText(2000, '背景情况', { multiline: true }),
  proposedDecision: motionFields.proposedDecision,
});
export type FeedbackMotionBody = z.input<typeof FeedbackMotionBody>;

export const VoteOptionsBody = z.discriminatedUnion(
  'kind',
  [
    /** 同意 / 反对 / 弃权. */
    z.object({ kind: z.literal('yes-no') }),
    /** One among the chair's options (and 弃权). */
    z.object({
      kind: z.literal('choice'),
      labels: z
        .array(text(30, '选项'))
        .min(MIN_CHOICES, `请至少填写 ${MIN_CHOICES} 个选项`)
        .max(MAX_CHOICES, `最多 ${MAX_CHOICES} 个选项`)
        .refine(distinct, '选项不能重复'),
    }),
  ],
  { error: '请选择表决方式' },
);

const timesOrdered = (b: { discussionStartsAt?: unknown; votingOpensAt?: unknown; votingClosesAt?: unknown }) => {
  const [start, opens, closes] = [isoMs(b.discussionStartsAt), isoMs(b.votingOpensAt), isoMs(b.votingClosesAt)];
  return { discussion: start === undefined || opens === undefined || start <= opens, window: opens === undefined || closes === undefined || opens < closes };
};

/**
 * The chair's schedule and voting rules. Discussion runs from `discussionStartsAt` (now, unless said) until voting
 * opens; voting from `votingOpensAt` until `votingClosesAt` (at least 10 minutes, at most 30 days). Changeable
 * until voting opens, with the version read.
 */
export const ScheduleBody = z
  .object({
    discussionStartsAt: IsoDateTime.optional(),
    votingOpensAt: IsoDateTime,
    votingClosesAt: IsoDateTime,
    options: VoteOptionsBody.default({ kind: 'yes-no' }),
    /** Share of the roll (%) that must cast a ballot, abstentions included; rounded up. */
    quorumPercent: z.number({ error: '请填写法定人数比例' }).int().min(1, '法定人数比例为 1–100').max(100, '法定人数比例为 1–100').default(50),
    passRule: PassRuleEnum.default('simple-majority'),
    /** Secret ballot: nobody, staff included, can read how a member voted. */
    secret: z.boolean().default(false),
    /** Counts are shown only after close (otherwise members and staff see them as ballots come in). */
    resultsHiddenUntilClose: z.boolean().default(true),
    /** A member may change their ballot until close (a ballot recorded in person cannot be changed). */
    allowBallotChange: z.boolean().default(false),
    version: Version,
  })
  .refine((b) => timesOrdered(b).discussion, { path: ['discussionStartsAt'], message: '讨论须在投票开始前开始' })
  .refine((b) => timesOrdered(b).window, { path: ['votingClosesAt'], message: '投票结束时间须晚于开始时间' });
export type ScheduleBody = z.input<typeof ScheduleBody>;

export const WithdrawMotionBody = z.object({ version: Version, reason: optionalText(300, '撤回理由', { multiline: true }) });

export const CommentBody = z.object({ text: text(500, '发言内容', { multiline: true }) });
export const BallotBody = z.object({ choice: ChoiceId });
export const InPersonBallotBody = z.object({ seatId: SeatId, choice: ChoiceId });

export const MotionListQuery = PageQuery.extend({ phase: MotionPhaseEnum.optional() });

const VoteOptionView = z.object({ id: z.string(), label: z.string() });

export const MotionSettings = z.object({
  optionKind: z.enum(OPTION_KINDS),
  /** What a ballot may choose, `abstain` (弃权) last. */
  options: z.array(VoteOptionView),
  quorumPercent: z.number().int(),
  passRule: PassRuleEnum,
  /** The pass rule in words, with how abstentions count. */
  passRuleText: z.string(),
  secret: z.boolean(),
  resultsHiddenUntilClose: z.boolean(),
  allowBallotChange: z.boolean(),
});

export const MotionSchedule = z.object({
  discussionStartsAt: z.string(),
  votingOpensAt: z.string(),
  votingClosesAt: z.string(),
  /** The chair closed voting before `votingClosesAt` (every member on the roll had voted). */
  closedEarlyAt: z.string().optional(),
});

export const TallyView = z.object({
  rollSize: z.number().int(),
  cast: z.number().int(),
  abstain: z.number().int(),
  notVoted: z.number().int(),
  options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number().int() })),
});
export type TallyView = z.infer<typeof TallyView>;

/** The outcome, stored once at close: the counts, and the rule that decided it. */
export const Outcome = z.object({
  result: z.enum(['passed', 'rejected', 'no-quorum']),
  resultLabel: z.string(),
  /** A choice that passed: the option chosen. */
  chosen: VoteOptionView.optional(),
  tie: z.boolean(),
  counts: TallyView,
  rule: z.object({
    passRule: PassRuleEnum,
    passRuleText: z.string(),
    quorumPercent: z.number().int(),
    quorumRequired: z.number().int(),
    quorumMet: z.boolean(),
    /** Votes cast for or against (for an option): the base of the majorities of votes cast. */
    forOrAgainst: z.number().int(),
    votesNeeded: z.number().int(),
  }),
  /** The decision in a sentence. */
  text: z.string(),
  decidedAt: z.string(),
  /** Closed at the scheduled time, or early by the chair once every member had voted. */
  closed: z.enum(['on-schedule', 'early']),
});
export type Outcome = z.infer<typeof Outcome>;

export const RollEntry = z.object({
  seatId: SeatId,
  name: z.string(),
  party: z.string(),
  role: SeatRoleEnum,
  hasAccount: z.boolean(),
  voted: z.boolean(),
  /** How they voted (online or recorded in person), never what. */
  via: z.enum(['online', 'in-person']).optional(),
});

export const MyBallot = z.object({
  onRoll: z.boolean(),
  voted: z.boolean(),
  via: z.enum(['online', 'in-person']).optional(),
  /** Their choice on an open ballot; a secret ballot's is shown to nobody, its voter included. */
  choice: z.string().optional(),
  canChange: z.boolean(),
});

/** One vote of an open ballot, shown once decided. */
export const OpenVote = z.object({ name: z.string(), party: z.string(), choice: z.string(), choiceLabel: z.string(), via: z.enum(['online', 'in-person']) });

export const MotionHistoryEntry = z.object({
  at: z.string(),
  act: z.enum(['propose', ...MOTION_ACTS]),
  byName: z.string(),
  note: z.string().optional(),
});

export const Motion = z.object({
  id: MotionId,
  council: z.object({ id: CouncilId, name: z.string() }),
  title: z.string(),
  background: z.string(),
  proposedDecision: z.string(),
  /** The resident's feedback it was made from (no reporter data). */
  feedback: z.object({ id: FeedbackId, ref: z.string().optional(), title: z.string() }).optional(),
  proposedBy: z.object({ kind: z.enum(['member', 'committee']), name: z.string() }),
  status: z.enum(MOTION_STATUSES),
  /** Where it stands now (derived from the time on every read). */
  phase: MotionPhaseEnum,
  phaseLabel: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  schedule: MotionSchedule.optional(),
  settings: MotionSettings.optional(),
  /** Who may vote (fixed when voting opens) and who has: members and staff see each entry, others the numbers. */
  roll: z.object({ size: z.number().int(), voted: z.number().int(), entries: z.array(RollEntry).optional() }).optional(),
  /** Counts while voting (members and staff, unless hidden until close), and once decided (everyone). */
  tally: TallyView.optional(),
  outcome: Outcome.optional(),
  /** Who voted what, for an open ballot once decided; never for a secret one. */
  votes: z.array(OpenVote).optional(),
  myBallot: MyBallot.optional(),
  commentCount: z.number().int(),
  history: z.array(MotionHistoryEntry),
  viewer: z.enum(['committee', 'chair', 'member', 'resident']),
  /** What the caller may do now: the pages offer these buttons only. */
  can: z.object({
    schedule: z.boolean(),
    withdraw: z.boolean(),
    comment: z.boolean(),
    vote: z.boolean(),
    recordInPerson: z.boolean(),
    closeEarly: z.boolean(),
  }),
});
export type Motion = z.infer<typeof Motion>;

export const MotionSummary = z.object({
  id: MotionId,
  councilId: CouncilId,
  title: z.string(),
  status: z.enum(MOTION_STATUSES),
  phase: MotionPhaseEnum,
  phaseLabel: z.string(),
  feedbackId: FeedbackId.optional(),
  votingOpensAt: z.string().optional(),
  votingClosesAt: z.string().optional(),
  result: z.enum(['passed', 'rejected', 'no-quorum']).optional(),
  createdAt: z.string(),
  /** For a member on the roll of a motion in voting: whether they have voted. */
  myBallot: z.object({ voted: z.boolean() }).optional(),
});
export type MotionSummary = z.infer<typeof MotionSummary>;

/** A decided motion as residents read it: the decision and its counts (never who voted what on a secret ballot). */
export const DecidedMotion = z.object({
  id: MotionId,
  title: z.string(),
  proposedDecision: z.string(),
  feedbackId: FeedbackId.optional(),
  secret: z.boolean(),
  outcome: Outcome,
});

export const MotionComment = z.object({
  id: z.string(),
  at: z.string(),
  authorName: z.string(),
  /** A member (with their party), the chair, or the committee. */
  authorRole: z.enum(['member', 'chair', 'committee']),
  party: z.string().optional(),
  text: z.string(),
});

export const BallotReceipt = z.object({
  motionId: MotionId,
  voted: z.literal(true),
  via: z.enum(['online', 'in-person']),
  /** It replaced the member's earlier ballot (where the chair allows changes). */
  changed: z.boolean(),
  /** Whose ballot: the member's own, or (recorded in person) the seat's holder. */
  seatId: SeatId,
  name: z.string(),
  /** The choice, on an open ballot only. */
  choice: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------------------

const notFoundCouncil = 'No such council in the caller’s community';
const notFoundMotion = 'No such motion in the caller’s community, or one the caller may not see yet (members and staff see motions before they are decided)';

export const councilApi = {
  // ---- the committee
  createCouncil: endpoint({
    method: 'POST',
    path: '/v1/admin/councils',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: CouncilBody,
    response: Council,
    summary: 'The committee creates a council (name, purpose) with its parties (界别) and their seats; in the audit trail',
  }),
  updateCouncil: endpoint({
    method: 'PUT',
    path: '/v1/admin/councils/{id}',
    access: STAFF_ROLES,
    params: CouncilIdParams,
    body: UpdateCouncilBody,
    response: Council,
    outcomes: {
      404: notFoundCouncil,
      409: 'Changed since it was read (`stale-version`), or the seats no longer fit the parties (`seat-problems`: a party removed while people sit in it, or fewer seats than are taken)',
    },
    summary: 'The committee changes a council’s name, purpose and parties (the whole form, with the version read)',
  }),
  seatCouncilMember: endpoint({
    method: 'POST',
    path: '/v1/admin/councils/{id}/seats',
    access: STAFF_ROLES,
    params: CouncilIdParams,
    idempotent: true,
    successStatus: 201,
    body: SeatBody,
    response: Council,
    outcomes: {
      404: notFoundCouncil,
      409: 'The seat does not fit (`seat-problems`; `errors` says why: the party is full then, a second chair, the same person twice, no such party)',
      422: 'No such person in the community (`unknown-person`)',
    },
    summary: 'The committee seats a person for a party with a term and a role (chair, secretary, member); without an account id the seat gets a code its holder claims',
  }),
  changeCouncilSeat: endpoint({
    method: 'POST',
    path: '/v1/admin/councils/{id}/seat-changes',
    access: STAFF_ROLES,
    params: CouncilIdParams,
    body: ChangeSeatBody,
    response: Council,
    outcomes: { 404: 'No such council, or no such seat in it', 409: 'The change does not fit (`seat-problems`)' },
    summary: 'The committee changes a seat’s role or term (ending a term early is leaving the council); motions already voting keep their roll',
  }),
  proposeMotionFromFeedback: endpoint({
    method: 'POST',
    path: '/v1/admin/councils/{id}/motions',
    access: STAFF_ROLES,
    params: CouncilIdParams,
    idempotent: true,
    successStatus: 201,
    body: FeedbackMotionBody,
    response: Motion,
    outcomes: {
      404: notFoundCouncil,
      409: 'The feedback was made into a motion already (`feedback-has-motion`; `detail` names it)',
      422: 'No such feedback in the community (`unknown-feedback`)',
    },
    summary: 'The committee turns a resident’s feedback into a motion, linked both ways (the feedback shows its motion)',
  }),

  // ---- anyone signed in
  listCouncils: endpoint({
    method: 'GET',
    path: '/v1/councils',
    access: 'signed-in',
    response: z.object({ items: z.array(CouncilSummary) }),
    summary: 'The community’s councils with their parties and how many sit in each',
  }),
  getCouncil: endpoint({
    method: 'GET',
    path: '/v1/councils/{id}',
    access: 'signed-in',
    params: CouncilIdParams,
    response: Council,
    outcomes: { 404: notFoundCouncil },
    summary: 'A council’s page: its purpose and who sits for which party (the committee also sees past and future seats and unclaimed codes)',
  }),
  listCouncilDecisions: endpoint({
    method: 'GET',
    path: '/v1/councils/{id}/decisions',
    access: 'signed-in',
    params: CouncilIdParams,
    query: PageQuery,
    response: page(DecidedMotion),
    outcomes: { 404: notFoundCouncil },
    summary: 'The council’s decided motions, latest first, with outcomes and counts: what every resident may read (no individual votes of secret ballots)',
  }),
  getMotion: endpoint({
    method: 'GET',
    path: '/v1/motions/{id}',
    access: 'signed-in',
    params: MotionIdParams,
    response: Motion,
    outcomes: { 404: notFoundMotion },
    summary: 'A motion: its text, schedule and voting rules, the roll and who has voted, counts (as the rules allow), the outcome once decided, the caller’s own ballot and what they may do',
  }),
  getFeedbackMotion: endpoint({
    method: 'GET',
    path: '/v1/feedback/{id}/motion',
    access: 'signed-in',
    params: FeedbackIdParams,
    response: z.object({ motion: MotionSummary.nullable() }),
    outcomes: { 404: 'No such feedback among the caller’s (its reporter and staff may ask)' },
    summary: 'The motion a feedback was made into, if any: its reporter follows it to the council’s decision',
  }),
  listMyCouncilSeats: endpoint({
    method: 'GET',
    path: '/v1/council-seats/mine',
    access: 'signed-in',
    response: z.object({ items: z.array(MySeatEntry) }),
    summary: 'The seats the caller holds (in term, past or future), with their councils',
  }),

  // ---- members
  claimCouncilSeat: endpoint({
    method: 'POST',
    path: '/v1/council-seats/claims',
    access: COUNCIL_MEMBER_ROLES,
    body: ClaimSeatBody,
    response: Council,
    outcomes: {
      404: 'No seat has this code (mistyped, or claimed already)',
      409: 'The caller holds another seat of this council in an overlapping term (`seat-problems`)',
    },
    summary: 'A person links their account to the seat the committee gave them, with the seat’s code; then they vote in the mini-program',
  }),
  proposeMotion: endpoint({
    method: 'POST',
    path: '/v1/councils/{id}/motions',
    access: COUNCIL_MEMBER_ROLES,
    params: CouncilIdParams,
    idempotent: true,
    successStatus: 201,
    body: MotionBody,
    response: Motion,
    outcomes: { 403: 'The caller holds no seat of this council in term today (`not-a-member`)', 404: notFoundCouncil },
    summary: 'A member proposes a motion (title, background, proposed decision); the chair schedules it',
  }),
  listCouncilMotions: endpoint({
    method: 'GET',
    path: '/v1/councils/{id}/motions',
    access: CHAIR_OR_STAFF_ROLES,
    params: CouncilIdParams,
    query: MotionListQuery,
    response: page(MotionSummary),
    outcomes: { 403: 'Members and staff only (`not-a-member`); residents read `/decisions`', 404: notFoundCouncil },
    summary: 'The council’s motions, newest first (`phase` narrows them: e.g. `voting`), with whether the caller has voted',
  }),
  scheduleMotion: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/schedule',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    body: ScheduleBody,
    response: Motion,
    outcomes: {
      403: 'Only the council’s chair or staff (`not-the-chair`)',
      404: notFoundMotion,
      409: 'Changed since it was read (`stale-version`), or voting has opened, or it was withdrawn or decided (`act-not-allowed`)',
      422: 'The times do not work as of now (`schedule-problems`; `errors` names each: voting starting in the past, a window shorter than 10 minutes or longer than 30 days)',
    },
    summary: 'The chair (or staff) sets the discussion period, the voting window, the options, quorum, pass rule, secrecy, hidden results and ballot changes',
  }),
  withdrawMotion: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/withdrawal',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    body: WithdrawMotionBody,
    response: Motion,
    outcomes: {
      403: 'Only who proposed it, the chair or staff (`not-allowed`)',
      404: notFoundMotion,
      409: 'Changed since it was read (`stale-version`), or voting has opened (`act-not-allowed`)',
    },
    summary: 'Who proposed it, the chair or staff withdraws a motion before voting opens',
  }),
  commentOnMotion: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/comments',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    idempotent: true,
    successStatus: 201,
    body: CommentBody,
    response: MotionComment,
    outcomes: {
      403: 'Members of the council and the committee only (`not-a-member`)',
      404: notFoundMotion,
      409: 'Comments are taken during the discussion period only: before voting opens (`act-not-allowed`)',
    },
    summary: 'A member (or the committee) speaks in the discussion; comments close when voting opens',
  }),
  listMotionComments: endpoint({
    method: 'GET',
    path: '/v1/motions/{id}/comments',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    query: PageQuery,
    response: page(MotionComment),
    outcomes: { 403: 'Members of the council and staff only (`not-a-member`)', 404: notFoundMotion },
    summary: 'The discussion of a motion, oldest first',
  }),
  castBallot: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/ballots',
    access: COUNCIL_MEMBER_ROLES,
    params: MotionIdParams,
    successStatus: 201,
    body: BallotBody,
    response: BallotReceipt,
    outcomes: {
      403: 'Not a member of this motion’s council (`not-a-member`), or not on its roll: seated after voting opened (`not-on-roll`)',
      404: notFoundMotion,
      409: 'Voting has not opened (`voting-not-open`), has closed (`voting-closed`), the motion was withdrawn (`motion-withdrawn`), or the member has voted and changes are not allowed (`already-voted`; a ballot recorded in person: `voted-in-person`)',
      422: 'The motion offers no such option (`unknown-option`)',
    },
    summary: 'A member on the roll casts their ballot (one per member; replaced, where the chair allows, until close)',
  }),
  recordInPersonBallot: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/in-person-ballots',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    successStatus: 201,
    body: InPersonBallotBody,
    response: BallotReceipt,
    outcomes: {
      403: 'Only the council’s chair or staff (`not-the-chair`)',
      404: notFoundMotion,
      409: 'Voting is not open (`voting-not-open`, `voting-closed`, `motion-withdrawn`), or the member has voted already, online or in person (`already-voted`)',
      422: 'The seat is not on the roll (`not-on-roll`), or the motion offers no such option (`unknown-option`)',
    },
    summary: 'At a meeting the chair (or staff) records a present member’s ballot on the same roll, so nobody votes twice; in the audit trail',
  }),
  closeMotionEarly: endpoint({
    method: 'POST',
    path: '/v1/motions/{id}/closure',
    access: CHAIR_OR_STAFF_ROLES,
    params: MotionIdParams,
    response: Motion,
    outcomes: {
      403: 'Only the council’s chair or staff (`not-the-chair`)',
      404: notFoundMotion,
      409: 'Voting is not open (`act-not-allowed`), or not every member on the roll has voted (`not-everyone-voted`)',
    },
    summary: 'The chair (or staff) closes voting before its time once every member on the roll has voted; the outcome is counted and stored at once',
  }),
} as const;

