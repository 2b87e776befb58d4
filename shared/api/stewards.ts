import * as z from 'zod';
import { HELP_KINDS, HOUSEHOLD_LABELS, MAX_VISIT_INTERVAL_DAYS, MIN_VISIT_INTERVAL_DAYS } from '../stewards/households';
import { MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, SURVEY_STATUSES } from '../stewards/surveys';
import { STAFF_ROLES, type Role } from '../roles';
import { endpoint } from './endpoint';
import { ChinaDate, Month, PageQuery, optionalText, page, text } from './common';
import { FeedbackId } from './ids';
import { IncomingKey, UploadTicket } from './uploads';

/**
 * The red stewards' work (红色小管家): the households each steward looks after, their home visits (走访入户) and
 * the help they give (民生服务, 矛盾调解, 困难帮扶); a need found on a visit becomes feedback (logged for the resident),
 * linked to the visit. The committee keeps the household list and reads the coverage: households per steward,
 * last visits, overdue visits, a month's work per steward and per compound.
 *
 * Households are personal data: their labels and people's names are shown only to their steward and the committee;
 * lists of the committee mask names; every read of a household's record by staff is in the audit trail.
 */

/** Who works in the field: the red stewards (old secretaries are stewards too in the role model). */
export const STEWARD_ROLES = ['steward'] as const satisfies readonly Role[];

const uuidLike = (message: string) => z.string().regex(/^[0-9a-f-]{36}$/, message);
export const HouseholdId = uuidLike('住户编号无效');
export const HouseholdIdParams = z.object({ id: HouseholdId });
export const HouseholdLabelEnum = z.enum(HOUSEHOLD_LABELS, { error: '请选择关爱类别' });
export const HelpKindEnum = z.enum(HELP_KINDS, { error: '请选择帮扶类型' });
const Version = z.number({ error: '缺少版本号' }).int().min(1);
const StewardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '请选择红色小管家');

// ---------------------------------------------------------------------------------------------------------------
// Households

const householdFields = {
  compound: text(40, '小区'),
  building: text(20, '楼栋'),
  unit: optionalText(20, '单元'),
  room: optionalText(20, '门牌号'),
  /** How the steward calls the person they visit: 张奶奶, 李桂英. */
  name: text(20, '住户称呼'),
  labels: z.array(HouseholdLabelEnum).max(HOUSEHOLD_LABELS.length, '关爱类别过多').refine((ls) => new Set(ls).size === ls.length, '关爱类别不能重复').default([]),
  /** Who looks after it. */
  stewardId: StewardId,
  note: optionalText(300, '备注', { multiline: true }),
};
export const HouseholdBody = z.object(householdFields);
export type HouseholdBody = z.input<typeof HouseholdBody>;
export const UpdateHouseholdBody = z.object({ ...householdFields, version: Version });

/** A household as its steward and the committee read it (names whole: the record, not a list). */
export const Household = z.object({
  id: HouseholdId,
  compound: z.string(),
  building: z.string(),
  unit: z.string().optional(),
  room: z.string().optional(),
  /** `12栋 2单元 301`, as people say it. */
  address: z.string(),
  name: z.string(),
  labels: z.array(HouseholdLabelEnum),
  steward: z.object({ id: z.string(), name: z.string() }),
  note: z.string().optional(),
  /** China date of the last visit. */
  lastVisitDate: z.string().optional(),
  visitCount: z.number().int(),
  daysWaiting: z.number().int(),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Household = z.infer<typeof Household>;

/** A household in a list: to its steward with its name; to the committee with the name masked (张**). */
export const HouseholdSummary = Household.pick({ id: true, compound: true, address: true, name: true, labels: true, steward: true, lastVisitDate: true, visitCount: true, daysWaiting: true, overdue: true });
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdListQuery = PageQuery.extend({
  stewardId: StewardId.optional(),
  /** Only households past the visit interval. */
  overdue: z.enum(['true', 'false']).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Visits and help

/** A visit's photos at most: a few, as on a report. */
export const MAX_VISIT_PHOTOS = 3;

export const VisitBody = z.object({
  date: ChinaDate,
  /** Who was met: 本人, 老伴, 女儿 … */
  metWith: text(40, '见到的人'),
  discussed: text(500, '交谈内容', { multiline: true }),
  /** Needs found (each may become feedback). */
  needs: optionalText(500, '发现的需求', { multiline: true }),
  /** Photos "if useful" (a loose handrail, a damp wall), uploaded with tickets from `createVisitPhotoUpload`: each ticket's `key`. */
  photos: z.array(IncomingKey).max(MAX_VISIT_PHOTOS, `最多 ${MAX_VISIT_PHOTOS} 张照片`).optional(),
});
export type VisitBody = z.input<typeof VisitBody>;

export const HelpBody = z.object({
  kind: HelpKindEnum,
  date: ChinaDate,
  whatWasDone: text(500, '帮扶内容', { multiline: true }),
  /** Time spent, in half hours (0.5–24). */
  hours: z.number({ error: '请填写时长' }).min(0.5, '时长至少 0.5 小时').max(24, '时长最多 24 小时'),
});
export type HelpBody = z.input<typeof HelpBody>;

/** A need found on a visit that the steward logged as feedback for the resident: the visit points at it. */
export const VisitFeedbackLinkBody = z.object({ visitId: uuidLike('走访记录编号无效'), feedbackId: FeedbackId });

export const Visit = z.object({
  id: z.string(),
  date: z.string(),
  metWith: z.string(),
  discussed: z.string(),
  needs: z.string().optional(),
  stewardName: z.string(),
  recordedAt: z.string(),
  /** The feedback logged from this visit's needs. */
  feedbackIds: z.array(z.string()),
  /** Its photos as signed URLs, valid for minutes (the record only: its steward and staff). */
  photos: z.array(z.object({ url: z.string(), contentType: z.string() })),
});

export const HelpRecord = z.object({
  id: z.string(),
  kind: HelpKindEnum,
  date: z.string(),
  whatWasDone: z.string(),
  hours: z.number(),
  stewardName: z.string(),
  recordedAt: z.string(),
});

/** A household's record: the household, its visits and the help given, newest first. */
export const HouseholdRecord = z.object({
  household: Household,
  visits: z.array(Visit),
  help: z.array(HelpRecord),
});
export type HouseholdRecord = z.infer<typeof HouseholdRecord>;

// ---------------------------------------------------------------------------------------------------------------
// The steward's own page, and the committee's coverage

export const StewardMonth = z.object({
  month: z.string(),
  visits: z.number().int(),
  householdsVisited: z.number().int(),
  help: z.number().int(),
  helpHours: z.number(),
});

export const MyStewardSummary = z.object({
  thisMonth: StewardMonth,
  households: z.number().int(),
  overdue: z.number().int(),
  /** The committee's interval: a household is overdue after this many days without a visit. */
  intervalDays: z.number().int(),
});

export const CoverageQuery = z.object({ month: Month.optional() });

export const StewardCoverage = z.object({
  steward: z.object({ id: z.string(), name: z.string() }),
  households: z.number().int(),
  overdue: z.number().int(),
  /** The latest visit to any of their households. */
  lastVisitDate: z.string().optional(),
  month: StewardMonth,
});

export const CompoundCoverage = z.object({
  compound: z.string(),
  households: z.number().int(),
  overdue: z.number().int(),
  visits: z.number().int(),
  help: z.number().int(),
});

export const Coverage = z.object({
  month: z.string(),
  intervalDays: z.number().int(),
  stewards: z.array(StewardCoverage),
  compounds: z.array(CompoundCoverage),
  totals: z.object({ households: z.number().int(), overdue: z.number().int(), visits: z.number().int(), help: z.number().int(), helpHours: z.number() }),
});
export type Coverage = z.infer<typeof Coverage>;

export const StewardSettings = z.object({
  intervalDays: z.number().int(),
  version: z.number().int(),
});
export const StewardSettingsBody = z.object({
  intervalDays: z
    .number({ error: '请填写天数' })
    .int('天数须为整数')
    .min(MIN_VISIT_INTERVAL_DAYS, `至少 ${MIN_VISIT_INTERVAL_DAYS} 天`)
    .max(MAX_VISIT_INTERVAL_DAYS, `最多 ${MAX_VISIT_INTERVAL_DAYS} 天`),
  /** The version read (0 before the committee has saved any). */
  version: z.number({ error: '缺少版本号' }).int().min(0),
});

// ---------------------------------------------------------------------------------------------------------------
// Opinion collection (民意收集)

export const SurveyId = uuidLike('征集编号无效');
export const SurveyIdParams = z.object({ id: SurveyId });
export const SurveyStatusEnum = z.enum(SURVEY_STATUSES, { error: '状态无效' });

// refinements run on whatever the fields hold: each must be total
const distinctTexts = (values: unknown[]): boolean => {
  const texts = values.filter((v): v is string => typeof v === 'string');
  return new Set(texts).size === texts.length;
};

export const SurveyQuestionBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('choice'),
      text: text(100, '问题'),
      options: z.array(text(30, '选项')).min(MIN_OPTIONS, `每个选择题至少 ${MIN_OPTIONS} 个选项`).max(MAX_OPTIONS, `每个选择题最多 ${MAX_OPTIONS} 个选项`).refine(distinctTexts, '选项不能重复'),
    }),
    z.object({ kind: z.literal('text'), text: text(100, '问题'), optional: z.boolean().default(true) }),
  ],
  { error: '请选择问题类型' },
);

const surveyFields = {
  title: text(40, '征集标题'),
  intro: optionalText(300, '说明', { multiline: true }),
  questions: z.array(SurveyQuestionBody).min(1, '请至少设一个问题').max(MAX_QUESTIONS, `最多 ${MAX_QUESTIONS} 个问题`),
};
export const SurveyBody = z.object(surveyFields);
export type SurveyBody = z.input<typeof SurveyBody>;
export const UpdateSurveyBody = z.object({ ...surveyFields, version: Version });
export const MoveSurveyBody = z.object({ to: SurveyStatusEnum, version: Version });

/** `q1` … `q20`. */
const QuestionId = z.string().regex(/^q([1-9]|1\d|20)$/, '问题编号无效');
export const ResponseBody = z.object({
  /** Each question's answer: a choice's option (`o1` …), or the text typed. */
  answers: z.record(QuestionId, z.string().trim().max(500, '回答不能超过 500 个字')),
  /** Where the respondent lives (results are read per compound). */
  compound: text(40, '小区'),
  /** A steward recording an answer gathered on a visit or at a stand (no name): one of many, not their own. */
  gathered: z.boolean().default(false),
});
export type ResponseBody = z.input<typeof ResponseBody>;

const QuestionView = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('choice'), text: z.string(), options: z.array(z.object({ id: z.string(), label: z.string() })) }),
  z.object({ id: z.string(), kind: z.literal('text'), text: z.string(), optional: z.boolean() }),
]);

export const Survey = z.object({
  id: SurveyId,
  title: z.string(),
  intro: z.string().optional(),
  questions: z.array(QuestionView),
  status: SurveyStatusEnum,
  version: z.number().int(),
  createdAt: z.string(),
  openedAt: z.string().optional(),
  closedAt: z.string().optional(),
  /** The caller has answered it themselves (a resident answers once). */
  answered: z.boolean(),
  /** How many answers so far (staff only). */
  responseCount: z.number().int().optional(),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyResults = z.object({
  survey: Survey,
  responses: z.number().int(),
  byVia: z.object({ resident: z.number().int(), steward: z.number().int() }),
  compounds: z.array(z.string()),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['choice', 'text']),
      text: z.string(),
      options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })).optional(),
      perCompound: z.array(z.object({ compound: z.string(), counts: z.array(z.number().int()) })).optional(),
      answers: z.array(z.string()).optional(),
    }),
  ),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

const notFoundSurvey = 'No such survey in the caller’s community (residents and stewards see open and closed ones, not drafts)';

const surveysApi = {
  listSurveys: endpoint({
    method: 'GET',
    path: '/v1/surveys',
    access: 'signed-in',
    response: z.object({ items: z.array(Survey) }),
    summary: 'The opinion collections open now and those closed, newest first, with whether the caller has answered',
  }),
  getSurvey: endpoint({
    method: 'GET',
    path: '/v1/surveys/{id}',
    access: 'signed-in',
    params: SurveyIdParams,
    response: Survey,
    outcomes: { 404: notFoundSurvey },
    summary: 'A survey’s questions, to answer',
  }),
  answerSurvey: endpoint({
    method: 'POST',
    path: '/v1/surveys/{id}/responses',
    access: ['resident', 'steward'],
    params: SurveyIdParams,
    idempotent: true,
    successStatus: 201,
    body: ResponseBody,
    response: Survey,
    outcomes: {
      403: 'Only red stewards record answers they gathered (`gathered`)',
      404: notFoundSurvey,
      409: 'The survey is not open (`survey-not-open`), or the caller has answered it already (`already-answered`)',
      422: 'The answers do not fit the questions (`answer-problems`; `errors` names each question)',
    },
    summary: 'A resident answers a survey (once); a red steward records an answer gathered on a visit or at a stand (`gathered`, no name)',
  }),
  listAdminSurveys: endpoint({
    method: 'GET',
    path: '/v1/admin/surveys',
    access: STAFF_ROLES,
    response: z.object({ items: z.array(Survey) }),
    summary: 'Every survey of the community (drafts too), newest first, with its number of answers',
  }),
  createSurvey: endpoint({
    method: 'POST',
    path: '/v1/admin/surveys',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: SurveyBody,
    response: Survey,
    summary: 'The committee drafts a question set (choices and free text)',
  }),
  updateSurvey: endpoint({
    method: 'PUT',
    path: '/v1/admin/surveys/{id}',
    access: STAFF_ROLES,
    params: SurveyIdParams,
    body: UpdateSurveyBody,
    response: Survey,
    outcomes: { 404: notFoundSurvey, 409: 'Changed since it was read (`stale-version`), or no longer a draft (`not-a-draft`: its questions are fixed once answers may come)' },
    summary: 'The committee changes a draft (the whole form, with the version read)',
  }),
  moveSurvey: endpoint({
    method: 'POST',
    path: '/v1/admin/surveys/{id}/status',
    access: STAFF_ROLES,
    params: SurveyIdParams,
    body: MoveSurveyBody,
    response: Survey,
    outcomes: { 404: notFoundSurvey, 409: 'Changed since it was read (`stale-version`), or the move is not allowed (`transition-not-allowed`)' },
    summary: 'The committee opens a survey (residents and stewards see it), closes it, or opens it again; in the audit trail',
  }),
  getSurveyResults: endpoint({
    method: 'GET',
    path: '/v1/admin/surveys/{id}/results',
    access: STAFF_ROLES,
    params: SurveyIdParams,
    response: SurveyResults,
    outcomes: { 404: notFoundSurvey },
    summary: 'Results per question, overall and per compound, and the free-text answers',
  }),
  exportSurveyResults: endpoint({
    method: 'GET',
    path: '/v1/admin/surveys/{id}/results/export',
    access: STAFF_ROLES,
    params: SurveyIdParams,
    response: z.object({ filename: z.string(), csv: z.string() }),
    outcomes: { 404: notFoundSurvey },
    summary: 'The results as CSV (UTF-8 with BOM): each choice per compound, then the free-text answers; in the audit trail',
  }),
} as const;

// ---------------------------------------------------------------------------------------------------------------

const notFoundHousehold = 'No such household among the caller’s (a steward’s own households; staff: the community’s)';

export const stewardsApi = {
  // ---- red stewards
  listMyHouseholds: endpoint({
    method: 'GET',
    path: '/v1/stewards/me/households',
    access: STEWARD_ROLES,
    query: HouseholdListQuery.pick({ limit: true, cursor: true }),
    response: page(HouseholdSummary),
    summary: 'The households the calling steward looks after, the longest waiting for a visit first',
  }),
  getMyStewardSummary: endpoint({
    method: 'GET',
    path: '/v1/stewards/me/summary',
    access: STEWARD_ROLES,
    response: MyStewardSummary,
    summary: 'The steward’s own month: visits and help this month, households and how many wait too long for a visit',
  }),
  getHousehold: endpoint({
    method: 'GET',
    path: '/v1/households/{id}',
    access: [...STEWARD_ROLES, ...STAFF_ROLES],
    params: HouseholdIdParams,
    response: HouseholdRecord,
    outcomes: { 404: notFoundHousehold },
    summary: 'A household’s record: who lives there, why they are looked after, its visits and help (a staff read is in the audit trail)',
  }),
  recordVisit: endpoint({
    method: 'POST',
    path: '/v1/households/{id}/visits',
    access: STEWARD_ROLES,
    params: HouseholdIdParams,
    idempotent: true,
    successStatus: 201,
    body: VisitBody,
    response: HouseholdRecord,
    outcomes: {
      400: 'A photo in `photos` is not an upload of the caller’s, is missing or expired, is not a JPEG, PNG, WebP or HEIC image by its first bytes, is larger than 5 MB, or is listed twice (`errors` names it: `photos.<i>`)',
      404: notFoundHousehold,
      422: 'A visit in the future (`date-in-future`)',
    },
    summary: 'Its steward records a home visit: the date, who they met, what was talked about, needs found, up to 3 photos',
  }),
  createVisitPhotoUpload: endpoint({
    method: 'POST',
    path: '/v1/stewards/visit-photo-uploads',
    access: STEWARD_ROLES,
    successStatus: 201,
    response: UploadTicket,
    summary: 'A ticket to upload one photo for a home visit (10 minutes; JPEG, PNG, WebP or HEIC, at most 5 MB)',
  }),
  recordHelp: endpoint({
    method: 'POST',
    path: '/v1/households/{id}/help',
    access: STEWARD_ROLES,
    params: HouseholdIdParams,
    idempotent: true,
    successStatus: 201,
    body: HelpBody,
    response: HouseholdRecord,
    outcomes: { 404: notFoundHousehold, 422: 'Help given in the future (`date-in-future`)' },
    summary: 'Its steward records help given: livelihood service, dispute mediation or hardship relief, with hours',
  }),
  linkVisitFeedback: endpoint({
    method: 'POST',
    path: '/v1/households/{id}/visit-feedback',
    access: STEWARD_ROLES,
    params: HouseholdIdParams,
    body: VisitFeedbackLinkBody,
    response: HouseholdRecord,
    outcomes: {
      404: 'No such household among the steward’s, or no such visit in it',
      422: 'No such feedback logged by this steward (`unknown-feedback`)',
    },
    summary: 'A need found on a visit, logged as feedback for the resident (`POST /v1/feedback` with `onBehalf`), is linked to the visit',
  }),

  // ---- the committee
  listHouseholds: endpoint({
    method: 'GET',
    path: '/v1/admin/households',
    access: STAFF_ROLES,
    query: HouseholdListQuery,
    response: page(HouseholdSummary),
    summary: 'The community’s households, the longest waiting for a visit first (names masked); by steward, or only the overdue',
  }),
  createHousehold: endpoint({
    method: 'POST',
    path: '/v1/admin/households',
    access: STAFF_ROLES,
    idempotent: true,
    successStatus: 201,
    body: HouseholdBody,
    response: Household,
    outcomes: { 422: 'No such red steward in the community (`unknown-steward`)' },
    summary: 'The committee puts a household on a steward’s list; in the audit trail',
  }),
  updateHousehold: endpoint({
    method: 'PUT',
    path: '/v1/admin/households/{id}',
    access: STAFF_ROLES,
    params: HouseholdIdParams,
    body: UpdateHouseholdBody,
    response: Household,
    outcomes: { 404: notFoundHousehold, 409: 'Changed since it was read (`stale-version`)', 422: 'No such red steward in the community (`unknown-steward`)' },
    summary: 'The committee changes a household (its address, labels, or its steward); in the audit trail',
  }),
  getStewardCoverage: endpoint({
    method: 'GET',
    path: '/v1/admin/stewards/coverage',
    access: STAFF_ROLES,
    query: CoverageQuery,
    response: Coverage,
    summary: 'Coverage: per steward their households, overdue visits, last visit and the month’s visits and help; per compound the same',
  }),
  exportStewardCoverage: endpoint({
    method: 'GET',
    path: '/v1/admin/stewards/coverage/export',
    access: STAFF_ROLES,
    query: CoverageQuery,
    response: z.object({ filename: z.string(), csv: z.string() }),
    summary: 'The month’s coverage per steward as CSV (UTF-8 with BOM, for Excel); in the audit trail',
  }),
  getStewardSettings: endpoint({
    method: 'GET',
    path: '/v1/admin/stewards/settings',
    access: STAFF_ROLES,
    response: StewardSettings,
    summary: 'How many days without a visit make a household overdue',
  }),
  updateStewardSettings: endpoint({
    method: 'PUT',
    path: '/v1/admin/stewards/settings',
    access: STAFF_ROLES,
    body: StewardSettingsBody,
    response: StewardSettings,
    outcomes: { 409: 'Changed since it was read (`stale-version`)' },
    summary: 'The committee sets the visit interval (7–180 days); in the audit trail',
  }),
  ...surveysApi,
} as const;
