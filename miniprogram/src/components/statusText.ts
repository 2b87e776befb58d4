import type { HistoryEntry } from '../../../shared/api/feedback';
import { FEEDBACK_ACTION_LABELS, FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '../../../shared/feedback/status';

/**
 * Every sentence built from a status label, in one place. The labels carry their own 已 (已受理, 已解决, 已办结),
 * so a sentence never puts 已 before one ("这条反馈已「已办结」"): tests/unit/miniprogram/status-text.test.ts
 * builds each sentence for every status. (Relative import of shared/: jest loads this file without the alias.)
 */
const label = (s: FeedbackStatus) => `「${FEEDBACK_STATUS_LABELS[s]}」`;

export const statusText = {
  /** The committee's page, when nothing more can be done. */
  final: (s: FeedbackStatus) => `这条反馈当前为${label(s)}，无需再处理。`,
  /** After a move. */
  updated: (s: FeedbackStatus) => `已更新：当前状态为${label(s)}`,
  /** A move the status machine does not allow from here. */
  cannotMove: (from: FeedbackStatus, to: FeedbackStatus) => `${label(from)}的反馈不能${FEEDBACK_ACTION_LABELS[to]}`,
  /** A line of the timeline. */
  movedTo: (s: FeedbackStatus) => `状态改为${label(s)}`,
  /** The steward's page, when the move is not theirs to make any more. */
  nothingForSteward: (s: FeedbackStatus) => `这条反馈当前为${label(s)}，不需要您再处理。`,
  /** The queue's heading and its empty state. */
  queueTitle: (s: FeedbackStatus) => `${label(s)}的反馈`,
  queueEmpty: (s: FeedbackStatus) => `目前没有${label(s)}的反馈。`,
};

/**
 * What a timeline note is, said before it: the first entry's note is how it was reported (代居民记录…), a
 * withdrawal's is the reason, the reporter's answer to a resolution is their rating, the system's speaks for
 * itself; anything else is the reply the resident reads.
 */
export const notePrefix = (h: Pick<HistoryEntry, 'from' | 'to' | 'byRole'>): string => {
  if (h.from === null || h.byRole === 'system') return '';
  if (h.to === 'withdrawn') return '撤回原因：';
  const reporter = h.byRole === 'resident' || h.byRole === 'steward';
  if (h.from === 'resolved' && reporter) return '评价：';
  return '回复：';
};
