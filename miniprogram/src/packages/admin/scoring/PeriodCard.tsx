import type { ScoringPeriodSummary } from '@shared/api/scoring';
import { dayText, periodStatusText } from '../../../components/scoring/scoringText';
import { Html, VisuallyHidden } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';

/** One evaluation period in the committee's list; the card opens its board. */
export function PeriodCard({ period: p, onOpen, selected }: { period: ScoringPeriodSummary; onOpen: () => void; selected?: boolean }) {
  return (
    <CardButton onClick={onOpen} selected={selected}>
      <Html tag='span' className='gz-item-title'>
        {p.name}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${periodStatusText(p.status)} · ${p.branchCount} 个党支部`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${dayText(p.startDate)}至${dayText(p.endDate)}`}
      </Html>
    </CardButton>
  );
}
