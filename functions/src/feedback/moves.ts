import type { HistoryEntry } from '../../../shared/api/feedback';
import { canTransition, checkTransition, FEEDBACK_STATUS_LABELS, type FeedbackActor, type FeedbackStatus } from '../../../shared/feedback/status';
import type { Principal } from '../http/auth';
import { badRequest, conflict, notFound } from '../http/problem';
import { newMessage, type OutboxMessage } from '../notify/outbox';
import { chinaMinute } from './china-time';
import { countMove } from './stats';
import { countStewardWork } from './work-log';
import { applyTransition, getFeedback, type FeedbackItem } from './store';


/**
 * The message that tells a reporter their feedback changed status (WeChat template fields: the matter, its new
 * status, when). WeChat limits a `thing` to 20 characters and a `phrase` to 5.
 */
export const statusMessage = (item: FeedbackItem, to: FeedbackItem['status'], at: string): OutboxMessage =>
  newMessage({
    kind: 'feedback-status',
    to: item.reporterId,
    ...(item.reporterOpenid ? { toOpenid: item.reporterOpenid } : {}),
    at,
    data: { thing1: [...item.title].slice(0, 20).join(''), phrase2: FEEDBACK_STATUS_LABELS[to].slice(0, 5), time3: chinaMinute(at) },
    page: `pages/feedback/detail/index?id=${item.id}`,
  });

export const stale = () => conflict('stale-version', '这条反馈刚被其他人修改过，请刷新后再操作');

const notAllowed = (from: FeedbackStatus, to: FeedbackStatus) =>
  conflict('transition-not-allowed', `“${FEEDBACK_STATUS_LABELS[from]}”的反馈不能改为“${FEEDBACK_STATUS_LABELS[to]}”`);

/** The caller's own feedback; anyone else's is "not found", so ids cannot be probed. */
export const getOwnFeedback = async (principal: Principal, id: string): Promise<FeedbackItem> => {
  const item = await getFeedback(principal.communityId, id);
  if (!item || item.reporterId !== principal.userId) throw notFound('反馈不存在');
  return item;
};

/**
 * One move along the status machine by one actor, in one conditional write: refused with 409 when the item
 * changed since the caller read it (`stale-version`) or the actor may not make this move from here, and with
 * 400 when staff or the assignee resolve or refuse without a reply.
 */
export const moveFeedback = async (opts: {
  current: FeedbackItem;
  expectedVersion: number;
  actor: FeedbackActor;
  entry: Omit<HistoryEntry, 'from'>;
  also?: Parameters<typeof applyTransition>[3];
  /** What the use case records once the move stands (its audit entry), side by side with the counters. */
  record?: (updated: FeedbackItem) => Promise<unknown>;
}): Promise<FeedbackItem> => {
  const { current, expectedVersion, actor, entry } = opts;
  if (current.version !== expectedVersion) throw stale();
  if (!canTransition(current.status, entry.to, actor)) throw notAllowed(current.status, entry.to);
  // staff and the assignee must tell the resident why when they resolve or refuse
  if ((actor === 'staff' || actor === 'assignee') && !checkTransition(current.status, entry.to, entry.note, actor).ok)
    throw badRequest('请填写给居民的回复', [{ location: 'body', path: 'note', message: '请填写给居民的回复' }]);
  // The committee's and the system's moves are told to the reporter; the reporter's own moves are seen by them.
  const also = actor === 'reporter' ? { ...opts.also, seenByReporter: true } : { ...opts.also, notify: statusMessage(current, entry.to, entry.at) };
  const updated = await applyTransition(current, expectedVersion, { ...entry, from: current.status }, also);
  if (!updated) throw stale();
  // The counters and the audit entry follow the move and do not depend on each other: one round trip, not three.
  const steward = updated.assignment?.steward?.id;
  await Promise.all([
    countMove(current, updated, entry.at),
    steward && updated.status === 'resolved' ? countStewardWork(updated.communityId, steward, entry.at, 'resolved') : undefined,
    opts.record?.(updated),
  ]);
  return updated;
};
