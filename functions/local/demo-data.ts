import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { countReceived } from '../src/feedback/stats';
import { loadDemoCouncil } from './demo-council';
import { loadDemoHistory } from './demo-history';
import { loadDemoTeams } from './demo-teams';
import { loadDemoScoring } from './demo-scoring';
import { loadDemoStewards } from './demo-stewards';
import { nextReference, putNewFeedback } from '../src/feedback/store';
import { newFeedbackItem } from '../src/feedback/submit';
import { hashPassword } from '../src/identity/passwords';
import { createUserWithLogin, getCommunity, putBranch, putCommunity, putCompounds } from '../src/identity/store';

/** The seed's community: 包河区 包公街道 青年社区. */
export const DEMO_COMMUNITY = {
  id: 'baogong-qingnian',
  name: '青年社区',
  subdistrict: '包公街道',
  district: '包河区',
} as const;

/** Demo accounts the README lists. Local passwords only: no deployed stack has these. */
export const DEMO_STAFF = [
  { username: 'committee', password: 'Qingnian@2026', name: '社区工作人员 陈静', roles: ['committee'] as Role[] },
  { username: 'admin', password: 'Admin@2026', name: '系统管理员', roles: ['admin'] as Role[] },
];

/** Residents sign in locally with the code `dev:<name>`. */
export const DEMO_RESIDENTS = ['王建国', '李秀英', '张桂兰'];

/** The 20 red stewards (红色小管家) of the seed; names are made up. */
export const DEMO_STEWARDS = [
  '刘玉兰', '陈志强', '杨秀珍', '赵德明', '黄丽华', '周建华', '吴桂芳', '徐国庆', '孙凤英', '马淑珍',
  '朱海燕', '胡文斌', '郭春梅', '何志明', '高玉梅', '林永红', '罗秀兰', '郑卫东', '梁晓燕', '宋金花',
];

/** The residential compounds (小区) of the community, as the committee keeps them. */
export const DEMO_COMPOUNDS = ['青年新苑', '望湖小区', '紫云小区', '芙蓉小区', '桐城路小区', '锦绣苑', '春晖园', '翠竹园', '丽景苑'] as const;

/** The 17 branches (党支部): one per compound or residents' group. After self-assessment 15 are ★★★, 2 are ★★. */
export const DEMO_BRANCHES = [
  '青年新苑第一党支部', '青年新苑第二党支部', '青年新苑第三党支部', '望湖小区党支部', '紫云小区党支部',
  '芙蓉小区党支部', '桐城路小区党支部', '锦绣苑党支部', '春晖园党支部', '翠竹园党支部', '丽景苑党支部',
  '居民第一小组党支部', '居民第二小组党支部', '居民第三小组党支部', '退休党员党支部', '流动党员党支部',
  '非公企业联合党支部',
];

const DEMO_FEEDBACK = [
  { reporter: '李秀英', category: 'environment', title: '3栋楼下垃圾桶满了没人清', description: '3栋东侧垃圾桶连续两天没有清运，气味很大，请安排处理。', compound: '青年新苑', building: '3栋' },
  { reporter: '王建国', category: 'facilities', title: '小区北门路灯不亮', description: '北门进来第二盏路灯坏了一周了，晚上老人走路不安全。', compound: '望湖小区' },
  { reporter: '刘玉兰', category: 'noise', title: '广场舞音响太晚', description: '走访时居民反映：中心广场晚上九点半后还在放音乐，影响休息。（红色小管家代记）', compound: '青年新苑' },
] as const;

const wxUser = async (cid: string, name: string, roles: Role[], at: string) => {
  const { userId } = await createUserWithLogin(
    { id: randomUUID(), communityId: cid, name, roles, createdAt: at },
    { kind: 'wx', name: `dev:${name}` },
  );
  return userId;
};

/** Loads the demo community once: does nothing if it is already there. Returns whether it loaded. */
export const loadDemoData = async (now = new Date(), opts: { history?: boolean } = {}): Promise<boolean> => {
  const cid = DEMO_COMMUNITY.id;
  if (await getCommunity(cid)) return false;
  const at = now.toISOString();
  const ids = new Map<string, string>();
  // The people, branches and compounds do not depend on each other: written side by side (every test file
  // starts a community like this, so its start-up time counts).
  const person = async (name: string, roles: Role[]) => ids.set(name, await wxUser(cid, name, roles, at));
  await Promise.all([
    ...DEMO_RESIDENTS.map((name) => person(name, ['resident'])),
    ...DEMO_STEWARDS.map((name) => person(name, ['resident', 'steward'])),
    ...DEMO_STAFF.map(async (s) =>
      createUserWithLogin(
        { id: randomUUID(), communityId: cid, name: s.name, roles: s.roles, createdAt: at },
        { kind: 'staff', name: s.username, passwordHash: await hashPassword(s.password) },
      ),
    ),
    ...DEMO_BRANCHES.map((name, i) => putBranch(cid, { id: String(i + 1).padStart(2, '0'), name })),
    putCompounds(cid, [...DEMO_COMPOUNDS], 0),
  ]);
  for (const [i, { reporter, ...form }] of DEMO_FEEDBACK.entries()) {
    const created = new Date(now.getTime() - (DEMO_FEEDBACK.length - i) * 3600_000).toISOString();
    const role = DEMO_STEWARDS.includes(reporter) ? 'steward' : 'resident';
    const item = newFeedbackItem({ communityId: cid, userId: ids.get(reporter)!, name: reporter, role }, form, created, undefined, await nextReference(cid, new Date(created)));
    await putNewFeedback(item);
    await countReceived(item);
  }
  if (opts.history)
    await loadDemoHistory({
      communityId: cid,
      now,
      residents: DEMO_RESIDENTS.map((name) => ({ id: ids.get(name)!, name })),
      branches: DEMO_BRANCHES.slice(0, 11).map((name, i) => ({ id: String(i + 1).padStart(2, '0'), name })),
    });
  // each capability's demo has a table of its own and reads only the people and feedback written above: side by side
  await Promise.all([
    loadDemoTeams({ communityId: cid, communityName: DEMO_COMMUNITY.name, now, people: ids }),
    loadDemoScoring({ communityId: cid, now, people: ids, branches: DEMO_BRANCHES, stewards: DEMO_STEWARDS }),
    loadDemoCouncil({ communityId: cid, now, people: ids }),
    loadDemoStewards({ communityId: cid, now, people: ids, stewards: DEMO_STEWARDS, compounds: DEMO_COMPOUNDS }),
  ]);
  // Written last: its presence means "demo data complete".
  await putCommunity({ ...DEMO_COMMUNITY });
  return true;
};
