import * as z from 'zod';
import { STAFF_ROLES, type Role } from '../roles';
import { ACTIVITY_KINDS } from '../teams/activities';
import { ownOverlaps, QUARTER_PATTERN, rangeOverlaps, isOrderedRange, TIME_PATTERN } from '../teams/slots';
import { monthsInTwoRules } from '../teams/venues';
import { REGISTRATION_NUMBER_PATTERN } from '../teams/registration';
import { TEAM_STATUSES } from '../teams/status';
import { endpoint } from './endpoint';
import { ChinaDate, PageQuery, optionalText, page, text } from './common';
import { CommunityId, FeedbackId, MobilePhone } from './ids';

/**
 * Dance-team registration (广场舞队伍备案): venues and their quiet hours, the dance rules (versioned), a team's
 * filing, members, rules study and activities, the committee's decisions, and the public check of a
 * registration number. A team's leader is the resident who filed it; its members are residents who joined with
 * its invite code, or people the leader added (with their consent).
 */

/** Residents (red stewards are residents too): who files, leads and joins teams. */
export const RESIDENT_ROLES = ['resident', 'steward'] as const satisfies readonly Role[];

const uuidLike = (message: string) => z.string().regex(/^[0-9a-f-]{36}$/, message);
export const TeamId = uuidLike('舞队编号无效');
export const VenueId = uuidLike('场地编号无效');
/** A member's id: the resident's user id when they joined themselves, else one made when the leader added them. */
export const MemberId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '队员编号无效');
/** 8 letters and digits without the look-alikes (0/O, 1/I); typed in lower case it still counts. */
export const InviteCode = z.string().trim().toUpperCase().regex(/^[A-HJ-NP-Z2-9]{8}$/, '邀请码为 8 位字母或数字');
export const RegistrationNumber = z.string().trim().regex(REGISTRATION_NUMBER_PATTERN, '备案编号格式不对，例如 青年-WD-2026-001');
export const TeamStatusEnum = z.enum(TEAM_STATUSES, { error: '状态无效' });
export const ActivityKindEnum = z.enum(ACTIVITY_KINDS, { error: '请选择活动类型' });
const Version = z.number({ error: '缺少版本号' }).int().min(1);


// ---------------------------------------------------------------------------------------------------------------
// Times, slots, venues

const ordered = { path: ['end'], message: '结束时间须晚于开始时间' };
/** Any time of day (a venue's hours): `07:00`. */
export const TimeOfDay = z.string({ error: '请填写时间' }).regex(TIME_PATTERN, '时间格式须为 HH:MM，如 07:00');
export const TimeRangeSchema = z.object({ start: TimeOfDay, end: TimeOfDay }).refine(isOrderedRange, ordered);

const QuarterTime = z.string({ error: '请填写时间' }).regex(QUARTER_PATTERN, '时间须为整刻钟，如 19:00、19:15、19:30');
/** One weekly slot: day of week 1 (Monday) – 7 (Sunday), start–end on quarter hours, the same day. */
export const WeeklySlotSchema = z
  .object({
    day: z.number({ error: '请选择星期几' }).int().min(1, '星期须为 1–7').max(7, '星期须为 1–7'),
    start: QuarterTime,
    end: QuarterTime,
  })
  .refine(isOrderedRange, ordered);
export type WeeklySlotInput = z.input<typeof WeeklySlotSchema>;

const slotList = z.array(WeeklySlotSchema).min(1, '请至少填写一个活动时段').max(14, '最多 14 个活动时段');
/** A team's slots: none of them overlapping another (the same rule the slot check reports as `overlaps-own-slot`). */
export const TeamSlots = slotList.superRefine((slots, ctx) => {
  // only among slots that are well formed themselves: a broken one has its own error already
  const formed = slots.map((s) => WeeklySlotSchema.safeParse(s).success);
  for (const [i, j] of ownOverlaps(slots)) if (formed[i] && formed[j]) ctx.addIssue({ code: 'custom', path: [j], message: `与第 ${i + 1} 个时段重叠` });
});

const allowedHours = (label: string) =>
  z
    .array(TimeRangeSchema)
    .min(1, `请填写${label}`)
    .max(4, `${label}最多 4 段`)
    .superRefine((ranges, ctx) => {
      const formed = ranges.map((r) => TimeRangeSchema.safeParse(r).success);
      for (const [i, j] of rangeOverlaps(ranges)) if (formed[i] && formed[j]) ctx.addIssue({ code: 'custom', path: [j], message: `与第 ${i + 1} 段时间重叠` });
    });

export const SeasonalRuleSchema = z.object({
  name: text(10, '季节名称'),
  months: z
    .array(z.number().int().min(1, '月份须为 1–12').max(12, '月份须为 1–12'))
    .min(1, '请选择适用的月份')
    .max(12)
    .refine((ms) => new Set(ms).size === ms.length, '月份不能重复'),
  allowedHours: allowedHours('允许活动的时间'),
});

const venueFields = {
  name: text(30, '场地名称'),
  /** How many teams may dance there at the same time. */
  capacity: z.number({ error: '请填写可同时容纳的队伍数' }).int().min(1, '至少容纳 1 支队伍').max(20, '最多 20 支队伍'),
  /** When music is allowed (outside these: quiet hours). */
  allowedHours: allowedHours('允许活动的时间'),
  /** Hours that replace `allowedHours` in their months (summer, winter). */
  seasonalRules: z
    .array(SeasonalRuleSchema)
    .max(4, '最多 4 条季节规则')
    .refine((rules) => monthsInTwoRules(rules).length === 0, '同一个月份不能属于两条季节规则')
    .default([]),
  note: optionalText(200, '备注', { multiline: true }),
};
export const VenueBody = z.object(venueFields);
export const UpdateVenueBody = z.object({ ...venueFields, version: Version });
export type VenueBody = z.input<typeof VenueBody>;

export const Venue = z.object({
  id: VenueId,
  name: z.string(),
  capacity: z.number().int(),
  allowedHours: z.array(z.object({ start: z.string(), end: z.string() })),
  seasonalRules: z.array(z.object({ name: z.string(), months: z.array(z.number().int()), allowedHours: z.array(z.object({ start: z.string(), end: z.string() })) })),
  note: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Venue = z.infer<typeof Venue>;

const Slot = z.object({ day: z.number().int(), start: z.string(), end: z.string() });

/** What stands in a slot's way (shared/teams/capacity.ts); pages word it with `slotProblemText`. */
export const SlotProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('overlaps-own-slot'), otherSlot: z.number().int() }),
  z.object({
    code: z.literal('outside-allowed-hours'),
    season: z.string().nullable(),
    months: z.array(z.number().int()),
    allowedHours: z.array(z.object({ start: z.string(), end: z.string() })),
  }),
  z.object({ code: z.literal('venue-full'), start: z.string(), end: z.string(), capacity: z.number().int(), teams: z.number().int() }),
]);

export const SlotCheckBody = z.object({
  venueId: VenueId,
  slots: slotList,
  /** The team being edited, if any: its own places are not held against it. */
  teamId: TeamId.optional(),
});
export const SlotCheck = z.object({
  /** One list per slot, in the order sent; all empty: the slots may be submitted. */
  problems: z.array(z.array(SlotProblemSchema)),
  ok: z.boolean(),
});

export const Timetable = z.object({
  venue: Venue,
  /** Teams holding places at the venue (approved, or suspended and keeping them). */
  teams: z.array(z.object({ id: TeamId, name: z.string(), status: TeamStatusEnum, registrationNumber: z.string().optional(), slots: z.array(Slot) })),
  /** Per day 1–7, the stretches with the same teams dancing, and how many they are. */
  days: z.array(
    z.object({
      day: z.number().int(),
      segments: z.array(z.object({ start: z.string(), end: z.string(), teamIds: z.array(TeamId), count: z.number().int(), overCapacity: z.boolean() })),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------------------
// The dance rules (规章制度)

export const DanceRules = z.object({
  version: z.number().int(),
  title: z.string(),
  text: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string(),
});
export type DanceRules = z.infer<typeof DanceRules>;

export const PublishDanceRulesBody = z.object({
  title: text(40, '标题'),
  text: text(5000, '规章内容', { multiline: true }),
  /** The version the committee member was looking at (0 when none was published yet). */
  previousVersion: z.number({ error: '缺少当前版本号' }).int().min(0),
});

// ---------------------------------------------------------------------------------------------------------------
// Teams

const teamFields = {
  name: text(30, '队伍名称'),
  /** The leader's contact number: whole for the leader and the committee, masked for everyone else. */
  phone: MobilePhone,
  venueId: VenueId,
  slots: TeamSlots,
  expectedSize: z.number({ error: '请填写预计人数' }).int().min(2, '队伍至少 2 人').max(300, '人数不能超过 300'),
  usesLoudspeaker: z.boolean({ error: '请选择是否使用音响' }),
  /** The loudest the leader commits to (decibels at the edge of the venue). */
  volumeLimitDb: z.number().int().min(40, '音量不低于 40 分贝').max(85, '音量不超过 85 分贝').optional(),
  /** In the leader's words: e.g. “音量控制在 60 分贝以内，21:00 前结束”. */
  volumeCommitment: optionalText(200, '音量承诺', { multiline: true }),
};
const loudspeakerNeedsCommitment = {
  check: (b: { usesLoudspeaker: boolean; volumeCommitment?: string }) => !b.usesLoudspeaker || Boolean(b.volumeCommitment),
  issue: { path: ['volumeCommitment'], message: '使用音响的队伍请填写音量承诺' },
};
export const TeamForm = z.object(teamFields).refine(loudspeakerNeedsCommitment.check, loudspeakerNeedsCommitment.issue);
export type TeamForm = z.input<typeof TeamForm>;
export const UpdateTeamBody = z
  .object({ ...teamFields, version: Version })
  .refine(loudspeakerNeedsCommitment.check, loudspeakerNeedsCommitment.issue);

export const TeamIdParams = z.object({ id: TeamId });
export const VenueIdParams = z.object({ id: VenueId });

export const TeamHistoryEntry = z.object({
  at: z.string(),
  from: TeamStatusEnum.nullable(),
  to: TeamStatusEnum,
  /** The committee's reason, which the leader reads. */
  reason: z.string().optional(),
  byRole: z.enum(['leader', 'committee', 'admin']),
  byName: z.string(),
});
export type TeamHistoryEntry = z.infer<typeof TeamHistoryEntry>;

const Hours = z.object({ performance: z.number(), volunteer: z.number() });

export const RulesAcceptanceRecord = z.object({
  version: z.number().int(),
  at: z.string(),
  /** Read and accepted in the mini-program, or at a study session the leader recorded. */
  how: z.enum(['app', 'study-session']),
});

export const TeamMember = z.object({
  id: MemberId,
  name: z.string(),
  /** Masked (`138****5678`) for everyone but the committee. */
  phone: z.string().optional(),
  isLeader: z.boolean(),
  joinedAt: z.string(),
  /** The leader (who filed), added by the leader, or joined with the invite code. */
  via: z.enum(['founder', 'leader', 'invite']),
  consentRecordedAt: z.string(),
  /** Their latest acceptance of the dance rules. */
  rules: RulesAcceptanceRecord.nullable(),
  /** They accepted the version in force now. */
  acceptedCurrent: z.boolean(),
  hours: Hours,
});

export const TeamActivity = z.object({
  id: z.string(),
  kind: ActivityKindEnum,
  title: z.string(),
  date: z.string(),
  hours: z.number(),
  attendeeIds: z.array(MemberId),
  note: z.string().optional(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

export const StudySession = z.object({
  id: z.string(),
  date: z.string(),
  rulesVersion: z.number().int(),
  attendeeIds: z.array(MemberId),
  note: z.string().optional(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});

/** A noise complaint (feedback of the 噪音扰民 category) the committee linked to the team. No reporter data. */
export const TeamComplaint = z.object({
  feedbackId: FeedbackId,
  ref: z.string().optional(),
  title: z.string(),
  reportedAt: z.string(),
  linkedAt: z.string(),
  linkedByName: z.string(),
  note: z.string().optional(),
});

export const Registration = z.object({
  number: z.string(),
  approvedAt: z.string(),
  /** The last day it holds (China date). */
  validUntil: z.string(),
  validity: z.enum(['valid', 'expired', 'suspended']),
});

export const RulesProgress = z.object({
  /** The version in force (null: the committee has not published rules yet). */
  currentVersion: z.number().int().nullable(),
  accepted: z.number().int(),
  of: z.number().int(),
  /** Members who still have to accept the version in force. */
  pendingMemberIds: z.array(MemberId),
});

const ActivityTotals = z.object({ activities: z.number().int(), hours: z.number() });

export const Team = z.object({
  id: TeamId,
  name: z.string(),
  status: TeamStatusEnum,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  leaderName: z.string(),
  phone: z.string(),
  venue: z.object({ id: VenueId, name: z.string() }),
  slots: z.array(Slot),
  expectedSize: z.number().int(),
  usesLoudspeaker: z.boolean(),
  volumeLimitDb: z.number().int().optional(),
  volumeCommitment: z.string().optional(),
  /** Once approved: the ID card's number and validity. */
  registration: Registration.optional(),
  history: z.array(TeamHistoryEntry),
  members: z.array(TeamMember),
  rules: RulesProgress,
  totals: z.object({ performance: ActivityTotals, volunteer: ActivityTotals }),
  /** Newest first. */
  activities: z.array(TeamActivity),
  studySessions: z.array(StudySession),
  complaints: z.array(TeamComplaint),
  /** The leader's invite code, while one is valid (the leader only). */
  invite: z.object({ code: z.string(), expiresAt: z.string() }).optional(),
  /** How the caller sees the team: its leader, a member, or the committee. */
  viewer: z.enum(['leader', 'member', 'committee']),
});
export type Team = z.infer<typeof Team>;

export const TeamSummary = z.object({
  id: TeamId,
  name: z.string(),
  status: TeamStatusEnum,
  venue: z.object({ id: VenueId, name: z.string() }),
  leaderName: z.string(),
  memberCount: z.number().int(),
  rules: RulesProgress.omit({ pendingMemberIds: true }),
  registrationNumber: z.string().optional(),
  complaintCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** In “my teams”: whether the caller leads it or is a member. */
  role: z.enum(['leader', 'member']).optional(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;

export const SubmitTeamBody = z.object({ version: Version });

/** The committee's decision: approve, reject, ask for changes, suspend or reinstate (approve a suspended team). */
export const TeamDecisionBody = z.object({
  to: z.enum(['approved', 'rejected', 'changes_requested', 'suspended'], { error: '请选择审核结果' }),
  /** Required for every decision but a first approval: the leader reads it. */
  reason: optionalText(300, '理由', { multiline: true }),
  version: Version,
  /** How long an approval holds, in months (12 unless said). */
  validMonths: z.number().int().min(1, '有效期至少 1 个月').max(36, '有效期最长 36 个月').optional(),
});
export type TeamDecisionBody = z.input<typeof TeamDecisionBody>;

const consent = z.literal(true, { error: '请先征得本人同意记录其信息' });
const attendees = z
  .array(MemberId)
  .min(1, '请选择参加的队员')
  .max(300)
  .refine((ids) => new Set(ids).size === ids.length, '队员不能重复');

export const AddMemberBody = z.object({
  name: text(20, '队员姓名'),
  phone: MobilePhone.optional(),
  /** The member agreed to their name (and number) being kept for the registration. */
  consent,
});
export const RemoveMemberBody = z.object({ memberId: MemberId });
export const JoinTeamBody = z.object({
  code: InviteCode,
  /** The resident agrees to their name being kept in the team's registration. */
  consent,
});
export const AcceptRulesBody = z.object({ rulesVersion: z.number({ error: '缺少规章版本号' }).int().min(1) });
export const StudySessionBody = z.object({
  date: ChinaDate,
  rulesVersion: z.number({ error: '缺少规章版本号' }).int().min(1),
  attendeeIds: attendees,
  note: optionalText(200, '备注', { multiline: true }),
});
export const ActivityBody = z.object({
  kind: ActivityKindEnum,
  title: text(40, '活动名称'),
  date: ChinaDate,
  /** Hours each attendee gave, counted in half hours (2.4 → 2.5). */
  hours: z.number({ error: '请填写时长' }).min(0.5, '时长至少 0.5 小时').max(12, '时长最多 12 小时'),
  attendeeIds: attendees,
  note: optionalText(300, '备注', { multiline: true }),
});
export const LinkComplaintBody = z.object({
  feedbackId: FeedbackId,
  note: optionalText(200, '备注', { multiline: true }),
});

export const TeamQueueQuery = PageQuery.extend({ status: TeamStatusEnum.default('submitted') });

export const RegistrationParams = z.object({ number: RegistrationNumber });
export const RegistrationQuery = z.object({ community: CommunityId.optional() });
/** What anyone who scans a team's card sees: registered, where and when it may dance. No personal data. */
export const RegistrationCard = z.object({
  number: z.string(),
  teamName: z.string(),
  venueName: z.string(),
  slots: z.array(Slot),
  status: z.enum(['approved', 'suspended']),
  validUntil: z.string(),
  validity: z.enum(['valid', 'expired', 'suspended']),
  memberCount: z.number().int(),
});

export const TeamInvite = z.object({ code: z.string(), expiresAt: z.string() });

export const teamsApi = {
  // ---- venues and rules
  listVenues: endpoint({
    method: 'GET',
    path: '/v1/venues',
    access: 'signed-in',
    response: z.object({ items: z.array(Venue) }),
    summary: "The community's venues for dancing, with their capacity and allowed hours (the filing form offers them)",
  }),
  createVenue: endpoint({
    method: 'POST',
    path: '/v1/admin/venues',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: VenueBody,
    response: Venue,
    summary: 'The committee adds a venue: name, how many teams at once, allowed hours, seasonal rules; recorded in the audit trail',
  }),
  updateVenue: endpoint({
    method: 'PUT',
    path: '/v1/admin/venues/{id}',
    access: STAFF_ROLES,
    params: VenueIdParams,
    body: UpdateVenueBody,
    response: Venue,
    outcomes: { 404: 'No such venue in the caller’s community', 409: 'Someone changed it since it was read (`stale-version`)' },
    summary: 'The committee changes a venue (the whole form, with the version it read); teams already approved keep their places',
  }),
  getVenueTimetable: endpoint({
    method: 'GET',
    path: '/v1/venues/{id}/timetable',
    access: 'signed-in',
    params: VenueIdParams,
    response: Timetable,
    outcomes: { 404: 'No such venue in the caller’s community' },
    summary: 'A venue’s week: the teams holding places there and, per day, who dances when (a week grid)',
  }),
  getCurrentDanceRules: endpoint({
    method: 'GET',
    path: '/v1/dance-rules/current',
    access: 'signed-in',
    response: DanceRules,
    outcomes: { 404: 'The committee has not published dance rules yet (`no-dance-rules`)' },
    summary: 'The dance rules (广场舞规章制度) in force: every member reads and accepts this version',
  }),
  publishDanceRules: endpoint({
    method: 'POST',
    path: '/v1/admin/dance-rules',
    access: STAFF_ROLES,
    successStatus: 201,
    body: PublishDanceRulesBody,
    response: DanceRules,
    outcomes: { 409: 'Another version was published since the one the caller read (`stale-version`)' },
    summary: 'The committee publishes a new version of the dance rules; every member is asked to accept it again',
  }),

  // ---- a leader's filing
  createTeamDraft: endpoint({
    method: 'POST',
    path: '/v1/teams',
    access: RESIDENT_ROLES,
    idempotent: true,
    successStatus: 201,
    body: TeamForm,
    response: Team,
    outcomes: { 422: 'No such venue in the community (`unknown-venue`)' },
    summary: 'A resident files a team as a draft and becomes its leader (and first member)',
  }),
  listMyTeams: endpoint({
    method: 'GET',
    path: '/v1/teams/mine',
    access: RESIDENT_ROLES,
    query: PageQuery,
    response: page(TeamSummary),
    summary: 'The teams I lead or belong to, newest first',
  }),
  checkTeamSlots: endpoint({
    method: 'POST',
    path: '/v1/teams/slot-checks',
    access: 'signed-in',
    body: SlotCheckBody,
    response: SlotCheck,
    outcomes: { 404: 'No such venue in the caller’s community' },
    summary: 'Checks slots at a venue without saving: overlaps among them, quiet hours, places already taken; the same rule submission applies',
  }),
  getTeam: endpoint({
    method: 'GET',
    path: '/v1/teams/{id}',
    access: 'signed-in',
    params: TeamIdParams,
    response: Team,
    outcomes: { 404: 'No such team, or the caller is neither its leader, a member nor staff' },
    summary: 'A team’s page: filing, ID card data, members and who accepted the rules, hours, history and complaints',
  }),
  updateTeamDraft: endpoint({
    method: 'PUT',
    path: '/v1/teams/{id}',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    body: UpdateTeamBody,
    response: Team,
    outcomes: {
      403: 'The caller is a member, not the leader',
      404: 'No such team among the caller’s',
      409: 'Changed since it was read (`stale-version`), or not a draft or sent back for changes (`not-editable`)',
      422: 'No such venue in the community (`unknown-venue`)',
    },
    summary: 'Its leader edits a draft, or a filing the committee sent back for changes (the whole form, with the version read)',
  }),
  submitTeam: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/submission',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    body: SubmitTeamBody,
    response: Team,
    outcomes: {
      403: 'The caller is a member, not the leader',
      404: 'No such team among the caller’s',
      409: 'Changed since it was read (`stale-version`), not open to submission (`transition-not-allowed`), no dance rules published (`no-dance-rules`), or not every member accepted the rules in force (`rules-not-accepted`)',
      422: 'A slot overlaps another, falls in quiet hours or finds the venue full (`slot-problems`; `errors` names each slot: `slots.<i>`)',
    },
    summary: 'Its leader submits the filing (or resubmits it after changes) for the committee to review',
  }),
  addTeamMember: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/members',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    idempotent: true,
    successStatus: 201,
    body: AddMemberBody,
    response: Team,
    outcomes: { 403: 'The caller is a member, not the leader', 404: 'No such team among the caller’s', 409: 'The team was refused (`not-joinable`)' },
    summary: 'Its leader adds a member by name (phone optional) with the member’s consent',
  }),
  removeTeamMember: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/member-removals',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    body: RemoveMemberBody,
    response: Team,
    outcomes: {
      403: 'The caller is a member, not the leader',
      404: 'No such team among the caller’s, or no such member in it',
      409: 'The leader cannot remove themself (`leader-stays`)',
    },
    summary: 'Its leader removes a member',
  }),
  rotateTeamInvite: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/invite',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    successStatus: 201,
    response: TeamInvite,
    outcomes: { 403: 'The caller is a member, not the leader', 404: 'No such team among the caller’s', 409: 'The team was refused (`not-joinable`)' },
    summary: 'Its leader makes a new invite code (30 days; the old one stops working) to share as text or a QR code',
  }),
  recordStudySession: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/study-sessions',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    idempotent: true,
    successStatus: 201,
    body: StudySessionBody,
    response: Team,
    outcomes: {
      400: 'A date after today, or an attendee who is not a member (`errors` names it: `attendeeIds.<i>`)',
      403: 'The caller is a member, not the leader',
      404: 'No such team among the caller’s',
      409: 'The rules studied are not the version in force (`rules-outdated`)',
    },
    summary: 'Its leader records an in-person study of the dance rules (规章制度学习): each attendee’s acceptance of that version is recorded',
  }),
  recordTeamActivity: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/activities',
    // its leader (a resident) or the committee; a member is refused by the use case (403)
    access: [...RESIDENT_ROLES, ...STAFF_ROLES],
    params: TeamIdParams,
    idempotent: true,
    successStatus: 201,
    body: ActivityBody,
    response: Team,
    outcomes: {
      400: 'A date after today, or an attendee who is not a member (`errors` names it: `attendeeIds.<i>`)',
      403: 'The caller is a member, not the leader',
      404: 'No such team among the caller’s (the committee: in the community)',
      409: 'Only a registered team (approved or suspended) records activities (`not-registered`)',
    },
    summary: 'Its leader or the committee records a performance (文艺汇演) or volunteer service (志愿服务) with date, hours and attendees',
  }),

  // ---- a member
  joinTeam: endpoint({
    method: 'POST',
    path: '/v1/team-memberships',
    access: RESIDENT_ROLES,
    body: JoinTeamBody,
    response: Team,
    outcomes: {
      404: 'No team has this invite code (mistyped, replaced by a newer one, or expired)',
      409: 'Already a member (`already-member`), or the team was refused (`not-joinable`)',
    },
    summary: 'A resident joins a team with its invite code (scanned or typed), consenting to their name being kept',
  }),
  acceptDanceRules: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/rules-acceptance',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    body: AcceptRulesBody,
    response: Team,
    outcomes: { 404: 'No such team among the caller’s', 409: 'The version read is not the one in force (`rules-outdated`)' },
    summary: 'A member says they have read and accept the dance rules in force',
  }),
  leaveTeam: endpoint({
    method: 'POST',
    path: '/v1/teams/{id}/departure',
    access: RESIDENT_ROLES,
    params: TeamIdParams,
    response: z.object({ left: z.literal(true) }),
    outcomes: { 404: 'No such team among the caller’s', 409: 'The leader cannot leave their own team (`leader-stays`)' },
    summary: 'A member leaves the team (their details go with them)',
  }),

  // ---- the committee
  listTeamQueue: endpoint({
    method: 'GET',
    path: '/v1/admin/teams',
    access: STAFF_ROLES,
    query: TeamQueueQuery,
    response: page(TeamSummary),
    summary: 'The committee’s list of teams in one status (the review queue: submitted), longest waiting first',
  }),
  countTeamsByStatus: endpoint({
    method: 'GET',
    path: '/v1/admin/teams/counts',
    access: STAFF_ROLES,
    response: z.object({ counts: z.record(TeamStatusEnum, z.number().int().min(0)) }),
    summary: 'How many teams are in each status (the queue filter shows them)',
  }),
  decideTeam: endpoint({
    method: 'POST',
    path: '/v1/admin/teams/{id}/decisions',
    access: STAFF_ROLES,
    params: TeamIdParams,
    body: TeamDecisionBody,
    response: Team,
    outcomes: {
      400: 'Every decision but a first approval needs a `reason`',
      404: 'No such team in the caller’s community',
      409: 'Changed since it was read (`stale-version`), a move the status machine does not allow (`transition-not-allowed`), another approval of it under way (`approval-in-progress`), not every member accepted the rules in force (`rules-not-accepted`, `no-dance-rules`), or the venue is full in a slot (`venue-full`; `errors` names the slots)',
      422: 'A slot falls in the venue’s quiet hours as they are now (`slot-problems`)',
    },
    summary: 'The committee approves (a registration number and validity), rejects, asks for changes, suspends or reinstates, with a reason; in the history and the audit trail',
  }),
  linkNoiseComplaint: endpoint({
    method: 'POST',
    path: '/v1/admin/teams/{id}/complaints',
    access: STAFF_ROLES,
    params: TeamIdParams,
    successStatus: 201,
    body: LinkComplaintBody,
    response: TeamComplaint,
    outcomes: {
      404: 'No such team, or no such feedback, in the caller’s community',
      422: 'The feedback is not a noise complaint (category 噪音扰民) (`not-noise`)',
    },
    summary: 'The committee links a noise complaint (feedback of category 噪音扰民) to a team; linking it again changes nothing',
  }),
  listTeamComplaints: endpoint({
    method: 'GET',
    path: '/v1/admin/teams/{id}/complaints',
    access: STAFF_ROLES,
    params: TeamIdParams,
    query: PageQuery,
    response: page(TeamComplaint),
    outcomes: { 404: 'No such team in the caller’s community' },
    summary: 'The noise complaints linked to a team, latest linked first',
  }),
  exportTeams: endpoint({
    method: 'GET',
    path: '/v1/admin/teams/export',
    access: STAFF_ROLES,
    response: z.object({ filename: z.string(), csv: z.string() }),
    summary: 'Registered teams (approved and suspended) with members, phone numbers and hours as CSV for Excel (UTF-8 with BOM); recorded in the audit trail',
  }),

  // ---- anyone
  verifyRegistration: endpoint({
    method: 'GET',
    path: '/v1/team-registrations/{number}',
    access: 'public',
    params: RegistrationParams,
    query: RegistrationQuery,
    response: RegistrationCard,
    outcomes: { 404: 'No registered team has this number in the community' },
    summary: 'Anyone (scanning a team’s ID card in the square) checks a registration: team, venue, when it may dance, validity. No personal data',
  }),
} as const;
