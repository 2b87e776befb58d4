/** Opinion collection's rules: which answers a question set accepts, how a survey moves, results that add up. */
import fc from 'fast-check';
import { SURVEY_STATUSES, answerProblems, canMoveSurvey, numberQuestions, optionId, surveyResults, type SurveyQuestion } from '../../../shared/stewards/surveys';

const QUESTIONS: SurveyQuestion[] = numberQuestions([
  { kind: 'choice' as const, text: '几点结束？', options: ['20:00', '20:30'] },
  { kind: 'text' as const, text: '建议', optional: true },
  { kind: 'text' as const, text: '您的看法', optional: false },
]) as SurveyQuestion[];

describe('answers', () => {
  it.each([
    [{ q1: 'o1', q3: '好' }, []],
    [{ q1: 'o2', q2: '  ', q3: '好' }, []],
    [{ q3: '好' }, [['q1', '请选择一项']]],
    [{ q1: 'o3', q3: '好' }, [['q1', '没有这个选项']]],
    [{ q1: 'o1', q3: '   ' }, [['q3', '请填写']]],
    [{ q1: 'o1', q3: '好', q4: '多余' }, [['q4', '没有这个问题']]],
    [{}, [['q1', '请选择一项'], ['q3', '请填写']]],
  ] as const)('%j → %j', (answers, expected) => {
    expect(answerProblems(QUESTIONS, answers).map((p) => [p.questionId, p.message])).toEqual(expected);
  });
});

describe('moves', () => {
  const allowed = new Set(['draft>open', 'open>closed', 'closed>open']);
  it.each(SURVEY_STATUSES.flatMap((from) => SURVEY_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMoveSurvey(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});

describe('results', () => {
  it('count each option overall and per compound; per-compound counts add up to the overall ones', () => {
    const response = fc.record({
      answers: fc.record({ q1: fc.constantFrom(optionId(0), optionId(1)), q3: fc.constantFrom('好', '一般') }),
      compound: fc.constantFrom('甲小区', '乙小区', '丙小区'),
      via: fc.constantFrom('resident' as const, 'steward' as const),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), (responses) => {
        const r = surveyResults(QUESTIONS, responses);
        expect(r.responses).toBe(responses.length);
        expect(r.byVia.resident + r.byVia.steward).toBe(responses.length);
        const choice = r.questions[0]!;
        expect(choice.options!.reduce((n, o) => n + o.count, 0)).toBe(responses.length);
        choice.options!.forEach((o, i) => expect(choice.perCompound!.reduce((n, c) => n + c.counts[i]!, 0)).toBe(o.count));
        expect(r.questions[2]!.answers).toHaveLength(responses.length);
      }),
    );
  });
});
