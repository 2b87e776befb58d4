/**
 * The red stewards' rules as tables (issue 11): whole days between China dates across months, years and leap
 * days, the month of a date, coverage rows read cell by cell (the order of the rows, a steward who left the list,
 * the latest visit, help without hours, a compound with work only), and survey results for a known set of
 * answers, option by option and compound by compound.
 */
import { coverageOf, type CoverageHousehold, type CoverageWork } from '../../../shared/stewards/coverage';
import { daysBetween, daysWaiting, isOverdue, maskedName, monthOfDate } from '../../../shared/stewards/households';
import { canMoveSurvey, numberQuestions, optionId, surveyResults, SURVEY_STATUSES, type SurveyQuestion, type SurveyResponse } from '../../../shared/stewards/surveys';

describe('days between China dates', () => {
  it.each([
    ['2026-11-28', '2026-11-28', 0],
    ['2026-11-27', '2026-11-28', 1],
    ['2026-11-28', '2026-11-27', -1],
    // the month and the year are read, not only the day
    ['2026-10-28', '2026-11-28', 31],
    ['2025-11-28', '2026-11-28', 365],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
  ] as const)('%s → %s: %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('overdue is one day past the interval, at the interval’s limits (7 and 180 days)', () => {
    for (const interval of [7, 180]) {
      const on = (ago: number) => new Date(Date.UTC(2026, 10, 28) - ago * 86_400_000).toISOString().slice(0, 10);
      expect(isOverdue({ since: on(interval) }, '2026-11-28', interval)).toBe(false);
      expect(isOverdue({ since: on(interval + 1) }, '2026-11-28', interval)).toBe(true);
      expect(daysWaiting({ since: '2020-01-01', lastVisitDate: on(interval) }, '2026-11-28')).toBe(interval);
    }
  });

  it('a name of two characters and one of many: one star for the first, two for the rest', () => {
    expect(['李明', '张桂兰', '司马相如君'].map(maskedName)).toEqual(['李*', '张**', '司**']);
    expect(maskedName('   ')).toBe('');
  });

  it('the month of a date', () => {
    expect(monthOfDate('2026-11-28')).toBe('2026-11');
    expect(monthOfDate('2027-01-01')).toBe('2027-01');
  });
});

describe('coverage, cell by cell', () => {
  const households: CoverageHousehold[] = [
    // 赵's: the latest visit is not the last listed
    { id: 'h1', compound: '青年新苑', stewardId: 'zhao', since: '2026-01-01', lastVisitDate: '2026-11-20' },
    { id: 'h2', compound: '青年新苑', stewardId: 'zhao', since: '2026-01-01', lastVisitDate: '2026-11-25' },
    { id: 'h3', compound: '青年新苑', stewardId: 'zhao', since: '2026-01-01', lastVisitDate: '2026-11-02' },
    // 钱's: both overdue
    { id: 'h4', compound: '芙蓉小区', stewardId: 'qian', since: '2026-01-01', lastVisitDate: '2026-09-01' },
    { id: 'h5', compound: '芙蓉小区', stewardId: 'qian', since: '2026-10-01' },
    // a steward no longer on the list still has their household counted
    { id: 'h6', compound: '芙蓉小区', stewardId: 'gone', since: '2026-11-01' },
  ];
  const work: CoverageWork[] = [
    { kind: 'visit', householdId: 'h1', compound: '青年新苑', stewardId: 'zhao' },
    { kind: 'visit', householdId: 'h2', compound: '青年新苑', stewardId: 'zhao' },
    { kind: 'visit', householdId: 'h2', compound: '青年新苑', stewardId: 'zhao' },
    { kind: 'livelihood', householdId: 'h1', compound: '青年新苑', stewardId: 'zhao', hours: 0.5 },
    // help recorded without hours counts as help, and as no hours
    { kind: 'mediation', householdId: 'h2', compound: '青年新苑', stewardId: 'zhao' },
    { kind: 'hardship', householdId: 'h4', compound: '芙蓉小区', stewardId: 'qian', hours: 1.5 },
    // a compound with work but no household on any list now
    { kind: 'visit', householdId: 'h9', compound: '安居苑', stewardId: 'sun' },
  ];
  // computed inside each test, not when the file loads: Stryker's per-test coverage sees only what tests run
  const count = () =>
    coverageOf({
    month: '2026-11',
    today: '2026-11-28',
    intervalDays: 30,
    stewards: [
      { id: 'sun', name: '孙建华' },
      { id: 'zhao', name: '赵红梅' },
      { id: 'qian', name: '钱卫国' },
    ],
    households,
    work,
  });

  it('has one row per steward: the most overdue first, then by name in pinyin order (Chinese before Latin); a steward off the list named by id', () => {
    expect(count().stewards).toStrictEqual([
      { steward: { id: 'qian', name: '钱卫国' }, households: 2, overdue: 2, lastVisitDate: '2026-09-01', month: { month: '2026-11', visits: 0, householdsVisited: 0, help: 1, helpHours: 1.5 } },
      { steward: { id: 'sun', name: '孙建华' }, households: 0, overdue: 0, month: { month: '2026-11', visits: 1, householdsVisited: 1, help: 0, helpHours: 0 } },
      { steward: { id: 'zhao', name: '赵红梅' }, households: 3, overdue: 0, lastVisitDate: '2026-11-25', month: { month: '2026-11', visits: 3, householdsVisited: 2, help: 2, helpHours: 0.5 } },
      { steward: { id: 'gone', name: 'gone' }, households: 1, overdue: 0, month: { month: '2026-11', visits: 0, householdsVisited: 0, help: 0, helpHours: 0 } },
    ]);
  });

  it('has one row per compound named by a household or a record, in pinyin order', () => {
    expect(count().compounds).toStrictEqual([
      { compound: '安居苑', households: 0, overdue: 0, visits: 1, help: 0 },
      { compound: '芙蓉小区', households: 3, overdue: 2, visits: 0, help: 1 },
      { compound: '青年新苑', households: 3, overdue: 0, visits: 3, help: 2 },
    ]);
  });

  it('totals the month and the interval it was counted with', () => {
    const c = count();
    expect(c.month).toBe('2026-11');
    expect(c.intervalDays).toBe(30);
    expect(c.totals).toStrictEqual({ households: 6, overdue: 2, visits: 4, help: 3, helpHours: 2 });
  });

  it('adds half hours up to the half hour they are counted in', () => {
    const halves = [0.5, 0.5, 0.5, 1.5, 2.5].map((hours, i): CoverageWork => ({ kind: 'livelihood', householdId: `h${i}`, compound: '甲', stewardId: 's', hours }));
    const out = coverageOf({ month: '2026-11', today: '2026-11-28', intervalDays: 30, stewards: [{ id: 's', name: '甲' }], households: [], work: halves });
    expect(out.totals.helpHours).toBe(5.5);
    expect(out.stewards[0]!.month.helpHours).toBe(5.5);
  });
});

describe('surveys', () => {
  it('numbers questions q1, q2 … and options o1 … o10', () => {
    expect(numberQuestions([{ kind: 'text' }, { kind: 'choice' }, { kind: 'text' }]).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect([0, 1, 9].map(optionId)).toEqual(['o1', 'o2', 'o10']);
  });

  it('moves draft → open → closed, and closed → open again, nothing else', () => {
    const moves = SURVEY_STATUSES.flatMap((from) => SURVEY_STATUSES.filter((to) => canMoveSurvey(from, to)).map((to) => `${from}>${to}`));
    expect(moves).toEqual(['draft>open', 'open>closed', 'closed>open']);
  });

  it('accepts a choice answered with spaces around its option id, and the last option of ten', () => {
    const q = numberQuestions([{ kind: 'choice' as const, text: '选哪个', options: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] }]) as SurveyQuestion[];
    expect(surveyResults(q, []).questions[0]!.options!.map((o) => o.id).at(-1)).toBe('o10');
  });

  it('results for known answers: counts per option overall and per compound, text answers trimmed, by who recorded them', () => {
    const questions = numberQuestions([
      { kind: 'choice' as const, text: '广场舞几点结束？', options: ['20:00', '20:30', '21:00'] },
      { kind: 'text' as const, text: '其他建议', optional: true },
    ]) as SurveyQuestion[];
    const responses: SurveyResponse[] = [
      { answers: { q1: 'o1', q2: ' 早点结束 ' }, compound: '青年新苑', via: 'resident' },
      { answers: { q1: 'o2', q2: '   ' }, compound: '芙蓉小区', via: 'steward' },
      { answers: { q1: 'o1' }, compound: '芙蓉小区', via: 'steward' },
      { answers: { q1: 'o1', q2: '音量小一点' }, compound: '安居苑', via: 'steward' },
    ];
    expect(surveyResults(questions, responses)).toStrictEqual({
      responses: 4,
      byVia: { resident: 1, steward: 3 },
      compounds: ['安居苑', '芙蓉小区', '青年新苑'],
      questions: [
        {
          id: 'q1',
          kind: 'choice',
          text: '广场舞几点结束？',
          options: [
            { id: 'o1', label: '20:00', count: 3 },
            { id: 'o2', label: '20:30', count: 1 },
            { id: 'o3', label: '21:00', count: 0 },
          ],
          perCompound: [
            { compound: '安居苑', counts: [1, 0, 0] },
            { compound: '芙蓉小区', counts: [1, 1, 0] },
            { compound: '青年新苑', counts: [1, 0, 0] },
          ],
        },
        { id: 'q2', kind: 'text', text: '其他建议', answers: ['早点结束', '音量小一点'] },
      ],
    });
  });
});
