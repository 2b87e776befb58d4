import type { FeedbackSummary } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { FEEDBACK_STATUS_LABELS } from '@shared/feedback/status';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';
import { CardButton } from './ui/CardButton';
import { Html } from './ui';

/** One row of a feedback list; the whole card opens the detail page. */
export function FeedbackCard({ item, onOpen, showReporter }: { item: FeedbackSummary; onOpen: () => void; showReporter?: boolean }) {
  const label = `${item.title}，${FEEDBACK_STATUS_LABELS[item.status]}，${FEEDBACK_CATEGORY_LABELS[item.category]}，${item.compound}，${formatTime(item.createdAt)} 提交，查看详情`;
  return (
    <CardButton onClick={onOpen} accessibleName={label}>
      <Html tag='span' className='gz-row'>
        <Html tag='span' className='gz-meta'>
          {FEEDBACK_CATEGORY_LABELS[item.category]} · {item.compound}
        </Html>
        <StatusTag status={item.status} />
      </Html>
      <Html tag='span' className='gz-item-title'>
        {item.title}
      </Html>
      <Html tag='span' className='gz-meta'>
        {showReporter ? `${item.reporterName} · ` : ''}
        {formatTime(item.createdAt)} 提交
      </Html>
    </CardButton>
  );
}
