import type { TeamSummary } from '@shared/api/teams';
import { formatTime } from '../../../components/format';
import { TeamStatusTag } from '../../../components/teams/TeamStatusTag';
import { complaintCountText, rulesProgressText } from '../../../components/teams/teamText';
import { Html, VisuallyHidden } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';

/**
 * One team in the committee's list; the whole card opens its review. The name first, then its status, then where,
 * who leads it and how many they are, the rules, complaints and number: read in the order it is seen (the card's
 * name is its text, with pauses).
 */
export function TeamCard({ team: t, onOpen, selected }: { team: TeamSummary; onOpen: () => void; selected?: boolean }) {
  return (
    <CardButton onClick={onOpen} selected={selected}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {t.name}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <Html tag='span' className='gz-tags'>
          <TeamStatusTag status={t.status} />
        </Html>
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {t.venue.name}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`队长 ${t.leaderName} · ${t.memberCount} 人`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {rulesProgressText(t.rules)}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className={t.complaintCount ? 'gz-meta gz-team-complaints' : 'gz-meta'}>
        {complaintCountText(t.complaintCount)}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {t.registrationNumber ? (
          <>
            {'备案编号 '}
            <Html tag='span' className='gz-nowrap'>
              {t.registrationNumber}
            </Html>
            <VisuallyHidden>，</VisuallyHidden>
            {' · '}
          </>
        ) : null}
        {`${formatTime(t.updatedAt)} 更新`}
      </Html>
    </CardButton>
  );
}
