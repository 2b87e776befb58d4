import { Tag } from '@nutui/nutui-react-taro';
import { OUTCOME_LABELS, type OutcomeResult } from '@shared/council/outcome';
import { MOTION_PHASE_LABELS, type MotionPhase } from '@shared/council/status';

/** Dark backgrounds with white text: every pair has a contrast of at least 4.5:1. */
const PHASE_COLORS: Record<MotionPhase, string> = {
  proposed: '#424242',
  scheduled: '#0d47a1',
  discussion: '#4a148c',
  voting: '#a84300',
  counting: '#5d4037',
  decided: '#1b5e20',
  withdrawn: '#616161',
};

const RESULT_COLORS: Record<OutcomeResult, string> = { passed: '#1b5e20', rejected: '#b00020', 'no-quorum': '#5d4037' };

/** Where a motion stands; once decided, its result (通过 / 未通过 / 未达法定人数) says more than 已表决. */
export function MotionPhaseTag({ phase, result }: { phase: MotionPhase; result?: OutcomeResult }) {
  if (phase === 'decided' && result)
    return (
      <Tag background={RESULT_COLORS[result]} color='#ffffff' className='gz-status'>
        {OUTCOME_LABELS[result]}
      </Tag>
    );
  return (
    <Tag background={PHASE_COLORS[phase]} color='#ffffff' className='gz-status'>
      {MOTION_PHASE_LABELS[phase]}
    </Tag>
  );
}
