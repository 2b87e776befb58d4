/** The audit trail in words an admin reads (miniprogram/src/packages/admin/audit/auditText.ts). */
import { actionText, changeText, targetText } from '../../../miniprogram/src/packages/admin/audit/auditText';

const names = {
  branches: new Map([['04', '望湖小区党支部']]),
  stewards: new Map([['u-1', '刘玉兰']]),
};

it('names each act, and leaves an act it does not know by its name', () => {
  expect(actionText('feedback-assignment')).toBe('分派反馈');
  expect(actionText('staff-sign-in')).toBe('工作人员登录');
  expect(actionText('something-new')).toBe('something-new');
});

it('says what was acted on, with feedback ids shortened', () => {
  expect(targetText({ kind: 'feedback', id: '3f2a1b0c-aaaa-4bbb-8ccc-000000000001' })).toBe('反馈 3f2a1b0c');
  expect(targetText({ kind: 'account', id: 'committee' })).toBe('账号 committee');
  expect(targetText({ kind: 'team', id: 't-9' })).toBe('team t-9');
  expect(targetText(undefined)).toBe('—');
});

it.each([
  ['feedback-transition', 'submitted → accepted', '待受理 → 已受理'],
  ['feedback-transition', 'resolved → in_progress', '已解决 → 处理中'],
  ['feedback-assignment', 'branch 04, steward u-1', '党支部 望湖小区党支部、红色小管家 刘玉兰'],
  ['feedback-assignment', 'steward u-404', '红色小管家 u-404'],
  ['sign-in-unlock', 'cleared 2', '解除 2 条限制'],
  ['feedback-export', 'stats 2026-01…2026-03', 'stats 2026-01…2026-03'],
  ['feedback-note', undefined, '—'],
])('%s %s → %s', (action, change, text) => {
  expect(changeText({ action: action as never, change }, names)).toBe(text);
});

it('shows the ids of an assignment while the names are not loaded', () => {
  expect(changeText({ action: 'feedback-assignment', change: 'branch 04' })).toBe('党支部 04');
});
