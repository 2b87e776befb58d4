import type { FeedbackSummary } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { hoursWaiting, isOverdue } from '@shared/feedback/targets';
import { assignmentText, waitingText } from './feedbackText';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';
import { CardButton } from './ui/CardButton';
import { Html, VisuallyHidden } from './ui';

/**
 * One row of a feedback list; the whole card opens the detail. The title comes first, then the status (and 新进展
 * when the committee changed it since its reporter last opened it: a word, not a colour alone), then where, the
 * reference number and when: the order it is seen in is the order it is read in (the card's name is its text,
 * with pauses). Staff also see who reported it and who follows it up.
 */
export function FeedbackCard({
  item,
  onOpen,
  showReporter,
  showAssignee,
  showUnread,
  selected,
}: {
  item: FeedbackSummary;
  onOpen: () => void;
  showReporter?: boolean;
  showAssignee?: boolean;
  /** Its reporter's list: mark what changed since they last opened it (the marker is theirs alone). */
  showUnread?: boolean;
  selected?: boolean;
}) {
  const assigned = assignmentText(item.assignment);
  const unread = Boolean(showUnread && item.unread);
  // staff see how long a report has waited for its first answer, and 超时 past its category's target
  const now = new Date();
  const waiting = showAssignee && item.status === 'submitted';
  const overdue = waiting && isOverdue(item.category, item.createdAt, now);
  return (
    <CardButton onClick={onOpen} selected={selected} unread={unread}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {item.title}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <Html tag='span' className='gz-tags'>
          <StatusTag status={item.status} />
          {overdue ? (
            <>
              <VisuallyHidden>，</VisuallyHidden>
              <Html tag='span' className='gz-tag-overdue'>
                超时
              </Html>
            </>
          ) : null}
          {unread ? (
            <>
              <VisuallyHidden>，</VisuallyHidden>
              <Html tag='span' className='gz-tag-new'>
                新进展
              </Html>
            </>
          ) : null}
        </Html>
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {FEEDBACK_CATEGORY_LABELS[item.category]} · {item.compound}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      {showAssignee ? (
        <Html tag='span' className='gz-meta'>
          {assigned ? `负责跟进：${assigned}` : '还没有分派'}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
      ) : null}
      {waiting ? (
        <Html tag='span' className='gz-meta'>
          {waitingText(hoursWaiting(item.createdAt, now))}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
      ) : null}
      <Html tag='span' className='gz-meta'>
        {showReporter ? `${item.reporterName} · ` : ''}
        {formatTime(item.createdAt)} 提交
        {item.ref ? (
          <>
            <VisuallyHidden>，</VisuallyHidden>
            {' · 编号 '}
            <Html tag='span' className='gz-nowrap'>
              {item.ref}
            </Html>
          </>
        ) : null}
      </Html>
    </CardButton>
  );
}
