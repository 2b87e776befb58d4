import type { FeedbackCategory } from '../../shared/feedback/categories';
import { moveFeedback } from '../src/feedback/moves';
import { countReceived } from '../src/feedback/stats';
import { deliverOutbox } from '../src/notify/outbox';
import { assign, feedbackOutbox, nextReference, openAsReporter, putNewFeedback, type FeedbackItem } from '../src/feedback/store';
import { newFeedbackItem } from '../src/feedback/submit';

/**
 * A few months of the demo community's feedback, so the statistics page shows something true: reports across
 * the compounds, answered, assigned to branches, resolved, rated, some reopened. Deterministic (a fixed seed),
 * written through the same store functions and counters the API uses, with past timestamps.
 */
const PROBLEMS: { category: FeedbackCategory; title: string; description: string }[] = [
  { category: 'environment', title: '楼下垃圾清运不及时', description: '垃圾桶满了两天没人清，天热味道很大。' },
  { category: 'facilities', title: '楼道灯不亮', description: '单元楼道灯坏了，晚上上下楼看不清台阶。' },
  { category: 'property', title: '电梯经常停运', description: '电梯这个月停了三次，老人上下楼很不方便。' },
  { category: 'noise', title: '晚上广场舞声音太大', description: '晚上九点以后音响还很响，影响休息。' },
  { category: 'safety', title: '消防通道被车堵住', description: '消防通道长期停着私家车，存在安全隐患。' },
  { category: 'neighbours', title: '楼上漏水到我家', description: '楼上卫生间漏水，我家天花板发霉，沟通未果。' },
  { category: 'livelihood', title: '想了解老年餐桌', description: '家里老人想在社区吃午饭，怎么办理？' },
  { category: 'facilities', title: '健身器材损坏', description: '小广场的健身器材螺丝松动，担心有人受伤。' },
  { category: 'environment', title: '绿化带里有积水', description: '下雨后绿化带积水，蚊子很多。' },
  { category: 'other', title: '建议增加休息座椅', description: '小区里老人多，希望在步道旁多放几张椅子。' },
];
const COMPOUNDS = ['青年新苑', '望湖小区', '紫云小区', '芙蓉小区', '锦绣苑', '春晖园'];
const REPLIES = ['已安排人员处理，现已恢复。', '已联系物业，问题已解决。', '已协调相关住户，问题已处理。'];

/** A small fixed-seed generator (the same demo every time). */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

export const loadDemoHistory = async (opts: {
  communityId: string;
  now: Date;
  residents: { id: string; name: string }[];
  branches: { id: string; name: string }[];
  count?: number;
}): Promise<number> => {
  const next = random(20261127);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const hours = (h: number) => h * 3_600_000;
  const count = opts.count ?? 60;
  for (let i = 0; i < count; i++) {
    // spread over the last 120 days, oldest first
    const created = new Date(opts.now.getTime() - hours(24 * 120 * (1 - i / count)) - hours(next() * 20));
    const reporter = pick(opts.residents);
    const problem = pick(PROBLEMS);
    let item: FeedbackItem = newFeedbackItem(
      { communityId: opts.communityId, userId: reporter.id, name: reporter.name, role: 'resident' },
      { ...problem, compound: pick(COMPOUNDS), building: `${1 + Math.floor(next() * 12)}栋` },
      created.toISOString(),
      undefined,
      await nextReference(opts.communityId, created),
    );
    await putNewFeedback(item);
    await countReceived(item);
    let at = created.getTime();
    const step = async (to: FeedbackItem['status'], note: string | undefined, actor: 'staff' | 'reporter', afterHours: number, rating?: { stars: number; resolved: boolean }) => {
      at += hours(afterHours);
      if (at > opts.now.getTime()) return false;
      const iso = new Date(at).toISOString();
      item = await moveFeedback({
        current: item,
        expectedVersion: item.version,
        actor,
        entry: { at: iso, to, ...(note ? { note } : {}), byRole: actor === 'staff' ? 'committee' : 'resident', byName: actor === 'staff' ? '社区工作人员 陈静' : reporter.name },
        ...(rating ? { also: { rating: { ...rating, at: iso } } } : {}),
      });
      return true;
    };
    const play = async () => {
      const fate = next();
      if (fate < 0.06) {
        await step('rejected', '经核实，此事不属于社区管理范围，已告知办理渠道。', 'staff', 2 + next() * 30);
        return;
      }
      if (!(await step('accepted', '您反映的问题已收到，我们会尽快安排处理。', 'staff', 0.3 + next() * 20))) return;
      const branch = pick(opts.branches);
      item = (await assign(opts.communityId, item.id, { branch, at: new Date(at + hours(1)).toISOString(), byName: '社区工作人员 陈静' }))?.after ?? item;
      if (!(await step('resolved', pick(REPLIES), 'staff', 4 + next() * 100))) return;
      const r = next();
      if (r < 0.15) {
        if (!(await step('in_progress', '居民反映问题没有解决，满意度 2 星：还是老样子', 'reporter', 10, { stars: 2, resolved: false }))) return;
        if (!(await step('resolved', '已再次上门处理，问题已解决。', 'staff', 24 + next() * 48))) return;
      }
      const stars = 3 + Math.floor(next() * 3);
      if (r < 0.8) await step('closed', `居民确认已解决，满意度 ${stars} 星`, 'reporter', 5 + next() * 40, { stars, resolved: true });
    };
    await play();
    // the residents have long read these answers
    await openAsReporter(opts.communityId, item.id, reporter.id);
  }
  // and were told of them back then: nothing of the past waits in the outbox
  await deliverOutbox(feedbackOutbox, { send: async () => ({ sent: false, reason: 'demo history' }) }, opts.now, 1000);
  return count;
};
