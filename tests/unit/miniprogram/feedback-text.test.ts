/**
 * Sentences about feedback that are not about its status (miniprogram/src/components/feedbackText.ts, format.ts)
 * and what the timeline says before a note (statusText.ts `notePrefix`).
 */
import { FEEDBACK_STATUSES } from '../../../shared/feedback/status';
import { assignmentText, autoCloseText, byline, myFeedbackLabel, waitingText } from '../../../miniprogram/src/components/feedbackText';
import { formatMonth, formatMonthDay, monthOf, recentMonths } from '../../../miniprogram/src/components/format';
import { notePrefix } from '../../../miniprogram/src/components/statusText';

describe('who follows it up', () => {
  const branch = { id: '04', name: '望湖小区党支部' };
  const steward = { id: 'u-1', name: '刘玉兰' };
  it.each([
    [{ branch, steward }, '望湖小区党支部、红色小管家 刘玉兰'],
    [{ branch }, '望湖小区党支部'],
    [{ steward }, '红色小管家 刘玉兰'],
    [{}, ''],
    [undefined, ''],
  ])('%j → %s', (assignment, text) => {
    expect(assignmentText(assignment)).toBe(text);
  });
});

describe('the home page entry to 我的反馈', () => {
  it('says how many reports have news, and nothing when none', () => {
    expect(myFeedbackLabel(0)).toBe('我的反馈');
    expect(myFeedbackLabel(2)).toBe('我的反馈（2 条新进展）');
  });
});

describe('dates as people say them', () => {
  it('a day without the year, in the viewer’s time zone', () => {
    const local = new Date(2026, 11, 4, 10, 30);
    expect(formatMonthDay(local.toISOString())).toBe('12月4日');
    expect(autoCloseText(formatMonthDay(local.toISOString()))).toBe('如未评价，将于 12月4日 自动办结');
    expect(formatMonthDay('not a date')).toBe('not a date');
  });

  it('months of the audit trail, newest first, across a new year', () => {
    expect(formatMonth('2026-03')).toBe('2026年3月');
    expect(monthOf(new Date(2026, 0, 31))).toBe('2026-01');
    expect(recentMonths(new Date(2026, 1, 15), 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
  });
});

describe('what the timeline says before a note', () => {
  it('the report itself, withdrawals, ratings, the system and replies each read as what they are', () => {
    expect(notePrefix({ from: null, to: 'submitted', byRole: 'steward' })).toBe('');
    expect(notePrefix({ from: 'submitted', to: 'withdrawn', byRole: 'resident' })).toBe('撤回原因：');
    expect(notePrefix({ from: 'resolved', to: 'in_progress', byRole: 'resident' })).toBe('评价：');
    expect(notePrefix({ from: 'resolved', to: 'closed', byRole: 'steward' })).toBe('评价：');
    expect(notePrefix({ from: 'resolved', to: 'closed', byRole: 'system' })).toBe('');
    // The committee reopening a resolution writes a reply; so does the steward resolving it.
    expect(notePrefix({ from: 'resolved', to: 'in_progress', byRole: 'committee' })).toBe('回复：');
    expect(notePrefix({ from: 'in_progress', to: 'resolved', byRole: 'steward' })).toBe('回复：');
    for (const to of FEEDBACK_STATUSES) expect(notePrefix({ from: 'accepted', to, byRole: 'admin' })).toMatch(/^(回复|撤回原因)：$/);
  });
});

describe('who made a move, in the timeline', () => {
  it.each([
    [{ byRole: 'resident', byName: '王建国' }, '居民 王建国'],
    [{ byRole: 'steward', byName: '刘玉兰' }, '红色小管家 刘玉兰'],
    // staff names carry their title: not "社区两委 社区工作人员 陈静"
    [{ byRole: 'committee', byName: '社区工作人员 陈静' }, '社区工作人员 陈静'],
    [{ byRole: 'admin', byName: '系统管理员 周敏' }, '系统管理员 周敏'],
    [{ byRole: 'system', byName: '系统' }, '系统'],
  ] as const)('%o reads %s', (entry, expected) => expect(byline(entry)).toBe(expected));
});

describe('how long a report has waited', () => {
  it.each([
    [0, '等待不到 1 小时'],
    [1, '已等待 1 小时'],
    [47, '已等待 47 小时'],
    [48, '已等待 2 天'],
    [24 * 9 + 5, '已等待 9 天'],
  ])('%i hours: %s', (hours, expected) => expect(waitingText(hours)).toBe(expected));
});
