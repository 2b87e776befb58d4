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
  /** The queue's heading and its empty state. */
  queueTitle: (s: FeedbackStatus) => `${label(s)}的反馈`,
  queueEmpty: (s: FeedbackStatus) => `目前没有${label(s)}的反馈。`,
};
