/** How the committee's review of a team words its decisions (miniprogram/src/packages/admin/teams-review/reviewText.ts). */
import {
  QUEUE_STATUSES,
  decisionDoneText,
  decisionQuestion,
  decisionsFor,
  pendingMemberNames,
  refusalLines,
  slotCheckLines,
  teamQueueEmpty,
  teamQueueTitle,
  validMonthsLabel,
  validUntilText,
} from '../../../miniprogram/src/packages/admin/teams-review/reviewText';
import { TEAM_STATUSES, canMoveTeam } from '../../../shared/teams/status';

const member = (id: string, name: string) => ({ id, name }) as never;
const team = {
  members: [member('a', '李秀英'), member('b', '张桂兰'), member('c', '何桂香')],
  rules: { currentVersion: 2, accepted: 1, of: 3, pendingMemberIds: ['c', 'b'] },
};

describe('decisionsFor', () => {
  it('offers what the status machine allows the committee, the hoped-for outcome first', () => {
    expect(decisionsFor('submitted').map((d) => [d.label, d.needsReason, d.destructive])).toEqual([
      ['批准备案', false, false],
      ['退回修改', true, false],
      ['不予备案', true, true],
    ]);
    expect(decisionsFor('approved').map((d) => [d.to, d.label, d.needsReason, d.destructive])).toEqual([['suspended', '暂停活动', true, true]]);
    expect(decisionsFor('suspended').map((d) => [d.to, d.label, d.needsReason])).toEqual([['approved', '恢复活动', true]]);
    for (const s of ['draft', 'changes_requested', 'rejected'] as const) expect(decisionsFor(s)).toEqual([]);
  });

  it('never offers a move the status machine refuses', () => {
    for (const from of TEAM_STATUSES) for (const d of decisionsFor(from)) expect(canMoveTeam(from, d.to, 'committee')).toBe(true);
  });
});

it('asks before refusing or suspending, with a confirm label WeChat does not cut (≤ 4 characters)', () => {
  const reject = decisionQuestion('reject', '紫云彩虹舞队')!;
  expect(reject.title).toBe('确定对「紫云彩虹舞队」不予备案吗？');
  expect(decisionQuestion('suspend', '夕阳红舞蹈队')!.title).toBe('确定暂停「夕阳红舞蹈队」的活动吗？');
  for (const d of ['reject', 'suspend'] as const) expect([...decisionQuestion(d, 'x')!.confirmText].length).toBeLessThanOrEqual(4);
  for (const d of ['approve', 'request-changes', 'reinstate'] as const) expect(decisionQuestion(d, 'x')).toBeUndefined();
});

it.each([
  [decisionDoneText('approve', { registration: { number: '青年-WD-2026-004', approvedAt: '', validUntil: '2027-11-26', validity: 'valid' } }), '已批准备案。备案编号 青年-WD-2026-004，有效期至 2027年11月26日。'],
  [decisionDoneText('approve', {}), '已批准备案。'],
  [decisionDoneText('request-changes', {}), '已退回修改，队长会看到您填写的理由，修改后可以重新提交。'],
  [decisionDoneText('reject', {}), '已不予备案，队长会看到您填写的理由。'],
  [decisionDoneText('suspend', {}), '已暂停活动，队长会看到您填写的理由。'],
  [decisionDoneText('reinstate', {}), '已恢复活动，队长会在备案记录中看到您填写的理由。'],
  [validMonthsLabel(12), '1 年（通常）'],
  [validMonthsLabel(24), '2 年'],
  [validMonthsLabel(6), '6 个月'],
  [validUntilText('2026-11-27', 12), '批准后有效期至 2027年11月26日'],
  [validUntilText('2026-01-31', 1), '批准后有效期至 2026年2月27日'],
  [teamQueueTitle('submitted'), '待审核的备案'],
  [teamQueueEmpty('submitted'), '没有待审核的备案，队长提交后会出现在这里。'],
  [teamQueueEmpty('suspended'), '没有暂停活动的舞队。'],
])('%s', (actual, expected) => expect(actual).toBe(expected));

it('filters the list by every status but the leaders’ drafts, the review queue first', () => {
  expect(QUEUE_STATUSES[0]).toBe('submitted');
  expect([...QUEUE_STATUSES].sort()).toEqual(TEAM_STATUSES.filter((s) => s !== 'draft').sort());
});

it('names the members who have not accepted the rules in force, in roster order', () => {
  expect(pendingMemberNames(team)).toEqual(['何桂香', '张桂兰']);
  expect(pendingMemberNames({ ...team, rules: { ...team.rules, pendingMemberIds: ['gone'] } })).toEqual(['已退出的队员']);
});

describe('refusalLines', () => {
  it('says the server’s sentence, then each slot it names once', () => {
    const problem = {
      kind: 'venue-full',
      message: '周二 18:30–19:30 场地已没有空位：已有队伍占满了容量',
      errors: [{ message: '周二 18:30–19:30 场地已满' }, { message: '周二 18:30–19:30 场地已满' }],
    };
    expect(refusalLines(problem, team)).toEqual(['周二 18:30–19:30 场地已没有空位：已有队伍占满了容量', '周二 18:30–19:30 场地已满']);
  });

  it('adds who has not accepted the rules when that is the reason', () => {
    const problem = { kind: 'rules-not-accepted', message: '还有 2 位队员未确认第 2 版舞队规章，全部确认后才能提交和审批' };
    expect(refusalLines(problem, team)).toEqual([problem.message, '尚未确认的队员：何桂香、张桂兰']);
    expect(refusalLines(problem, null)).toEqual([problem.message]);
    expect(refusalLines({ kind: 'transition-not-allowed', message: '不能' }, team)).toEqual(['不能']);
  });
});

it('words the slot check before an approval, one line per slot in the way', () => {
  const slots = [
    { day: 2, start: '18:30', end: '19:30' },
    { day: 6, start: '08:30', end: '10:00' },
    { day: 7, start: '20:00', end: '21:30' },
  ];
  expect(
    slotCheckLines(slots, [
      [{ code: 'venue-full', start: '18:30', end: '19:30', capacity: 1, teams: 1 }],
      [],
      [
        { code: 'outside-allowed-hours', season: null, months: [3, 4, 5, 6, 7, 8, 9, 10, 11], allowedHours: [{ start: '07:00', end: '21:00' }] },
        { code: 'outside-allowed-hours', season: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '20:00' }] },
      ],
    ]),
  ).toEqual([
    '周二 18:30–19:30：18:30–19:30 场地已有 1 支队伍，最多容纳 1 支',
    '周日 20:00–21:30：超出场地允许的时间（3、4、5、6、7、8、9、10、11月只允许 07:00–21:00）；超出场地允许的时间（冬季，12、1、2月只允许 07:30–20:00）',
  ]);
  expect(slotCheckLines(slots, [[], [], []])).toEqual([]);
});
