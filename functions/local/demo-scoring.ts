import { randomUUID } from 'node:crypto';
import { DEFAULT_SHEET } from '../../shared/scoring/default-sheet';
import { problemsOf } from '../../shared/scoring/problems';
import { assess, type CriterionEntry } from '../../shared/scoring/rules';
import { criteriaOf } from '../../shared/scoring/sheet';
import type { PeriodStatus } from '../../shared/scoring/status';
import type { SessionKind } from '../../shared/scoring/studio';
import { chinaDate } from '../src/feedback/china-time';
import { getLogin } from '../src/identity/store';
import {
  assessmentIdOf,
  putAssessmentIfAbsent,
  putMeasure,
  putMeeting,
  putNewPeriod,
  putNewReview,
  putSession,
  putStudioMember,
  putTask,
  submitReview,
  type AssessmentItem,
  type MeasureItem,
  type PeriodItem,
  type Proposal,
  type ResultItem,
  type StoredEntry,
  type StudioMemberItem,
  type WorkingGroupMember,
} from '../src/scoring/store';

/**
 * The demo community's branch star rating (the seed: 17 branches; after self-assessment 15 three-star and 2
 * two-star; the deductions mainly in 运行质效, 服务群众 and 保障过硬; problem lists, rectification, the working group's
 * re-check) and the Old Secretary Studio. Last year's period is final: every branch self-assessed, was reviewed by
 * two members of the working group and given its star by the lead, with meetings, problems, measures and key tasks;
 * this year's period is in self-assessment, a few branches submitted. Written through the same store functions the
 * API uses, with past timestamps; deterministic.
 */

const COMMITTEE = '社区工作人员 陈静';
const DAY = 86_400_000;

/** Deductions in the order branches lose points: mostly 运行质效, 服务群众, 保障过硬, a little elsewhere. */
const POOL: { criterionId: string; ruleId: string }[] = [
  { criterionId: 'party-rules', ruleId: 'general-meeting' },
  { criterionId: 'home-visits', ruleId: 'visits-short' },
  { criterionId: 'venue', ruleId: 'not-open' },
  { criterionId: 'key-tasks', ruleId: 'no-summary' },
  { criterionId: 'problem-help', ruleId: 'unanswered' },
  { criterionId: 'funds', ruleId: 'rules-not-posted' },
  { criterionId: 'party-rules', ruleId: 'three-one' },
  { criterionId: 'records', ruleId: 'missing-records' },
  { criterionId: 'satisfaction', ruleId: 'complaints' },
  { criterionId: 'home-visits', ruleId: 'no-visit-log' },
  { criterionId: 'key-tasks', ruleId: 'not-done' },
  { criterionId: 'funds', ruleId: 'funds-misused' },
  { criterionId: 'problem-help', ruleId: 'no-opinions' },
  { criterionId: 'party-rules', ruleId: 'party-day' },
  { criterionId: 'venue', ruleId: 'no-venue' },
  { criterionId: 'member-education', ruleId: 'low-attendance' },
  { criterionId: 'secretary-duties', ruleId: 'no-talks' },
];

const rules = new Map(criteriaOf(DEFAULT_SHEET).flatMap((k) => k.deductions.map((d) => [`${k.id}.${d.id}`, { ...d, maxPoints: k.maxPoints }])));

/**
 * Entries that lose exactly `lose` points, taking deductions from the pool from `offset` on (each rule as often as
 * it may apply, no criterion below 0), every criterion scored.
 */
const entriesLosing = (lose: number, offset: number): Record<string, StoredEntry> => {
  const entries: Record<string, StoredEntry> = Object.fromEntries(criteriaOf(DEFAULT_SHEET).map((k) => [k.id, { deductions: [] }]));
  const lost = new Map<string, number>();
  let left = lose;
  for (let round = 0; left > 0 && round < 4; round++)
    for (let i = 0; i < POOL.length && left > 0; i++) {
      const { criterionId, ruleId } = POOL[(i + offset) % POOL.length]!;
      const rule = rules.get(`${criterionId}.${ruleId}`)!;
      const entry = entries[criterionId]!;
      const chosen = entry.deductions.find((d) => d.ruleId === ruleId);
      const taken = lost.get(criterionId) ?? 0;
      if ((chosen?.times ?? 0) >= rule.maxTimes || rule.points > left || taken + rule.points > rule.maxPoints) continue;
      if (chosen) chosen.times++;
      else entry.deductions.push({ ruleId, times: 1 });
      lost.set(criterionId, taken + rule.points);
      left -= rule.points;
    }
  return entries;
};

/** Last year's totals: 15 branches in 70–79 (★★★), two in 60–69 (★★), as the seed has them. */
const lastYearTotal = (i: number) => (i === 13 || i === 15 ? 64 + (i % 3) : 71 + ((i * 3) % 8));

const MEASURES: Record<string, string> = {
  'party-rules': '制定全年“三会一课”和支部大会计划表，每月第一周召开，会后三天内整理记录',
  'home-visits': '红色小管家分片包户，每季度走访全覆盖，走访情况登记台账',
  venue: '党群服务站周末安排党员轮流值守，开放时间上墙公示',
  'key-tasks': '每项任务年中、年末各写一次总结，交工作小组审阅',
  'problem-help': '居民反映的问题 3 个工作日内答复，每周汇总一次办理情况',
  funds: '工作经费和制度上墙公示，每季度公开一次支出',
  records: '指定组织委员管理台账，每月检查一次',
  satisfaction: '对投诉逐件回访，召开居民座谈会听取意见',
  'member-education': '建立党员参加组织生活签到制度，缺席的个别谈话',
  'secretary-duties': '书记每季度与支委、党员开展谈心谈话',
};

type Person = { id: string; name: string };

export const loadDemoScoring = async (opts: {
  communityId: string;
  now: Date;
  /** Demo people by name → account id (residents and red stewards). */
  people: ReadonlyMap<string, string>;
  branches: readonly string[];
  stewards: readonly string[];
}): Promise<void> => {
  const { communityId: cid, now } = opts;
  const at = (daysAgo: number, hour = 10) => new Date(now.getTime() - daysAgo * DAY + (hour - 10) * 3_600_000).toISOString();
  const person = (name: string): Person => ({ id: opts.people.get(name)!, name });
  const committee = await getLogin(cid, 'staff', 'committee');
  const year = Number(chinaDate(now).slice(0, 4));
  const branches = opts.branches.map((name, i) => ({ id: String(i + 1).padStart(2, '0'), name }));
  // the first 17 red stewards are the branches' secretaries; two more are the working group's reviewers
  const secretaries = Object.fromEntries(branches.map((b, i) => [b.id, { ...person(opts.stewards[i]!), assignedAt: at(160) }]));
  const reviewers = [person(opts.stewards[17]!), person(opts.stewards[18]!)];
  const workingGroup: WorkingGroupMember[] = [
    ...reviewers.map((r) => ({ id: randomUUID(), name: r.name, userId: r.id, branchIds: branches.map((b) => b.id), lead: false, assignedAt: at(160) })),
    { id: randomUUID(), name: COMMITTEE, ...(committee ? { userId: committee.userId } : {}), branchIds: [], lead: true, assignedAt: at(160) },
  ];
  const lead = { id: committee?.userId ?? 'committee', name: COMMITTEE };

  const period = async (p: { name: string; year: number; createdDaysAgo: number; status: PeriodStatus; moves: [PeriodStatus, number][] }): Promise<PeriodItem> => {
    const created = at(p.createdDaysAgo);
    const item: PeriodItem = {
      id: randomUUID(),
      communityId: cid,
      name: p.name,
      startDate: `${p.year}-01-01`,
      endDate: `${p.year}-12-31`,
      status: p.status,
      version: 1 + p.moves.length,
      createdAt: created,
      updatedAt: created,
      createdByName: COMMITTEE,
      branches,
      secretaries: Object.fromEntries(Object.entries(secretaries).map(([b, s]) => [b, { name: s.name, userId: s.id, assignedAt: created }])),
      workingGroup,
      announcementDays: 7,
      sheet: structuredClone(DEFAULT_SHEET),
      history: [
        { at: created, from: null, to: 'setup', byName: COMMITTEE },
        ...p.moves.map(([to, daysAgo], i) => ({ at: at(daysAgo), from: (i === 0 ? 'setup' : p.moves[i - 1]![0]) as PeriodStatus, to, byName: COMMITTEE })),
      ],
    };
    const announced = p.moves.find(([to]) => to === 'announcement');
    if (announced) item.announcement = { startsAt: at(announced[1]), endsAt: new Date(Date.parse(at(announced[1])) + 7 * DAY).toISOString() };
    await putNewPeriod(item);
    return item;
  };

  /**
   * A branch's assessment written whole, as the API would have left it: its entries (those in `only`, if given),
   * submitted `submittedDaysAgo` with its proposal and problem list (or a draft), and its result. One write, so the
   * demo loads fast (every test file loads it).
   */
  const assessment = async (
    p: PeriodItem,
    branch: { id: string; name: string },
    entries: Record<string, StoredEntry>,
    opts: { submittedDaysAgo?: number; only?: readonly string[]; result?: (proposed: Proposal) => Omit<ResultItem, 'proposed'> } = {},
  ): Promise<AssessmentItem> => {
    const kept = Object.fromEntries(Object.entries(entries).filter(([id]) => !opts.only || opts.only.includes(id)));
    const computed = assess(p.sheet, { entries: kept, vetoes: [], bonuses: [] });
    const proposed = { total: computed.total, star: computed.star };
    const submitted = opts.submittedDaysAgo !== undefined;
    const a: AssessmentItem = {
      id: assessmentIdOf(cid, p.id, branch.id),
      communityId: cid,
      periodId: p.id,
      periodCreatedAt: p.createdAt,
      branchId: branch.id,
      branchName: branch.name,
      status: submitted ? 'submitted' : 'draft',
      version: 1 + Object.keys(kept).length + (submitted ? 1 : 0),
      entries: kept,
      vetoes: [],
      bonuses: [],
      ...(submitted
        ? { proposed, problemKeys: problemsOf(p.sheet, kept).map((x) => x.key), submittedAt: at(opts.submittedDaysAgo!), submittedByName: secretaries[branch.id]!.name }
        : {}),
      ...(opts.result ? { result: { ...opts.result(proposed), proposed } } : {}),
      createdAt: p.createdAt,
      updatedAt: at(opts.submittedDaysAgo ?? 3),
    };
    await putAssessmentIfAbsent(a);
    return a;
  };

  const tasks = async (p: PeriodItem, daysAgo: number, filled: (i: number) => number) => {
    const list = [
      { title: '落实“三会一课”和支部大会制度', plan: '制定全年组织生活计划，每月第一周召开支委会', execution: '全年召开支部大会 4 次、党课 4 次', summary: '组织生活基本按计划开展，个别月份延后' },
      { title: '开展“红色小管家”走访入户', plan: '红色小管家分片包户，每季度走访一遍', execution: '走访居民 320 户，收集意见 46 条', summary: '走访覆盖面提高，意见办理还需加快' },
    ];
    const writes: Promise<void>[] = [];
    for (const [i, b] of branches.entries())
      for (const [n, t] of list.entries()) {
        const stages = filled(i) - n;
        const stage = (text: string, k: number) => (stages > k ? { text, at: at(daysAgo - 10 * k), byName: secretaries[b.id]!.name } : undefined);
        const plan = stage(t.plan, 0);
        const execution = stage(t.execution, 1);
        const summary = stage(t.summary, 2);
        writes.push(putTask(cid, p.id, {
          id: randomUUID(),
          assessmentId: assessmentIdOf(cid, p.id, b.id),
          branchId: b.id,
          title: t.title,
          dueDate: `${p.startDate.slice(0, 4)}-12-15`,
          ...(plan ? { plan } : {}),
          ...(execution ? { execution } : {}),
          ...(summary ? { summary } : {}),
          version: 1 + [plan, execution, summary].filter(Boolean).length,
          createdAt: at(daysAgo + 5),
          createdByName: COMMITTEE,
        }));
      }
    await Promise.all(writes);
  };

  /** Last year, one branch: self-assessed, reviewed twice, its star set by the lead, its meeting and measures. */
  const lastYearOf = async (last: PeriodItem, b: { id: string; name: string }, i: number) => {
    const entries = entriesLosing(100 - lastYearTotal(i), i * 5);
    // on 3 branches one reviewer takes a point more off a criterion of 保障过硬 or 运行质效 (the lead agrees)
    const stricter = i % 6 === 1;
    const a = await assessment(last, b, entries, {
      submittedDaysAgo: 140 - (i % 5),
      result: (proposed) => ({
        total: stricter ? proposed.total - 1 : proposed.total,
        star: proposed.star,
        ...(stricter ? { reason: '复核发现个别项目与自评不符，核减 1 分，星级不变' } : {}),
        at: at(127),
        byName: lead.name,
        byId: lead.id,
        reviewsCounted: 2,
      }),
    });
    const scores = assess(last.sheet, { entries, vetoes: [], bonuses: [] }).criteria;
    const docked = ['records', 'funds', 'venue'].map((id) => scores.find((c) => c.criterionId === id)!).sort((x, y) => y.score - x.score)[0]!;
    const reviews = reviewers.map(async (r, n) => {
      const reviewEntries: Record<string, CriterionEntry> = structuredClone(entries);
      if (stricter && n === 1) reviewEntries[docked.criterionId] = { ...reviewEntries[docked.criterionId]!, score: docked.score - 1 };
      const review = {
        assessmentId: a.id,
        memberId: workingGroup[n]!.id,
        reviewerName: r.name,
        reviewerId: r.id,
        branchId: b.id,
        status: 'draft' as const,
        version: 1,
        entries: reviewEntries,
        vetoes: [],
        bonuses: [],
        ...(stricter && n === 1 ? { note: '现场查看台账和阵地，个别项目与自评不符' } : {}),
        createdAt: at(132),
        updatedAt: at(132),
      };
      await putNewReview(cid, review);
      await submitReview(cid, review, last.id, 1, at(130 - n));
    });

    // the branch meeting heard the members on the problem list; measures on the main problems
    const problems = problemsOf(last.sheet, a.entries);
    const meeting = putMeeting(cid, a.id, {
      id: randomUUID(),
      date: chinaDate(at(138 - (i % 5))),
      attendeeCount: 15 + ((i * 7) % 20),
      minutes: `支部大会通报自评结果（${a.proposed!.total} 分），征求党员意见，逐项研究问题清单和整改措施。`,
      problemKeys: problems.map((x) => x.key),
      recordedAt: at(137 - (i % 5)),
      recordedByName: secretaries[b.id]!.name,
    });
    const measures = problems.slice(0, 3).map((problem, n) => {
      const owner = n === 0 ? secretaries[b.id]!.name : '组织委员';
      // the first two were worked on (most done); the third of every fourth branch ran past its deadline
      const started = n < 2 ? [{ at: at(100), byName: owner, text: '已制定计划并开始落实', done: false }] : [];
      const done = n === 0 || (n === 1 && i % 3 !== 0) ? [{ at: at(70), byName: owner, text: '整改完成，已向工作小组报告', done: true }] : [];
      const measure: MeasureItem = {
        id: randomUUID(),
        assessmentId: a.id,
        branchId: b.id,
        problemKey: problem.key,
        measure: MEASURES[problem.criterionId] ?? '明确责任人，按期整改',
        ownerName: owner,
        deadline: chinaDate(at(n === 2 && i % 4 === 0 ? 20 : n === 2 ? -30 : 60)),
        updates: [...started, ...done],
        ...(done.length ? { doneAt: done[0]!.at } : {}),
        version: 1 + started.length + done.length,
        createdAt: at(136),
        createdByName: secretaries[b.id]!.name,
      };
      return putMeasure(cid, last.id, measure);
    });
    await Promise.all([...reviews, meeting, ...measures]);
  };

  // ---- last year: final, 15 × ★★★ and 2 × ★★
  const last = await period({
    name: `${year - 1}年度`,
    year: year - 1,
    createdDaysAgo: 160,
    status: 'final',
    moves: [
      ['self-assessment', 150],
      ['review', 135],
      ['announcement', 125],
      ['final', 117],
    ],
  });
  await tasks(last, 150, () => 4);
  await Promise.all(branches.map((b, i) => lastYearOf(last, b, i)));

  // ---- this year: in self-assessment; four branches submitted (better than last year), three drafting
  const current = await period({ name: `${year}年度`, year, createdDaysAgo: 40, status: 'self-assessment', moves: [['self-assessment', 30]] });
  await tasks(current, 35, (i) => (i < 8 ? 2 : i < 14 ? 1 : 0));
  await Promise.all(
    branches.map((b, i) => {
      const entries = entriesLosing(i < 2 ? 14 + i * 3 : 100 - lastYearTotal(i) - 4, i * 5 + 2);
      if (i < 4) return assessment(current, b, entries, { submittedDaysAgo: 6 - i });
      // three branches are halfway; the rest have not started
      return assessment(current, b, entries, { only: i < 7 ? criteriaOf(DEFAULT_SHEET).slice(0, 4 + i).map((k) => k.id) : [] });
    }),
  );

  // ---- the Old Secretary Studio
  const studio: { name: string; account?: string; formerPost: string; health: string; strengths: string; status: StudioMemberItem['status']; daysAgo: number }[] = [
    { name: '王建国', account: '王建国', formerPost: '原青年新苑第一党支部书记', health: '身体健康，可参加入户走访', strengths: '熟悉党务工作，擅长讲党课', status: 'member', daysAgo: 200 },
    { name: '张桂兰', account: '张桂兰', formerPost: '原望湖小区党支部书记', health: '身体较好', strengths: '调解邻里纠纷经验丰富，了解广场舞队伍', status: 'member', daysAgo: 200 },
    { name: opts.stewards[14]!, account: opts.stewards[14]!, formerPost: '原紫云小区党支部书记', health: '身体健康', strengths: '政策宣讲，帮扶困难群众', status: 'member', daysAgo: 190 },
    { name: '周德福', formerPost: '原居民第二小组党支部书记', health: '腰腿不好，不宜久站，可参加座谈', strengths: '熟悉老旧小区改造政策', status: 'invited', daysAgo: 20 },
    { name: '孙桂英', formerPost: '原芙蓉小区党支部书记', health: '术后康复中，暂不邀请', strengths: '善于做群众思想工作', status: 'listed', daysAgo: 15 },
  ];
  const path: Record<StudioMemberItem['status'], StudioMemberItem['status'][]> = {
    listed: ['listed'],
    invited: ['listed', 'invited'],
    member: ['listed', 'invited', 'member'],
    declined: ['listed', 'invited', 'declined'],
    left: ['listed', 'invited', 'member', 'left'],
  };
  const members = new Map(studio.map((s) => [s.name, randomUUID()]));
  const writes = studio.map((s) => {
    const id = members.get(s.name)!;
    const steps = path[s.status];
    const history = steps.map((to, n) => ({ at: at(s.daysAgo - n * 7), from: n === 0 ? null : steps[n - 1]!, to, byName: COMMITTEE }));
    return putStudioMember(cid, {
      id,
      name: s.name,
      ...(s.account && opts.people.get(s.account) ? { userId: opts.people.get(s.account)! } : {}),
      formerPost: s.formerPost,
      health: s.health,
      strengths: s.strengths,
      status: s.status,
      history,
      version: steps.length,
      createdAt: at(s.daysAgo),
      updatedAt: history.at(-1)!.at,
    });
  });
  const sessions: { kind: SessionKind; topic: string; daysAgo: number; mentors: string[]; attendeeCount: number; note?: string }[] = [
    { kind: 'party-lesson', topic: '传承红色基因，做好新时代社区工作', daysAgo: 150, mentors: ['王建国', '张桂兰'], attendeeCount: 22 },
    { kind: 'symposium', topic: '化解广场舞噪音矛盾的经验', daysAgo: 110, mentors: ['张桂兰'], attendeeCount: 12, note: '舞队队长和红色小管家参加' },
    { kind: 'symposium', topic: '星级党支部创评：如何补齐服务群众短板', daysAgo: 60, mentors: ['王建国', opts.stewards[14]!], attendeeCount: 15 },
    { kind: 'party-lesson', topic: '基层治理中的群众路线', daysAgo: 12, mentors: [opts.stewards[14]!], attendeeCount: 18 },
  ];
  for (const s of sessions)
    writes.push(putSession(cid, {
      id: randomUUID(),
      kind: s.kind,
      topic: s.topic,
      date: chinaDate(at(s.daysAgo)),
      mentorIds: s.mentors.map((m) => members.get(m)!),
      attendeeCount: s.attendeeCount,
      ...(s.note ? { note: s.note } : {}),
      recordedAt: at(s.daysAgo - 1),
      recordedByName: COMMITTEE,
    }));
  await Promise.all(writes);
};
