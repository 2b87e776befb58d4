import type { Council } from '@shared/api/council';
import { SEAT_ROLE_LABELS } from '@shared/council/seats';
import { Html, useUniqueId } from '../ui';

/** Who sits for which party today: each party with its seats, and its members by name (and role). */
export function CouncilMembers({ council }: { council: Council }) {
  const titleId = useUniqueId('members-title');
  const today = council.members.filter((m) => m.inTerm);
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`成员（${today.length} 人）`}
      </Html>
      <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
        {council.parties.map((p) => {
          const seated = today.filter((m) => m.party === p.name);
          return (
            <Html tag='li' className='gz-member' key={p.name}>
              <Html tag='p' className='gz-item-title'>
                {`${p.name}（${p.seated}/${p.seats} 席）`}
              </Html>
              <Html tag='p' className='gz-text'>
                {seated.length ? seated.map((m) => (m.role === 'member' ? m.name : `${m.name}（${SEAT_ROLE_LABELS[m.role]}）`)).join('、') : '暂无成员'}
              </Html>
            </Html>
          );
        })}
      </Html>
    </Html>
  );
}
