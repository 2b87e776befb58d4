import { randomUUID } from 'node:crypto';
import { optionsOf, type OptionKind, type PassRule } from '../../shared/council/outcome';
import type { SeatRole } from '../../shared/council/seats';
import { chinaDate, chinaMinute } from '../src/feedback/china-time';
import { listByStatus } from '../src/feedback/store';
import { voterKey } from '../src/council/ballot-key';
import { decideMotion, ensureRoll } from '../src/council/outcome';
import { newMotion } from '../src/council/propose';
import {
  applySchedule,
  countComment,
  linkFeedback,
  putBallot,
  putComment,
  putNewCouncil,
  putNewMotion,
  type CouncilItem,
  type MotionItem,
  type SeatItem,
} from '../src/council/store';

/**
 * The seed's council: the Seven-Colour Sunshine Women's Group Council (七彩阳光妇女小组议事会), with representatives
 * of the two committees, the red stewards, the women's federation and the dance teams (and residents). One motion
 * decided (the central square's evening music hours, made from the noise complaint the demo holds), one open for
 * voting (a secret ballot among options), one in discussion. Written through the store and the outcome code the
 * API uses, with past timestamps.
 */

const COMMITTEE = '社区工作人员 陈静';
const DAY = 86_400_000;

const PARTIES = [
  { name: '两委', seats: 2 },
  { name: '红色小管家', seats: 3 },
  { name: '妇联', seats: 2 },
  { name: '舞队', seats: 2 },
  { name: '居民代表', seats: 3 },
];

/** Who sits where. 陈静 (the committee's staff) has no resident account: she votes in person. */
const SEATS: { party: string; name: string; role: SeatRole }[] = [
  { party: '两委', name: '陈静', role: 'member' },
  { party: '红色小管家', name: '刘玉兰', role: 'chair' },
  { party: '红色小管家', name: '杨秀珍', role: 'member' },
  { party: '妇联', name: '吴桂芳', role: 'secretary' },
  { party: '妇联', name: '孙凤英', role: 'member' },
  { party: '舞队', name: '李秀英', role: 'member' },
  { party: '舞队', name: '黄丽华', role: 'member' },
  { party: '居民代表', name: '张桂兰', role: 'member' },
  { party: '居民代表', name: '王建国', role: 'member' },
];

interface DemoMotion {
  title: string;
  background: string;
  proposedDecision: string;
  /** Proposed by this member, or (none) made by the committee from the demo's noise complaint. */
  proposer?: string;
  fromNoiseComplaint?: true;
  daysAgo: number;
  /** Days from now (negative: past) when discussion starts, voting opens and closes. */
  discussion: number;
  opens: number;
  closes: number;
  options: { kind: OptionKind; labels?: string[] };
  passRule: PassRule;
  quorumPercent: number;
  secret: boolean;
  resultsHiddenUntilClose: boolean;
  allowBallotChange: boolean;
  comments: { by: string; text: string }[];
  /** Ballots by name; `陈静` is recorded in person by the chair. */
  ballots: Record<string, string>;
}

const MOTIONS: DemoMotion[] = [
  {
    title: '中心广场晚间音乐时段',
    background:
      '青年新苑中心广场每晚有两支舞队活动，3栋、5栋居民多次反映 21:00 后仍有音乐，影响老人和学生休息。红色小管家走访时记录了居民的意见，社区将此反馈提交议事会。',
    proposedDecision: '中心广场晚间音乐 20:30 前结束，20:00 后音量调低至 55 分贝以内；舞队队长轮流负责提醒，红色小管家每周抽查一次。',
    fromNoiseComplaint: true,
    daysAgo: 24,
    discussion: -22,
    opens: -15,
    closes: -12,
    options: { kind: 'yes-no' },
    passRule: 'simple-majority',
    quorumPercent: 50,
    secret: false,
    resultsHiddenUntilClose: true,
    allowBallotChange: false,
    comments: [
      { by: '李秀英', text: '朝阳舞蹈队同意 20:30 结束，我们会提前准备收音响。' },
      { by: '张桂兰', text: '5栋老人多，希望 20:00 后音量再小一点。' },
      { by: '黄丽华', text: '建议夏天可以适当延长，冬天提前结束。' },
      { by: '刘玉兰', text: '先按 20:30 执行，季节调整另行议事。' },
    ],
    ballots: { 刘玉兰: 'yes', 杨秀珍: 'yes', 吴桂芳: 'yes', 孙凤英: 'yes', 李秀英: 'yes', 黄丽华: 'no', 张桂兰: 'yes', 王建国: 'abstain', 陈静: 'yes' },
  },
  {
    title: '芙蓉小区电动车充电桩选址',
    background: '芙蓉小区电动车在楼道充电存在消防隐患，物业同意增设一处集中充电点，需议事会确定位置。',
    proposedDecision: '在以下位置中选定一处建设集中充电点，物业负责施工，年底前投入使用。',
    proposer: '吴桂芳',
    daysAgo: 6,
    discussion: -5,
    opens: -1,
    closes: 2,
    options: { kind: 'choice', labels: ['3栋北侧空地', '小区东门停车场', '暂缓增设'] },
    passRule: 'simple-majority',
    quorumPercent: 60,
    secret: true,
    resultsHiddenUntilClose: true,
    allowBallotChange: true,
    comments: [
      { by: '杨秀珍', text: '东门停车场离住户远，更安全。' },
      { by: '孙凤英', text: '3栋北侧方便老人，但要注意遮雨。' },
    ],
    ballots: { 杨秀珍: 'o2', 吴桂芳: 'o2', 孙凤英: 'o1' },
  },
  {
    title: '楼道堆物清理倡议',
    background: '部分楼道堆放杂物，影响通行和消防安全。',
    proposedDecision: '发起“清爽楼道”倡议，每月第一个周六由红色小管家带领居民志愿者清理。',
    proposer: '张桂兰',
    daysAgo: 2,
    discussion: -1,
    opens: 2,
    closes: 5,
    options: { kind: 'yes-no' },
    passRule: 'majority-of-seats',
    quorumPercent: 50,
    secret: false,
    resultsHiddenUntilClose: false,
    allowBallotChange: false,
    comments: [{ by: '刘玉兰', text: '红色小管家可以牵头，请各楼栋长配合。' }],
    ballots: {},
  },
];

export const DEMO_COUNCIL_NAME = '七彩阳光妇女小组议事会';

export const loadDemoCouncil = async (opts: { communityId: string; now: Date; people: ReadonlyMap<string, string> }): Promise<void> => {
  const { communityId: cid, now } = opts;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const seatedAt = ago(60).toISOString();
  const seats: SeatItem[] = SEATS.map((s) => ({
    id: randomUUID(),
    ...s,
    termStart: chinaDate(ago(60)),
    termEnd: chinaDate(new Date(now.getTime() + 670 * DAY)),
    ...(opts.people.get(s.name) ? { userId: opts.people.get(s.name)! } : {}),
    seatedAt,
    seatedByName: COMMITTEE,
  }));
  const council: CouncilItem = {
    id: randomUUID(),
    communityId: cid,
    name: DEMO_COUNCIL_NAME,
    purpose: '由社区“两委”、红色小管家、妇联和舞队代表组成，围绕社区公共事务提出议题、协商讨论、投票表决，表决结果向居民公开。',
    parties: PARTIES,
    seats,
    version: 1,
    createdAt: seatedAt,
    updatedAt: seatedAt,
  };
  await putNewCouncil(council);
  const seatOf = (name: string) => seats.find((s) => s.name === name)!;

  // the demo's noise complaint about the central square (demo-data.ts)
  const noise = (await listByStatus(cid, 'submitted', 50)).items.find((f) => f.category === 'noise');

  const loadMotion = async (d: DemoMotion): Promise<void> => {
    const created = ago(d.daysAgo).toISOString();
    const proposer = d.proposer ? seatOf(d.proposer) : undefined;
    let m: MotionItem = newMotion(
      council,
      randomUUID(),
      {
        title: d.title,
        background: d.background,
        proposedDecision: d.proposedDecision,
        ...(d.fromNoiseComplaint && noise ? { feedback: { id: noise.id, ...(noise.ref ? { ref: noise.ref } : {}), title: noise.title } } : {}),
      },
      proposer ? { kind: 'member', userId: proposer.userId!, name: proposer.name } : { kind: 'committee', userId: 'demo-committee', name: COMMITTEE },
      created,
    );
    await putNewMotion(m);
    if (m.feedback) await linkFeedback(cid, m.feedback.id, m.id);
    const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
    const times = { discussionStartsAt: at(d.discussion), votingOpensAt: at(d.opens), votingClosesAt: at(d.closes) };
    const scheduledAt = new Date(Date.parse(created) + 3600_000).toISOString();
    m =
      (await applySchedule(
        m,
        m.version,
        times,
        {
          optionKind: d.options.kind,
          options: optionsOf(d.options.kind, d.options.labels),
          quorumPercent: d.quorumPercent,
          passRule: d.passRule,
          secret: d.secret,
          resultsHiddenUntilClose: d.resultsHiddenUntilClose,
          allowBallotChange: d.allowBallotChange,
        },
        { at: scheduledAt, act: 'schedule', byName: '刘玉兰', note: `讨论 ${chinaMinute(times.discussionStartsAt)} 起，投票 ${chinaMinute(times.votingOpensAt)}–${chinaMinute(times.votingClosesAt)}` },
      )) ?? m;
    const comments = d.comments.map(async (c, i) => {
      const seat = seatOf(c.by);
      await putComment(cid, {
        id: randomUUID(),
        motionId: m.id,
        at: new Date(Date.parse(times.discussionStartsAt) + (i + 1) * 5 * 3600_000).toISOString(),
        authorId: seat.userId ?? 'demo-committee',
        authorName: seat.name,
        authorRole: seat.role === 'chair' ? 'chair' : 'member',
        party: seat.party,
        text: c.text,
      });
      await countComment(cid, m.id);
    });
    if (d.opens > 0) {
      await Promise.all(comments);
      return;
    }
    m = await ensureRoll(m, now);
    const voting = m;
    const ballots = Object.entries(d.ballots).map(async ([name, choice], i) => {
      const seat = seatOf(name);
      const castAt = new Date(Date.parse(times.votingOpensAt) + (i + 1) * 2 * 3600_000).toISOString();
      const inPerson = !seat.userId;
      await putBallot(
        cid,
        voting.id,
        {
          voterKey: await voterKey(cid, voting.id, seat.id, d.secret),
          choice,
          via: inPerson ? 'in-person' : 'online',
          ...(d.secret ? {} : { seatId: seat.id, castAt, ...(inPerson ? { recordedByName: '刘玉兰' } : {}) }),
        },
        false,
      );
    });
    await Promise.all([...comments, ...ballots]);
    // counted as the close job counts it, a minute after voting closed
    if (d.closes < 0) await decideMotion(m, new Date(Date.parse(times.votingClosesAt) + 60_000));
  };

  // the motions do not depend on each other: loaded side by side (every test file starts with this demo)
  await Promise.all(MOTIONS.map((d) => loadMotion(d)));
};
