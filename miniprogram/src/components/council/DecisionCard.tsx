import type { Outcome } from '@shared/api/council';
import { formatTime } from '../format';
import { Html, VisuallyHidden } from '../ui';
import { CardButton } from '../ui/CardButton';
import { MotionPhaseTag } from './MotionPhaseTag';
import { countsText } from './councilText';

/** A decision as residents read it: the motion, its result, the sentence that says why, and the counts. */
export function DecisionCard({ decision, onOpen }: { decision: { id: string; title: string; outcome: Outcome }; onOpen: () => void }) {
  const { outcome } = decision;
  return (
    <CardButton onClick={onOpen}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {decision.title}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <Html tag='span' className='gz-tags'>
          <MotionPhaseTag phase='decided' result={outcome.result} />
        </Html>
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${outcome.text}。`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${countsText(outcome.counts)} · ${formatTime(outcome.decidedAt)}`}
      </Html>
    </CardButton>
  );
}
