/**
 * Opinion collection (民意收集): the committee publishes a short question set; stewards record answers gathered
 * on visits or at a stand (no names needed), and residents answer themselves. Pure: which answers a survey
 * accepts, how a survey moves, and the results per question and per compound.
 */

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const SURVEY_STATUS_TEXT: Record<SurveyStatus, string> = { draft: '草稿', open: '征集中', closed: '已结束' };

/** draft → open → closed; a closed survey may open again (a late stand), a draft is never closed unseen. */
export const SURVEY_MOVES: Record<SurveyStatus, readonly SurveyStatus[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };
export const canMoveSurvey = (from: SurveyStatus, to: SurveyStatus): boolean => SURVEY_MOVES[from].includes(to);

export const MAX_QUESTIONS = 20;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

export type SurveyQuestion =
  | { id: string; kind: 'choice'; text: string; options: string[] }
  | { id: string; kind: 'text'; text: string; optional: boolean };

/** Questions as the committee typed them, numbered `q1`, `q2` … in their order (answers name them so). */
export const numberQuestions = <Q extends { kind: 'choice' | 'text' }>(qs: readonly Q[]): (Q & { id: string })[] => qs.map((q, i) => ({ ...q, id: `q${i + 1}` }));

/** A choice's id as answers give it: `o1` … `o10`. */
export const optionId = (index: number): string => `o${index + 1}`;

export type AnswerProblem = { questionId: string; message: string };

/**
 * What is wrong with a set of answers to these questions: a choice question unanswered or answered with no such
 * option, a required text left empty, an answer to no question. Empty: it may be stored.
 */
export const answerProblems = (questions: readonly SurveyQuestion[], answers: Readonly<Record<string, string>>): AnswerProblem[] => {
  const problems: AnswerProblem[] = [];
  for (const q of questions) {
    const a = answers[q.id]?.trim() ?? '';
    if (q.kind === 'choice') {
      if (!a) problems.push({ questionId: q.id, message: '请选择一项' });
      else if (!q.options.some((_, i) => optionId(i) === a)) problems.push({ questionId: q.id, message: '没有这个选项' });
    } else if (!a && !q.optional) problems.push({ questionId: q.id, message: '请填写' });
  }
  for (const id of Object.keys(answers)) if (!questions.some((q) => q.id === id)) problems.push({ questionId: id, message: '没有这个问题' });
  return problems;
};

export interface SurveyResponse {
  answers: Readonly<Record<string, string>>;
  compound: string;
  via: 'resident' | 'steward';
}

export interface QuestionResult {
  id: string;
  kind: 'choice' | 'text';
  text: string;
  /** Choice questions: each option's count, overall and per compound (compounds in name order). */
  options?: { id: string; label: string; count: number }[];
  perCompound?: { compound: string; counts: number[] }[];
  /** Text questions: the answers given (not empty), in the order received. */
  answers?: string[];
}

export const surveyResults = (questions: readonly SurveyQuestion[], responses: readonly SurveyResponse[]) => {
  const compounds = [...new Set(responses.map((r) => r.compound))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const results: QuestionResult[] = questions.map((q) => {
    if (q.kind === 'text') return { id: q.id, kind: 'text', text: q.text, answers: responses.map((r) => r.answers[q.id]?.trim() ?? '').filter(Boolean) };
    const countIn = (rs: readonly SurveyResponse[]) => q.options.map((_, i) => rs.filter((r) => r.answers[q.id] === optionId(i)).length);
    const overall = countIn(responses);
    return {
      id: q.id,
      kind: 'choice',
      text: q.text,
      options: q.options.map((label, i) => ({ id: optionId(i), label, count: overall[i]! })),
      perCompound: compounds.map((compound) => ({ compound, counts: countIn(responses.filter((r) => r.compound === compound)) })),
    };
  });
  return {
    responses: responses.length,
    byVia: { resident: responses.filter((r) => r.via === 'resident').length, steward: responses.filter((r) => r.via === 'steward').length },
    compounds,
    questions: results,
  };
};
