import { randomUUID } from 'node:crypto';
import type { ActivityKind } from '../../shared/teams/activities';
import { registrationPrefix } from '../../shared/teams/registration';
import type { WeeklySlot } from '../../shared/teams/slots';
import { chinaDate } from '../src/feedback/china-time';
import { listByStatus } from '../src/feedback/store';
import { approveTeam } from '../src/teams/admin/approve';
import {
  addToRoster,
  applyTeamMove,
  getTeam,
  putActivity,
  putComplaint,
  putMember,
  putNewTeam,
  putNewVenue,
  putRulesVersion,
  putStudySession,
  recordAcceptance,
  setMemberRules,
  type TeamItem,
  type VenueItem,
} from '../src/teams/store';

/**
 * The demo community's square-dance teams (the seed: teams filed and registered, their members studying the
 * rules together, performances promoting livelihood policies, volunteer service): three venues near the
 * compounds, the dance rules, two registered teams with members, study sessions and activities (one with a noise
 * complaint linked), one registered at another square, and one filing waiting for the committee. Written through
 * the same store functions and approval the API uses, with past timestamps.
 */

const COMMITTEE = '社区工作人员 陈静';

const VENUES = [
  {
    key: 'center',
    name: '青年新苑中心广场',
    capacity: 2,
    allowedHours: [{ start: '07:00', end: '21:00' }],
    seasonalRules: [
      { name: '夏季', months: [6, 7, 8, 9], allowedHours: [{ start: '06:30', end: '21:30' }] },
      { name: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '20:30' }] },
    ],
    note: '靠近3栋、5栋住户，20:30 后请调低音量',
  },
  {
    key: 'wanghu',
    name: '望湖小区文化广场',
    capacity: 1,
    // midday rest: no music 11:30–14:30
    allowedHours: [
      { start: '07:00', end: '11:30' },
      { start: '14:30', end: '20:30' },
    ],
    seasonalRules: [],
  },
  {
    key: 'ziyun',
    name: '紫云小区健身广场',
    capacity: 1,
    allowedHours: [{ start: '07:00', end: '21:00' }],
    seasonalRules: [{ name: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '20:00' }] }],
  },
] as const;

export const DEMO_DANCE_RULES = {
  title: '青年社区广场舞活动规章',
  text: [
    '为倡导文明健身、减少噪音扰民，经社区“两委”与各舞队代表共同商议，制定本规章。',
    '一、备案登记：舞队须向社区备案，登记队长、队员、活动场地和时段；备案通过后领取舞队“身份证”，在规定场地和时段活动。',
    '二、活动时间：按场地允许的时间活动（一般为 07:00–21:00，夏季、冬季按场地公示时间调整），不得提前或超时。',
    '三、音量控制：使用音响的舞队，音量控制在承诺范围内（一般不超过 60 分贝），靠近住户一侧调低音量，21:00 后不得使用音响。',
    '四、场地秩序：不占用消防通道和盲道，活动结束后清理场地，爱护公共设施。',
    '五、邻里和睦：听到居民意见及时调整，不与居民发生争执；社区收到的噪音投诉将记入舞队档案，多次投诉的舞队暂停活动整改。',
    '六、共建共享：积极参加社区文艺汇演、民生政策宣传和志愿服务（环境卫生、疫情防控、慰问孤寡老人和困难群众）。',
    '七、每位队员须阅读并确认本规章；规章修订后须重新确认。',
  ].join('\n'),
};

type Person = { name: string; phone?: string };
interface DemoTeam {
  name: string;
  venue: (typeof VENUES)[number]['key'];
  leader: string;
  phone: string;
  slots: WeeklySlot[];
  expectedSize: number;
  volume?: { limitDb: number; commitment: string };
  /** Residents with an account who joined with the invite code. */
  joined: string[];
  /** People the leader added (with their consent). */
  added: Person[];
  /** Days ago it was filed; submitted a day later; approved `approvedAfter` days after that (none: still waiting). */
  filedDaysAgo: number;
  approvedAfter?: number;
  activities: { kind: ActivityKind; title: string; daysAgo: number; hours: number; everyone?: true; note?: string }[];
  /** Link the demo's noise complaint about the central square to this team. */
  complaint?: true;
}

const TEAMS: DemoTeam[] = [
  {
    name: '朝阳舞蹈队',
    venue: 'center',
    leader: '李秀英',
    phone: '13956001234',
    slots: [
      { day: 1, start: '19:00', end: '20:30' },
      { day: 3, start: '19:00', end: '20:30' },
      { day: 5, start: '19:00', end: '20:30' },
    ],
    expectedSize: 24,
    volume: { limitDb: 60, commitment: '音量控制在 60 分贝以内，音箱朝向广场中央，20:30 准时结束' },
    joined: ['张桂兰', '刘玉兰', '孙凤英'],
    added: [{ name: '何桂香', phone: '13705513366' }, { name: '邓秀梅' }, { name: '许凤兰' }],
    filedDaysAgo: 75,
    approvedAfter: 3,
    activities: [
      { kind: 'performance', title: '“民星小舞台 民生大情怀”民生宣传文艺演出', daysAgo: 40, hours: 3, everyone: true, note: '宣传养老服务和医保政策' },
      { kind: 'volunteer', title: '社区环境卫生整治', daysAgo: 25, hours: 2 },
      { kind: 'volunteer', title: '慰问孤寡老人和困难群众', daysAgo: 10, hours: 2.5 },
    ],
  },
  {
    name: '夕阳红舞蹈队',
    venue: 'center',
    leader: '王建国',
    phone: '13855127788',
    slots: [
      { day: 2, start: '19:00', end: '20:30' },
      { day: 4, start: '19:00', end: '20:30' },
      { day: 6, start: '19:00', end: '20:30' },
    ],
    expectedSize: 18,
    volume: { limitDb: 65, commitment: '音量不超过 65 分贝，20:30 前结束' },
    joined: ['陈志强', '杨秀珍'],
    added: [{ name: '朱秀珍' }, { name: '沈玉芬', phone: '13966024455' }],
    filedDaysAgo: 70,
    approvedAfter: 4,
    activities: [{ kind: 'volunteer', title: '疫情防控值守', daysAgo: 30, hours: 4 }],
    complaint: true,
  },
  {
    name: '望湖健身舞队',
    venue: 'wanghu',
    leader: '吴桂芳',
    phone: '13605519090',
    slots: [1, 2, 3, 4, 5].map((day) => ({ day, start: '07:00', end: '08:00' })),
    expectedSize: 12,
    joined: ['赵德明', '周建华'],
    added: [{ name: '曹丽娟' }],
    filedDaysAgo: 60,
    approvedAfter: 2,
    activities: [
      { kind: 'volunteer', title: '望湖小区垃圾分类宣传', daysAgo: 20, hours: 1.5, everyone: true },
      { kind: 'performance', title: '重阳节敬老文艺汇演', daysAgo: 45, hours: 2 },
    ],
  },
  {
    name: '紫云彩虹舞队',
    venue: 'ziyun',
    leader: '黄丽华',
    phone: '13805516677',
    slots: [
      { day: 2, start: '18:30', end: '19:30' },
      { day: 6, start: '08:30', end: '10:00' },
    ],
    expectedSize: 15,
    volume: { limitDb: 55, commitment: '使用小音箱，音量 55 分贝以内' },
    joined: ['徐国庆'],
    added: [{ name: '罗桂兰' }],
    filedDaysAgo: 4,
    activities: [],
  },
];

const daysAgo = (now: Date, days: number, hour = 10) => new Date(now.getTime() - days * 86_400_000 + (hour - 10) * 3_600_000);

/** Loads the teams once, as part of the demo community (demo-data.ts). */
export const loadDemoTeams = async (opts: { communityId: string; communityName: string; now: Date; people: ReadonlyMap<string, string> }): Promise<void> => {
  const { communityId: cid, now } = opts;
  const prefix = registrationPrefix(opts.communityName);
  const rulesAt = daysAgo(now, 90).toISOString();
  const rules = { version: 1, ...DEMO_DANCE_RULES, publishedAt: rulesAt, publishedByName: COMMITTEE };
  await putRulesVersion(cid, rules);

  const venues = new Map<string, VenueItem>();
  for (const v of VENUES) {
    const { key, ...fields } = v;
    const item: VenueItem = {
      ...fields,
      allowedHours: [...fields.allowedHours],
      seasonalRules: fields.seasonalRules.map((r) => ({ ...r, months: [...r.months], allowedHours: [...r.allowedHours] })),
      id: randomUUID(),
      communityId: cid,
      version: 1,
      createdAt: rulesAt,
      updatedAt: rulesAt,
    };
    await putNewVenue(item);
    venues.set(key, item);
  }

  // the community's noise complaint about the central square (demo-data.ts), to link to a team there
  const queue = await listByStatus(cid, 'submitted', 50);
  const noise = queue.items.find((f) => f.category === 'noise');

  for (const t of TEAMS) {
    const venue = venues.get(t.venue)!;
    const leaderId = opts.people.get(t.leader)!;
    const filed = daysAgo(now, t.filedDaysAgo).toISOString();
    const id = randomUUID();
    await putMember(cid, { teamId: id, memberId: leaderId, name: t.leader, userId: leaderId, via: 'founder', joinedAt: filed, consentRecordedAt: filed });
    await putNewTeam({
      id,
      communityId: cid,
      name: t.name,
      leaderId,
      leaderName: t.leader,
      phone: t.phone,
      venueId: venue.id,
      venueName: venue.name,
      slots: t.slots,
      expectedSize: t.expectedSize,
      usesLoudspeaker: Boolean(t.volume),
      ...(t.volume ? { volumeLimitDb: t.volume.limitDb, volumeCommitment: t.volume.commitment } : {}),
      status: 'draft',
      version: 1,
      rosterVersion: 1,
      createdAt: filed,
      updatedAt: filed,
      statusSince: filed,
      history: [{ at: filed, from: null, to: 'draft', byRole: 'leader', byName: t.leader }],
      memberIds: [leaderId],
    });
    const memberIds = [leaderId];
    for (const [i, name] of t.joined.entries()) {
      const userId = opts.people.get(name)!;
      const at = daysAgo(now, t.filedDaysAgo, 11 + i).toISOString();
      await putMember(cid, { teamId: id, memberId: userId, name, userId, via: 'invite', joinedAt: at, consentRecordedAt: at });
      await addToRoster(cid, id, userId);
      memberIds.push(userId);
    }
    for (const [i, person] of t.added.entries()) {
      const memberId = randomUUID();
      const at = daysAgo(now, t.filedDaysAgo, 15 + i).toISOString();
      await putMember(cid, { teamId: id, memberId, name: person.name, ...(person.phone ? { phone: person.phone } : {}), via: 'leader', joinedAt: at, consentRecordedAt: at });
      await addToRoster(cid, id, memberId);
      memberIds.push(memberId);
    }

    // the rules studied together at the party–masses service station, the rest accepted in the app
    const studiedOn = daysAgo(now, t.filedDaysAgo - 1, 9);
    const studied = memberIds.filter((_, i) => i % 3 !== 2);
    await putStudySession(cid, id, {
      id: randomUUID(),
      date: chinaDate(studiedOn),
      rulesVersion: 1,
      attendeeIds: studied,
      note: '在青年新苑党群服务站集体学习广场舞规章制度',
      recordedAt: studiedOn.toISOString(),
      recordedByName: t.leader,
    });
    await setMemberRules(cid, id, studied, { version: 1, at: studiedOn.toISOString(), how: 'study-session' });
    const inApp = memberIds.filter((m) => !studied.includes(m));
    await setMemberRules(cid, id, inApp, { version: 1, at: daysAgo(now, t.filedDaysAgo - 1, 20).toISOString(), how: 'app' });
    await recordAcceptance(cid, id, memberIds, 1);

    const submittedAt = daysAgo(now, t.filedDaysAgo - 1, 21).toISOString();
    let team: TeamItem = (await getTeam(cid, id))!;
    team = (await applyTeamMove(
      team,
      { at: submittedAt, from: 'draft', to: 'submitted', byRole: 'leader', byName: t.leader },
      { expectedVersion: team.version, rosterVersion: team.rosterVersion },
    ))!;
    if (t.approvedAfter === undefined) continue;

    const approvedOn = daysAgo(now, t.filedDaysAgo - 1 - t.approvedAfter, 15);
    team = await approveTeam(
      team,
      { at: approvedOn.toISOString(), from: 'submitted', to: 'approved', byRole: 'committee', byName: COMMITTEE },
      { expectedVersion: team.version, now: approvedOn, registrationPrefix: prefix },
    );
    for (const a of t.activities) {
      const on = daysAgo(now, a.daysAgo, 16);
      const attendees = a.everyone ? memberIds : memberIds.filter((_, i) => i % 2 === 0);
      await putActivity(cid, id, {
        id: randomUUID(),
        kind: a.kind,
        title: a.title,
        date: chinaDate(on),
        hours: a.hours,
        attendeeIds: attendees,
        ...(a.note ? { note: a.note } : {}),
        recordedAt: on.toISOString(),
        recordedById: leaderId,
        recordedByName: t.leader,
      });
    }
    if (t.complaint && noise)
      await putComplaint(cid, id, {
        feedbackId: noise.id,
        ...(noise.ref ? { ref: noise.ref } : {}),
        title: noise.title,
        reportedAt: noise.createdAt,
        linkedAt: now.toISOString(),
        linkedByName: COMMITTEE,
        note: '周二晚 21:00 后仍在播放音乐，超出备案时段，已提醒队长按时结束',
      });
  }
};
