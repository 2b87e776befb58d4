import type { FeedbackSummary } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';
import { CardButton } from './ui/CardButton';
import { Html, VisuallyHidden } from './ui';

/**
 * One row of a feedback list; the whole card opens the detail. The title comes first, then the status, then where
 * and when: the order it is seen in is the order it is read in (the card's name is its text, with pauses).
 */
export function FeedbackCard({
  item,
  onOpen,
  showReporter,
  selected,
}: {
  item: FeedbackSummary;
  onOpen: () => void;
  showReporter?: boolean;
  selected?: boolean;
}) {
  return (
    <CardButton onClick={onOpen} selected={selected}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {item.title}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <StatusTag status={item.status} />
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {FEEDBACK_CATEGORY_LABELS[item.category]} · {item.compound}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {showReporter ? `${item.reporterName} · ` : ''}
        {formatTime(item.createdAt)} 提交
      </Html>
    </CardButton>
  );
}
