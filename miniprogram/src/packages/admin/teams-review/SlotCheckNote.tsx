import { useEffect, useState } from 'react';
import type { Team } from '@shared/api/teams';
import { errorMessage, staffCall } from '../../../api';
import { Html } from '../../../components/ui';
import { slotCheckLines } from './reviewText';
import { teamsApi } from '@shared/api/teams';

type Check = { state: 'checking' } | { state: 'done'; lines: string[] } | { state: 'failed'; message: string };

/**
 * Before an approval: the same slot check the leader's form and the server's approval use,
 * against the venue as it is now and the teams holding places there — so the committee sees a full venue or a slot
 * in quiet hours before deciding, not only after the server refuses. The team's own places do not count against it.
 */
export function SlotCheckNote({ team }: { team: Team }) {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    setCheck({ state: 'checking' });
    staffCall(teamsApi.checkTeamSlots, { body: { venueId: team.venue.id, slots: team.slots, teamId: team.id } })
      .then((r) => live && setCheck({ state: 'done', lines: slotCheckLines(team.slots, r.problems) }))
      .catch((err: unknown) => live && setCheck({ state: 'failed', message: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [team.id, team.venue.id, team.slots]);

  if (check.state === 'checking')
    return (
      <Html tag='p' className='gz-text gz-muted' role='status'>
        正在检查活动时段…
      </Html>
    );
  if (check.state === 'failed')
    return (
      <Html tag='p' className='gz-text gz-muted'>
        {`活动时段没有检查成功（${check.message}），批准时服务器仍会检查。`}
      </Html>
    );
  if (!check.lines.length)
    return (
      <Html tag='p' className='gz-text'>
        时段检查：各时段都在场地允许的时间内，场地也有空位。
      </Html>
    );
  return (
    <Html tag='div' className='gz-team-slot-problems'>
      <Html tag='p' className='gz-text gz-team-pending'>
        时段检查：下面的时段现在有冲突，批准会被拒绝，可以退回队长修改。
      </Html>
      <Html tag='ul' className='gz-list'>
        {check.lines.map((line) => (
          <Html tag='li' className='gz-text' key={line}>
            {line}
          </Html>
        ))}
      </Html>
    </Html>
  );
}
