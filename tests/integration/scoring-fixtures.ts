/** What the scoring suites share: a period brought to a given stage through the API, and its people. */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { DEFAULT_SHEET } from '../../shared/scoring/default-sheet';
import { criteriaOf } from '../../shared/scoring/sheet';
import type { Harness } from '../support/harness';

const { scoring } = api;

export const expectStatus = (r: { status: number; body: unknown }, status: number) => {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as any;
};

/** The account id a token speaks for. */
export const userIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub;

export const CRITERIA = criteriaOf(DEFAULT_SHEET).map((k) => k.id);

export interface People {
  committee: string;
  /** Secretaries of branches 01, 02, 03 (red stewards of the demo community). */
  sec1: string;
  sec2: string;
  sec3: string;
  /** Reviewers: r1 reviews 01 and 02, r2 reviews 01, 02 and 03; the lead reviews none. */
  r1: string;
  r2: string;
  lead: string;
  /** A resident with no place in the period. */
  resident: string;
}

export const signInPeople = async (h: Harness): Promise<People> => {
  const [committee, sec1, sec2, sec3, r1, r2, lead, resident] = await Promise.all([
    h.staff(),
    h.resident('刘玉兰'),
    h.resident('陈志强'),
    h.resident('杨秀珍'),
    h.resident('郑卫东'),
    h.resident('梁晓燕'),
    h.resident('宋金花'),
    h.resident('王建国'),
  ]);
  return { committee, sec1, sec2, sec3, r1, r2, lead, resident };
};

export const aPeriod = (overrides: Record<string, unknown> = {}) => ({
  name: `测试周期${randomUUID().slice(0, 6)}`,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  branchIds: ['01', '02', '03'],
  ...overrides,
});

export interface OpenPeriod {
  id: string;
  version: number;
  /** Assessment ids of branches 01, 02, 03. */
  a1: string;
  a2: string;
  a3: string;
  body: any;
}

const refresh = (p: OpenPeriod, body: any): OpenPeriod => Object.assign(p, { version: body.version, body });

/** A period of branches 01–03 in setup, with its secretaries and working group assigned. */
export const setUpPeriod = async (h: Harness, people: People, overrides: Record<string, unknown> = {}): Promise<OpenPeriod> => {
  const created = expectStatus(await h.call(scoring.createScoringPeriod, { token: people.committee, body: aPeriod(overrides) }), 201);
  const ids = Object.fromEntries(created.branches.map((b: any) => [b.id, b.assessmentId]));
  const p: OpenPeriod = { id: created.id, version: created.version, a1: ids['01'], a2: ids['02'], a3: ids['03'], body: created };
  for (const [branchId, token] of [['01', people.sec1], ['02', people.sec2], ['03', people.sec3]] as const)
    refresh(p, expectStatus(await h.call(scoring.assignScoringSecretary, { token: people.committee, params: { id: p.id }, body: { branchId, name: '书记', userId: userIdOf(token), version: p.version } }), 200));
  const members = [
    { name: '郑卫东', userId: userIdOf(people.r1), branchIds: ['01', '02'] },
    { name: '梁晓燕', userId: userIdOf(people.r2), branchIds: ['01', '02', '03'] },
    { name: '宋金花', userId: userIdOf(people.lead), branchIds: [], lead: true },
  ];
  refresh(p, expectStatus(await h.call(scoring.setScoringWorkingGroup, { token: people.committee, params: { id: p.id }, body: { members, version: p.version } }), 200));
  return p;
};

export const movePeriod = async (h: Harness, committee: string, p: OpenPeriod, to: string) =>
  refresh(p, expectStatus(await h.call(scoring.moveScoringPeriod, { token: committee, params: { id: p.id }, body: { to, version: p.version } }), 200));

/** A period of branches 01–03 open for self-assessment. */
export const openPeriod = async (h: Harness, people: People, overrides: Record<string, unknown> = {}): Promise<OpenPeriod> => {
  const p = await setUpPeriod(h, people, overrides);
  await movePeriod(h, people.committee, p, 'self-assessment');
  return p;
};

/**
 * Scores every criterion of an assessment (through `save` for self or review entries): full marks but for the
 * deductions given by criterion. Returns the last answer.
 */
export const scoreAll = async (
  h: Harness,
  token: string,
  assessmentId: string,
  deductions: Record<string, { ruleId: string; times?: number }[]> = {},
  as: 'self' | 'review' = 'self',
) => {
  const endpoint = as === 'self' ? scoring.saveScoringSelfEntry : scoring.saveScoringReviewEntry;
  let version = as === 'self' ? expectStatus(await h.call(scoring.getScoringAssessment, { token, params: { id: assessmentId } }), 200).version : 0;
  let last: any;
  for (const criterionId of CRITERIA) {
    const body = { criterionId, deductions: (deductions[criterionId] ?? []).map((d) => ({ ruleId: d.ruleId, times: d.times ?? 1 })), version };
    last = expectStatus(await h.call(endpoint, { token, params: { id: assessmentId }, body }), 200);
    version = as === 'self' ? last.version : last.reviews.mine.version;
  }
  return last;
};

/** Scores and submits a branch's self-assessment. */
export const submitSelf = async (h: Harness, token: string, assessmentId: string, deductions: Record<string, { ruleId: string; times?: number }[]> = {}) => {
  const scored = await scoreAll(h, token, assessmentId, deductions);
  return expectStatus(await h.call(scoring.submitScoringSelfAssessment, { token, params: { id: assessmentId }, body: { version: scored.version } }), 200);
};

/** Scores and submits a reviewer's review. */
export const submitReview = async (h: Harness, token: string, assessmentId: string, deductions: Record<string, { ruleId: string; times?: number }[]> = {}) => {
  const scored = await scoreAll(h, token, assessmentId, deductions, 'review');
  return expectStatus(await h.call(scoring.submitScoringReview, { token, params: { id: assessmentId }, body: { version: scored.reviews.mine.version } }), 200);
};
