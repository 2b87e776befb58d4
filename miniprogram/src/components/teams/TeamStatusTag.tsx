import { Tag } from '@nutui/nutui-react-taro';
import { TEAM_STATUS_LABELS, type TeamStatus } from '@shared/teams/status';

/** Dark backgrounds with white text: every pair has a contrast of at least 4.5:1. */
const COLORS: Record<TeamStatus, string> = {
  draft: '#424242',
  submitted: '#a84300',
  changes_requested: '#4a148c',
  approved: '#1b5e20',
  rejected: '#b00020',
  suspended: '#5d4037',
};

export function TeamStatusTag({ status }: { status: TeamStatus }) {
  return (
    <Tag background={COLORS[status]} color='#ffffff' className='gz-status'>
      {TEAM_STATUS_LABELS[status]}
    </Tag>
  );
}
