import { seatProblemText, type SeatProblem } from '../../../shared/council/seats';
import { MOTION_PHASE_LABELS, type MotionPhase, type ScheduleProblem } from '../../../shared/council/status';
import { chinaMinute } from '../feedback/china-time';
import { conflict, forbidden, HttpProblem, notFound } from '../http/problem';

/** The refusals the council use cases share, each with the slug clients branch on and words people read. */

export const councilNotFound = () => notFound('议事会不存在');
export const motionNotFound = () => notFound('议题不存在');

export const notAMember = (councilName: string) => new HttpProblem(403, 'not-a-member', '不是议事会成员', `您不是“${councilName}”的成员`);
export const notOnRoll = () =>
  new HttpProblem(403, 'not-on-roll', '不在本次表决名单中', '本议题的表决名单在投票开始时确定，您不在名单中（例如投票开始后才就任）');
export const notTheChair = () => new HttpProblem(403, 'not-the-chair', '没有权限', '只有议事会召集人或社区工作人员可以进行此操作');
export const notAllowed = (detail: string) => forbidden(detail);

export const staleMotion = () => conflict('stale-version', '这个议题刚被修改过，请刷新后再操作');
export const staleCouncil = () => conflict('stale-version', '这个议事会的信息刚被修改过，请刷新后再操作');

export const actNotAllowed = (phase: MotionPhase, what: string) =>
  conflict('act-not-allowed', `议题“${MOTION_PHASE_LABELS[phase]}”，不能${what}`);

export const votingNotOpen = (opensAt?: string) =>
  conflict('voting-not-open', opensAt ? `投票尚未开始，将于 ${chinaMinute(opensAt)} 开始` : '议题还没有安排表决');
export const votingClosed = () => conflict('voting-closed', '投票已经结束');
export const motionWithdrawn = () => conflict('motion-withdrawn', '议题已撤回，不再表决');
export const alreadyVoted = (inPerson = false) =>
  inPerson ? conflict('voted-in-person', '您的表决票已在现场登记，不能再更改') : conflict('already-voted', '已经投过票了，本议题不允许改票');
export const memberAlreadyVoted = () => conflict('already-voted', '这位成员已经投过票（在线或现场），不能重复登记');
export const notEveryoneVoted = (voted: number, of: number) =>
  conflict('not-everyone-voted', `表决名单 ${of} 人中已有 ${voted} 人投票；全部投票后才能提前结束`);

export const unknownOption = () =>
  new HttpProblem(422, 'unknown-option', '无法处理', '本议题没有这个选项', [{ location: 'body', path: 'choice', message: '本议题没有这个选项' }]);
export const seatNotOnRoll = () =>
  new HttpProblem(422, 'not-on-roll', '无法处理', '这个席位不在本议题的表决名单中', [{ location: 'body', path: 'seatId', message: '不在表决名单中' }]);
export const unknownPerson = () =>
  new HttpProblem(422, 'unknown-person', '无法处理', '社区里没有这个人员', [{ location: 'body', path: 'userId', message: '社区里没有这个人员' }]);
export const unknownFeedback = () =>
  new HttpProblem(422, 'unknown-feedback', '无法处理', '社区里没有这条反馈', [{ location: 'body', path: 'feedbackId', message: '社区里没有这条反馈' }]);
export const feedbackHasMotion = (motionId: string) => conflict('feedback-has-motion', `这条反馈已转为议题（${motionId}）`);

export const seatProblems = (problems: readonly SeatProblem[]) =>
  new HttpProblem(
    409,
    'seat-problems',
    '席位安排有冲突',
    seatProblemText(problems[0]!),
    problems.map((p) => ({ location: 'body', path: 'party' in p && p.code === 'party-full' ? 'parties' : 'seats', message: seatProblemText(p) })),
  );

export const scheduleProblems = (problems: readonly ScheduleProblem[]) =>
  new HttpProblem(
    422,
    'schedule-problems',
    '时间安排有问题',
    problems[0]!.message,
    problems.map((p) => ({ location: 'body', path: p.path, message: p.message })),
  );

export const noSuchSeat = () => notFound('议事会没有这个席位');
export const noSuchClaim = () => notFound('没有这个席位认领码，或已被认领');
