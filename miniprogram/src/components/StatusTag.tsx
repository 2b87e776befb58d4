import { Tag } from '@nutui/nutui-react-taro';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@shared/feedback/status';

/** Dark backgrounds with white text: every pair has a contrast of at least 4.5:1. */
const COLORS: Record<FeedbackStatus, string> = {
  submitted: '#a84300',
  accepted: '#0d47a1',
  in_progress: '#4a148c',
  resolved: '#1b5e20',
  closed: '#424242',
  rejected: '#b00020',
  withdrawn: '#5d4037',
};

export function StatusTag({ status }: { status: FeedbackStatus }) {
  return (
    <Tag background={COLORS[status]} color='#ffffff' className='gz-status'>
      {FEEDBACK_STATUS_LABELS[status]}
    </Tag>
  );
}
