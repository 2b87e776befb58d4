import type { MotionSummary } from '@shared/api/council';
import { CardButton } from '../ui/CardButton';
import { Html, VisuallyHidden } from '../ui';
import { MotionPhaseTag } from './MotionPhaseTag';
import { motionWhenText } from './councilText';

/** A motion in a list: its title and where it stands; 待您投票 while the reader's ballot is still to cast. */
export function MotionCard({ motion, onOpen, selected }: { motion: MotionSummary; onOpen: () => void; selected?: boolean }) {
  const mustVote = motion.phase === 'voting' && motion.myBallot?.voted === false;
  const when = motionWhenText(motion);
  return (
    <CardButton onClick={onOpen} selected={selected} unread={mustVote}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {motion.title}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <Html tag='span' className='gz-tags'>
          {mustVote ? <Html tag='span' className='gz-tag-new'>待您投票</Html> : null}
          <MotionPhaseTag phase={motion.phase} result={motion.result} />
        </Html>
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      {when ? (
        <Html tag='span' className='gz-meta'>
          {when}
        </Html>
      ) : null}
    </CardButton>
  );
}
