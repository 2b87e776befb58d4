import { slotProblemText, type SlotProblem } from '../../../shared/teams/capacity';
import { slotText, type WeeklySlot } from '../../../shared/teams/slots';
import { TEAM_STATUS_LABELS, type TeamStatus } from '../../../shared/teams/status';
import { badRequest, conflict, HttpProblem, unprocessable } from '../http/problem';

/** The refusals the teams use cases share, each with the slug clients branch on and words people read. */

export const staleTeam = () => conflict('stale-version', '这支队伍的信息刚被修改过，请刷新后再操作');

export const moveNotAllowed = (from: TeamStatus, to: TeamStatus) =>
  conflict('transition-not-allowed', `“${TEAM_STATUS_LABELS[from]}”的队伍不能改为“${TEAM_STATUS_LABELS[to]}”`);

export const notEditable = (status: TeamStatus) =>
  conflict('not-editable', `“${TEAM_STATUS_LABELS[status]}”的备案不能修改：只有草稿和退回修改的备案可以修改`);

export const notJoinable = () => conflict('not-joinable', '这支队伍的备案未通过，不能再加入队员');

export const leaderStays = () => conflict('leader-stays', '队长不能离开或移出自己的队伍');

export const notRegistered = () => conflict('not-registered', '队伍备案通过后才能记录活动');

export const unknownVenue = () => unprocessable('unknown-venue', '所选场地不存在，请重新选择');

export const noRules = () => conflict('no-dance-rules', '社区还没有发布舞队规章，暂时不能提交或审批备案');

/** The rules' version must be the one in force: an acceptance of an older text is no acceptance. */
export const rulesOutdated = () => conflict('rules-outdated', '舞队规章已更新，请阅读最新版本后再确认');

export const rulesNotAccepted = (pending: number, version: number) =>
  conflict('rules-not-accepted', `还有 ${pending} 位队员未确认第 ${version} 版舞队规章，全部确认后才能提交和审批`);

/** Slots that cannot be submitted (or approved) as they stand: every problem of every slot, by `slots.<i>`. */
export const slotProblems = (problems: readonly (readonly SlotProblem[])[]) =>
  new HttpProblem(
    422,
    'slot-problems',
    '活动时段有问题',
    '有活动时段与本队其他时段重叠、在场地禁止时间内或场地已满，请修改后再提交',
    problems.flatMap((ps, i) => ps.map((p) => ({ location: 'team', path: `slots.${i}`, message: slotProblemText(p) }))),
  );

/** At approval: the venue has no place left in this quarter hour. */
export const venueFull = (where: readonly WeeklySlot[]) =>
  new HttpProblem(
    409,
    'venue-full',
    '场地已满',
    `${where.map(slotText).join('、')} 场地已没有空位：已有队伍占满了容量`,
    where.map((w) => ({ location: 'team', path: 'slots', message: `${slotText(w)} 场地已满` })),
  );

/** A date after today (China time): activities and study sessions are recorded once they happened. */
export const dateInFuture = () => badRequest('日期不能晚于今天', [{ location: 'body', path: 'date', message: '日期不能晚于今天' }]);

/** Attendees who are not on the roster. */
export const notMembers = (attendeeIds: readonly string[], roster: readonly string[]) => {
  const errors = attendeeIds.flatMap((id, i) => (roster.includes(id) ? [] : [{ location: 'body', path: `attendeeIds.${i}`, message: '不是本队队员' }]));
  return errors.length ? badRequest(errors.length === 1 ? '有一位参加者不是本队队员' : `有 ${errors.length} 位参加者不是本队队员`, errors) : undefined;
};
