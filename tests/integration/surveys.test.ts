/**
 * Opinion collection (民意收集) through the API (issue 12): the committee drafts a question set and opens it;
 * residents answer once; red stewards record answers they gathered (no names); results per question and per
 * compound, and as CSV. Each route: valid, bad input, no token, the wrong role, another community; the store
 * holds exactly the responses that were accepted.
 */
import { api } from '../../shared/api';
import { Harness, isProblem } from '../support/harness';
import { expectStatus, person, type Person } from './council-fixtures';

const { stewards } = api;
let h: Harness;
let committee: string;
let steward: Person;
let residents: Person[];

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  steward = await person('赵红梅', ['steward']);
  residents = await Promise.all(['钱一', '孙二', '李三'].map((n) => person(n)));
}, 60_000);
afterAll(() => h.close());

const problem = (r: { status: number; body: any; headers: Headers }, status: number, type?: string) => {
  expect(isProblem(r as never, status)).toBe(true);
  if (type) expect(r.body.type).toBe(`urn:gongzhi:problem:${type}`);
};

const SURVEY = {
  title: '广场舞时间安排意见',
  intro: '请说说您对晚间广场舞时间的看法。',
  questions: [
    { kind: 'choice', text: '晚上广场舞几点结束合适？', options: ['20:00', '20:30', '21:00'] },
    { kind: 'text', text: '其他建议', optional: true },
  ],
};

const openSurvey = async () => {
  const draft = expectStatus(await h.call(stewards.createSurvey, { token: committee, body: SURVEY }), 201);
  return expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'open', version: draft.version } }), 200);
};

/** The survey's response items as stored. */
const storedResponses = async (id: string) =>
  ((await h.snapshot()).stewards as { pk: { S: string }; sk: { S: string } }[]).filter((i) => i.pk.S.endsWith(`#SURVEY#${id}`) && i.sk.S.startsWith('RESPONSE#'));

describe('the committee’s question sets', () => {
  it('drafts one (questions numbered), changes it while a draft, opens it — then its questions are fixed', async () => {
    const draft = expectStatus(await h.call(stewards.createSurvey, { token: committee, body: SURVEY }), 201);
    expect(draft).toMatchObject({ status: 'draft', version: 1, responseCount: 0 });
    expect(draft.questions).toEqual([
      { id: 'q1', kind: 'choice', text: '晚上广场舞几点结束合适？', options: [{ id: 'o1', label: '20:00' }, { id: 'o2', label: '20:30' }, { id: 'o3', label: '21:00' }] },
      { id: 'q2', kind: 'text', text: '其他建议', optional: true },
    ]);
    // residents do not see drafts
    problem(await h.call(stewards.getSurvey, { token: residents[0]!.token, params: { id: draft.id } }), 404);
    expect(expectStatus(await h.call(stewards.listSurveys, { token: residents[0]!.token }), 200).items.map((s: { id: string }) => s.id)).not.toContain(draft.id);

    const edited = expectStatus(await h.call(stewards.updateSurvey, { token: committee, params: { id: draft.id }, body: { ...SURVEY, title: '广场舞时间意见征集', version: 1 } }), 200);
    expect(edited).toMatchObject({ title: '广场舞时间意见征集', version: 2 });
    problem(await h.call(stewards.updateSurvey, { token: committee, params: { id: draft.id }, body: { ...SURVEY, version: 1 } }), 409, 'stale-version');
    const opened = expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'open', version: 2 } }), 200);
    expect(opened).toMatchObject({ status: 'open', version: 3 });
    problem(await h.call(stewards.updateSurvey, { token: committee, params: { id: draft.id }, body: { ...SURVEY, version: 3 } }), 409, 'not-a-draft');
  });

  it('moves draft → open → closed → open, never a draft closed or back to draft', async () => {
    const draft = expectStatus(await h.call(stewards.createSurvey, { token: committee, body: SURVEY }), 201);
    problem(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'closed', version: 1 } }), 409, 'transition-not-allowed');
    const open = expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'open', version: 1 } }), 200);
    problem(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'draft', version: open.version } }), 409, 'transition-not-allowed');
    const closed = expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'closed', version: open.version } }), 200);
    expect(expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: draft.id }, body: { to: 'open', version: closed.version } }), 200).status).toBe('open');
  });

  it('refuses bad question sets at their limits, the wrong roles and no token', async () => {
    const choice = (n: number) => ({ kind: 'choice', text: '问题', options: Array.from({ length: n }, (_, i) => `选项${i + 1}`) });
    expectStatus(await h.call(stewards.createSurvey, { token: committee, body: { title: '二十个问题', questions: Array.from({ length: 20 }, () => choice(10)) } }), 201);
    problem(await h.call(stewards.createSurvey, { token: committee, body: { title: '二十一个问题', questions: Array.from({ length: 21 }, () => choice(2)) } }), 400);
    problem(await h.call(stewards.createSurvey, { token: committee, body: { title: '十一个选项', questions: [choice(11)] } }), 400);
    problem(await h.call(stewards.createSurvey, { token: committee, body: { title: '一个选项', questions: [choice(1)] } }), 400);
    problem(await h.call(stewards.createSurvey, { token: committee, body: { title: '重复', questions: [{ kind: 'choice', text: '问题', options: ['是', '是'] }] } }), 400);
    problem(await h.call(stewards.createSurvey, { token: committee, body: { title: '没有问题', questions: [] } }), 400);
    problem(await h.call(stewards.createSurvey, { token: steward.token, body: SURVEY }), 403);
    problem(await h.call(stewards.createSurvey, { token: residents[0]!.token, body: SURVEY }), 403);
    problem(await h.call(stewards.createSurvey, { body: SURVEY }), 401);
  });
});

describe('answers', () => {
  it('a resident answers once — two at once leave one response; a steward records many gathered answers', async () => {
    const s = await openSurvey();
    const [a, b] = await Promise.all(
      [0, 1].map(() => h.call(stewards.answerSurvey, { token: residents[0]!.token, params: { id: s.id }, body: { answers: { q1: 'o2', q2: '希望周末可以晚一点' }, compound: '青年新苑' } })),
    );
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect(expectStatus(await h.call(stewards.getSurvey, { token: residents[0]!.token, params: { id: s.id } }), 200).answered).toBe(true);
    expectStatus(await h.call(stewards.answerSurvey, { token: residents[1]!.token, params: { id: s.id }, body: { answers: { q1: 'o1' }, compound: '芙蓉小区' } }), 201);
    for (const choice of ['o2', 'o2', 'o3'])
      expectStatus(await h.call(stewards.answerSurvey, { token: steward.token, params: { id: s.id }, body: { answers: { q1: choice }, compound: '芙蓉小区', gathered: true } }), 201);
    // a steward's gathered answers are not their own: they may still answer for themselves
    expect(expectStatus(await h.call(stewards.getSurvey, { token: steward.token, params: { id: s.id } }), 200).answered).toBe(false);
    expect(await storedResponses(s.id)).toHaveLength(5);

    const results = expectStatus(await h.call(stewards.getSurveyResults, { token: committee, params: { id: s.id } }), 200);
    expect(results).toMatchObject({ responses: 5, byVia: { resident: 2, steward: 3 }, compounds: ['芙蓉小区', '青年新苑'] });
    expect(results.questions[0].options.map((o: { count: number }) => o.count)).toEqual([1, 3, 1]);
    expect(results.questions[0].perCompound).toEqual([
      { compound: '芙蓉小区', counts: [1, 2, 1] },
      { compound: '青年新苑', counts: [0, 1, 0] },
    ]);
    expect(results.questions[1].answers).toEqual(['希望周末可以晚一点']);

    const file = expectStatus(await h.call(stewards.exportSurveyResults, { token: committee, params: { id: s.id } }), 200);
    expect(file.csv.startsWith('\uFEFF问题,选项或回答,小区,人数\r\n')).toBe(true);
    expect(file.csv).toContain('晚上广场舞几点结束合适？,20:30,全部,3');
    expect(file.csv).toContain('晚上广场舞几点结束合适？,20:30,芙蓉小区,2');
  });

  it('refuses answers that do not fit, a closed survey, gathering by a resident — writing nothing', async () => {
    const s = await openSurvey();
    const answer = (token: string, body: Record<string, unknown>) => h.call(stewards.answerSurvey, { token, params: { id: s.id }, body: { compound: '青年新苑', ...body } });
    const r = await answer(residents[2]!.token, { answers: { q2: '没意见' } });
    problem(r, 422, 'answer-problems');
    expect(r.body.errors).toEqual([{ location: 'body', path: 'answers.q1', message: '请选择一项' }]);
    problem(await answer(residents[2]!.token, { answers: { q1: 'o4' } }), 422, 'answer-problems');
    problem(await answer(residents[2]!.token, { answers: { q1: 'o1', q9: '多余' } }), 422, 'answer-problems');
    problem(await answer(residents[2]!.token, { answers: { q1: 'o1', q2: '长'.repeat(501) } }), 400);
    problem(await answer(residents[2]!.token, { answers: { q1: 'o1' }, gathered: true }), 403);
    problem(await answer(committee, { answers: { q1: 'o1' } }), 403);
    problem(await h.call(stewards.answerSurvey, { params: { id: s.id }, body: { answers: { q1: 'o1' }, compound: '青年新苑' } }), 401);
    const closed = expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: s.id }, body: { to: 'closed', version: s.version } }), 200);
    expect(closed.status).toBe('closed');
    problem(await answer(residents[2]!.token, { answers: { q1: 'o1' } }), 409, 'survey-not-open');
    expect(await storedResponses(s.id)).toHaveLength(0);
    // a 500-character answer fits
    const reopened = expectStatus(await h.call(stewards.moveSurvey, { token: committee, params: { id: s.id }, body: { to: 'open', version: closed.version } }), 200);
    expect(reopened.status).toBe('open');
    expectStatus(await answer(residents[2]!.token, { answers: { q1: 'o1', q2: '长'.repeat(500) } }), 201);
  });

  it('another community finds nothing and answers nothing', async () => {
    const s = await openSurvey();
    const outsider = await person('外社区居民', ['resident'], 'other-community');
    problem(await h.call(stewards.getSurvey, { token: outsider.token, params: { id: s.id } }), 404);
    problem(await h.call(stewards.answerSurvey, { token: outsider.token, params: { id: s.id }, body: { answers: { q1: 'o1' }, compound: '青年新苑' } }), 404);
    const outsiderStaff = await person('外社区工作人员', ['committee'], 'other-community');
    problem(await h.call(stewards.getSurveyResults, { token: outsiderStaff.token, params: { id: s.id } }), 404);
    expect(await storedResponses(s.id)).toHaveLength(0);
  });
});
