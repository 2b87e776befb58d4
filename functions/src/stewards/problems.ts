import { conflict, notFound, unprocessable } from '../http/problem';

/** The refusals the stewards' use cases share, each with the slug clients branch on and words people read. */

export const householdNotFound = () => notFound('没有找到这户住户（只能查看自己负责的住户）');
export const visitNotFound = () => notFound('没有找到这次走访记录');
export const staleHousehold = () => conflict('stale-version', '这户住户的信息刚被修改过，请刷新后再改');
export const staleSettings = () => conflict('stale-version', '走访设置刚被修改过，请刷新后再改');
export const dateInFuture = () => unprocessable('date-in-future', '日期不能晚于今天');
export const unknownSteward = () => unprocessable('unknown-steward', '所选的红色小管家不存在，请重新选择');
export const unknownFeedback = () => unprocessable('unknown-feedback', '没有找到您代居民登记的这条反馈');
