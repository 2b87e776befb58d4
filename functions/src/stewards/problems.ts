import { conflict, forbidden, HttpProblem, notFound, unprocessable } from '../http/problem';

/** The refusals the stewards' use cases share, each with the slug clients branch on and words people read. */

export const householdNotFound = () => notFound('没有找到这户住户（只能查看自己负责的住户）');
export const visitNotFound = () => notFound('没有找到这次走访记录');
export const staleHousehold = () => conflict('stale-version', '这户住户的信息刚被修改过，请刷新后再改');
export const staleSettings = () => conflict('stale-version', '走访设置刚被修改过，请刷新后再改');
export const dateInFuture = () => unprocessable('date-in-future', '日期不能晚于今天');
export const unknownSteward = () => unprocessable('unknown-steward', '所选的红色小管家不存在，请重新选择');
export const unknownFeedback = () => unprocessable('unknown-feedback', '没有找到您代居民登记的这条反馈');

export const surveyNotFound = () => notFound('没有找到这项民意征集');
export const staleSurvey = () => conflict('stale-version', '这项征集刚被修改过，请刷新后再改');
export const notADraft = () => conflict('not-a-draft', '征集已经发布，问题不能再改；需要改动请新建一项征集');
export const surveyNotOpen = () => conflict('survey-not-open', '这项征集现在不接受回答');
export const alreadyAnswered = () => conflict('already-answered', '您已经回答过这项征集，谢谢参与');
export const onlyStewardsGather = () => forbidden('只有红色小管家可以代居民记录收集到的意见');
export const surveyMoveNotAllowed = (from: string, to: string) => conflict('transition-not-allowed', `“${from}”的征集不能改为“${to}”`);
export const answerProblemsFound = (problems: readonly { questionId: string; message: string }[]) =>
  new HttpProblem(
    422,
    'answer-problems',
    '回答不完整',
    '有问题没有回答或回答无效，请检查后再提交',
    problems.map((p) => ({ location: 'body', path: `answers.${p.questionId}`, message: p.message })),
  );
