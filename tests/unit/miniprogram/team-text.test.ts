/** How the teams pages word a team (miniprogram/src/components/teams/teamText.ts). */
import { QUARTER_TIMES, appAddress, dateText, hoursText, rulesProgressText, slotText, slotsText, venueRulesText } from '../../../miniprogram/src/components/teams/teamText';
import { activityTotalsText, complaintCountText, loudspeakerText, memberRulesText, teamHistoryText, validityText } from '../../../miniprogram/src/components/teams/teamText';

it.each([
  [slotText({ day: 2, start: '19:00', end: '20:30' }), '周二 19:00–20:30'],
  [slotText({ day: 7, start: '07:00', end: '08:00' }), '周日 07:00–08:00'],
  [
    slotsText([
      { day: 3, start: '19:00', end: '20:00' },
      { day: 1, start: '19:00', end: '20:00' },
    ]),
    '周一 19:00–20:00、周三 19:00–20:00',
  ],
  [slotsText([]), '未填写'],
  [dateText('2026-12-05'), '2026年12月5日'],
  [hoursText(2), '2 小时'],
  [hoursText(1.5), '1.5 小时'],
  [rulesProgressText({ currentVersion: null, accepted: 0, of: 3 }), '社区尚未发布规章'],
  [rulesProgressText({ currentVersion: 2, accepted: 3, of: 3 }), '全部 3 人已确认第 2 版规章'],
  [rulesProgressText({ currentVersion: 2, accepted: 1, of: 3 }), '1/3 人已确认第 2 版规章'],
])('%s', (actual, expected) => expect(actual).toBe(expected));

it('tells a venue’s rules in one sentence', () => {
  expect(
    venueRulesText({
      capacity: 2,
      allowedHours: [{ start: '07:00', end: '21:00' }],
      seasonalRules: [{ name: '夏季', months: [6, 7, 8], allowedHours: [{ start: '06:30', end: '21:30' }] }],
    }),
  ).toBe('可同时容纳 2 支队伍；允许活动 07:00–21:00；夏季（6、7、8月）06:30–21:30');
});

it('offers slot times on quarter hours from 05:00 to 23:45', () => {
  expect(QUARTER_TIMES[0]).toBe('05:00');
  expect(QUARTER_TIMES[1]).toBe('05:15');
  expect(QUARTER_TIMES.at(-1)).toBe('23:45');
  expect(QUARTER_TIMES.every((t) => /^([01]\d|2[0-3]):(00|15|30|45)$/.test(t))).toBe(true);
});

it('writes a page address for a QR code, its parameters percent-encoded', () => {
  expect(appAddress('https://gongzhi.example/', '/packages/teams/verify/index', { number: '青年-WD-2026-001', community: 'baogong-qingnian' })).toBe(
    'https://gongzhi.example/#/packages/teams/verify/index?number=%E9%9D%92%E5%B9%B4-WD-2026-001&community=baogong-qingnian',
  );
  expect(appAddress('http://localhost:3000', '/packages/teams/join/index', {})).toBe('http://localhost:3000/#/packages/teams/join/index');
});

describe('what the committee reads of a team', () => {
  it.each([
    [teamHistoryText({ from: null, to: 'draft', byRole: 'leader' }), '创建备案草稿'],
    [teamHistoryText({ from: 'draft', to: 'submitted', byRole: 'leader' }), '提交备案'],
    [teamHistoryText({ from: 'changes_requested', to: 'submitted', byRole: 'leader' }), '修改后重新提交备案'],
    [teamHistoryText({ from: 'submitted', to: 'approved', byRole: 'committee' }), '批准备案'],
    [teamHistoryText({ from: 'submitted', to: 'changes_requested', byRole: 'committee' }), '退回修改'],
    [teamHistoryText({ from: 'submitted', to: 'rejected', byRole: 'committee' }), '不予备案'],
    [teamHistoryText({ from: 'approved', to: 'suspended', byRole: 'admin' }), '暂停活动'],
    [teamHistoryText({ from: 'suspended', to: 'approved', byRole: 'committee' }), '恢复活动'],
    [teamHistoryText({ from: 'rejected', to: 'approved', byRole: 'committee' }), '改为“已备案”'],
    [validityText({ validUntil: '2027-11-26', validity: 'valid' }), '有效期至 2027年11月26日（有效）'],
    [validityText({ validUntil: '2026-01-05', validity: 'expired' }), '有效期至 2026年1月5日（已过期）'],
    [loudspeakerText({ usesLoudspeaker: false }), '不使用音响'],
    [loudspeakerText({ usesLoudspeaker: true, volumeLimitDb: 60 }), '使用音响，音量不超过 60 分贝'],
    [loudspeakerText({ usesLoudspeaker: true }), '使用音响'],
    [memberRulesText({ acceptedCurrent: true, rules: { version: 2, how: 'app' } }, 2), '已确认第 2 版（在小程序中确认）'],
    [memberRulesText({ acceptedCurrent: true, rules: { version: 1, how: 'study-session' } }, 1), '已确认第 1 版（集体学习）'],
    [memberRulesText({ acceptedCurrent: false, rules: { version: 1, how: 'app' } }, 2), '只确认过第 1 版，尚未确认第 2 版'],
    [memberRulesText({ acceptedCurrent: false, rules: null }, 2), '尚未确认第 2 版'],
    [memberRulesText({ acceptedCurrent: false, rules: null }, null), '社区尚未发布规章'],
    [activityTotalsText({ performance: { activities: 2, hours: 10 }, volunteer: { activities: 1, hours: 4.5 } }), '文艺汇演 2 次，共 10 小时；志愿服务 1 次，共 4.5 小时'],
    [activityTotalsText({ performance: { activities: 0, hours: 0 }, volunteer: { activities: 1, hours: 2 } }), '志愿服务 1 次，共 2 小时'],
    [activityTotalsText({ performance: { activities: 0, hours: 0 }, volunteer: { activities: 0, hours: 0 } }), '还没有记录活动'],
    [complaintCountText(0), '没有噪音投诉'],
    [complaintCountText(2), '噪音投诉 2 条'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));
});
