import type { stewardsApi } from '../../../../shared/api/stewards';
import { csvFile } from '../../../../shared/csv';
import { SURVEY_STATUS_TEXT, canMoveSurvey, numberQuestions, surveyResults, type SurveyQuestion } from '../../../../shared/stewards/surveys';
import { recordAudit } from '../../audit/trail';
import { createOnce, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { presentSurvey } from '../survey-present';
import { notADraft, staleSurvey, surveyMoveNotAllowed, surveyNotFound } from '../problems';
import { allResponses, getSurvey, listSurveyItems, putNewSurvey, replaceSurvey, responseCounts, type SurveyItem } from '../survey-store';

const questionsOf = (qs: readonly ({ kind: 'choice'; text: string; options: string[] } | { kind: 'text'; text: string; optional: boolean })[]): SurveyQuestion[] =>
  numberQuestions(qs) as SurveyQuestion[];

/** Every survey, drafts too, newest first, with how many answered each. */
export const listAdminSurveys: Handler<typeof stewardsApi.listAdminSurveys> = async (_input, { principal }) => {
  const cid = principal.communityId;
  const surveys = await listSurveyItems(cid);
  const counts = await responseCounts(cid, surveys.map((s) => s.id));
  return { items: surveys.map((s) => presentSurvey(s, { answered: false, responseCount: counts[s.id] ?? 0 })) };
};

export const createSurvey: Handler<typeof stewardsApi.createSurvey> = async ({ body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const id = newItemId('createSurvey', principal, idempotencyKey);
  const at = now.toISOString();
  const item: SurveyItem = {
    id,
    communityId: cid,
    title: body.title,
    ...(body.intro ? { intro: body.intro } : {}),
    questions: questionsOf(body.questions),
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item, put: putNewSurvey, read: () => getSurvey(cid, id) });
  return presentSurvey(stored, { answered: false, responseCount: 0 });
};

/** A draft's whole form, with the version read; once open, questions are fixed (answers refer to them). */
export const updateSurvey: Handler<typeof stewardsApi.updateSurvey> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const current = await getSurvey(cid, params.id);
  if (!current) throw surveyNotFound();
  if (current.version !== body.version) throw staleSurvey();
  if (current.status !== 'draft') throw notADraft();
  const { intro: _old, requestFingerprint: _f, ...rest } = current;
  const next: SurveyItem = { ...rest, title: body.title, ...(body.intro ? { intro: body.intro } : {}), questions: questionsOf(body.questions), version: current.version + 1, updatedAt: now.toISOString() };
  const saved = await replaceSurvey(next, body.version, true);
  if (!saved) throw staleSurvey();
  return presentSurvey(saved, { answered: false, responseCount: 0 });
};

/** Open (residents and stewards see it), close, or open again; on the audit trail. */
export const moveSurvey: Handler<typeof stewardsApi.moveSurvey> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const current = await getSurvey(cid, params.id);
  if (!current) throw surveyNotFound();
  if (current.version !== body.version) throw staleSurvey();
  if (!canMoveSurvey(current.status, body.to)) throw surveyMoveNotAllowed(SURVEY_STATUS_TEXT[current.status], SURVEY_STATUS_TEXT[body.to]);
  const at = now.toISOString();
  const next: SurveyItem = { ...current, status: body.to, version: current.version + 1, updatedAt: at, ...(body.to === 'open' ? { openedAt: at } : { closedAt: at }) };
  const saved = await replaceSurvey(next, body.version, false);
  if (!saved) throw staleSurvey();
  await recordAudit({ action: 'survey-move', actor: principal, at: now, sourceIp, target: { kind: 'survey', id: current.id }, change: `${current.status} → ${body.to}` });
  const counts = await responseCounts(cid, [current.id]);
  return presentSurvey(saved, { answered: false, responseCount: counts[current.id] ?? 0 });
};

const resultsOf = async (cid: string, id: string) => {
  const survey = await getSurvey(cid, id);
  if (!survey) throw surveyNotFound();
  const responses = await allResponses(cid, id);
  return { survey, results: surveyResults(survey.questions, responses) };
};

export const getSurveyResults: Handler<typeof stewardsApi.getSurveyResults> = async ({ params }, { principal }) => {
  const { survey, results } = await resultsOf(principal.communityId, params.id);
  return { survey: presentSurvey(survey, { answered: false, responseCount: results.responses }), ...results };
};

/** One row per choice question, option and compound (and 全部), then each free-text answer: for Excel. */
export const exportSurveyResults: Handler<typeof stewardsApi.exportSurveyResults> = async ({ params }, { principal, now, sourceIp }) => {
  const { survey, results } = await resultsOf(principal.communityId, params.id);
  const rows: (string | number)[][] = [];
  for (const q of results.questions) {
    if (q.kind === 'choice')
      for (const [i, o] of (q.options ?? []).entries()) {
        rows.push([q.text, o.label, '全部', o.count]);
        for (const c of q.perCompound ?? []) rows.push([q.text, o.label, c.compound, c.counts[i]!]);
      }
    else for (const a of q.answers ?? []) rows.push([q.text, a, '', '']);
  }
  await recordAudit({ action: 'survey-export', actor: principal, at: now, sourceIp, target: { kind: 'survey', id: survey.id } });
  return { filename: `民意征集-${survey.title}.csv`, csv: csvFile(['问题', '选项或回答', '小区', '人数'], rows) };
};
