import type { stewardsApi } from '../../../shared/api/stewards';
import { answerProblems } from '../../../shared/stewards/surveys';
import { keyReused, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { presentSurvey } from './survey-present';
import { alreadyAnswered, answerProblemsFound, onlyStewardsGather, surveyNotFound, surveyNotOpen } from './problems';
import { getResponse, getSurvey, listSurveyItems, putResponse, surveyKeys, type ResponseItem } from './survey-store';

/** Whether this person has answered (their own response, not those they gathered as a steward). */
const hasAnswered = async (cid: string, surveyId: string, userId: string) => Boolean(await getResponse(cid, surveyId, surveyKeys.ownResponse(userId)));

/** Open and closed surveys (never drafts), newest first, with whether the caller answered each. */
export const listSurveys: Handler<typeof stewardsApi.listSurveys> = async (_input, { principal }) => {
  const cid = principal.communityId;
  const published = (await listSurveyItems(cid)).filter((s) => s.status !== 'draft');
  const answered = await Promise.all(published.map((s) => hasAnswered(cid, s.id, principal.userId)));
  return { items: published.map((s, i) => presentSurvey(s, { answered: answered[i]! })) };
};

export const getSurveyForAnswer: Handler<typeof stewardsApi.getSurvey> = async ({ params }, { principal }) => {
  const cid = principal.communityId;
  const survey = await getSurvey(cid, params.id);
  if (!survey || survey.status === 'draft') throw surveyNotFound();
  return presentSurvey(survey, { answered: await hasAnswered(cid, survey.id, principal.userId) });
};

/**
 * A resident answers an open survey, once (their id is the response's key: a second answer, or two at once, finds
 * the first); a red steward records an answer gathered on a visit or at a stand, with no name, as many as they
 * gather (a retried request with the same `Idempotency-Key` records it once).
 */
export const answerSurvey: Handler<typeof stewardsApi.answerSurvey> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const survey = await getSurvey(cid, params.id);
  if (!survey || survey.status === 'draft') throw surveyNotFound();
  if (body.gathered && !principal.roles.includes('steward')) throw onlyStewardsGather();
  if (survey.status !== 'open') throw surveyNotOpen();
  const problems = answerProblems(survey.questions, body.answers);
  if (problems.length) throw answerProblemsFound(problems);
  const answers = Object.fromEntries(Object.entries(body.answers).filter(([, a]) => a.trim()));
  const id = newItemId(`answerSurvey\n${survey.id}`, principal, idempotencyKey);
  const response: ResponseItem = {
    id,
    answers,
    compound: body.compound,
    via: body.gathered ? 'steward' : 'resident',
    at: now.toISOString(),
    recordedById: principal.userId,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const sk = body.gathered ? surveyKeys.gatheredResponse(id) : surveyKeys.ownResponse(principal.userId);
  if (!(await putResponse(cid, survey.id, sk, response))) {
    // the same request again (a retry with its key) is answered as the first was; anything else is a second answer
    const existing = await getResponse(cid, survey.id, sk);
    const retry = Boolean(idempotencyKey) && existing?.id === id;
    if (retry && existing?.requestFingerprint !== response.requestFingerprint) throw keyReused();
    if (!retry) throw alreadyAnswered();
  }
  return presentSurvey(survey, { answered: body.gathered ? await hasAnswered(cid, survey.id, principal.userId) : true });
};
