import Taro, { useRouter } from '@tarojs/taro';
import { VALIDITY_LABELS } from '@shared/teams/registration';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { Slots } from '../../../components/teams/Slots';
import { dateText } from '../../../components/teams/teamText';
import { Button, Facts, Html, QrCode, type Fact } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { verifyAddress } from '../address';
import { useTeam } from '../useTeam';
import '../teams.css';

/**
 * A registered team's ID card (电子身份证): shown on the leader's phone or printed and hung at the venue. Its QR
 * code opens the public check, where anyone in the square sees that the team is registered and when it may
 * dance — no names or numbers there.
 */
export default function TeamCardPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const { team, error, load } = useTeam(params.id ?? '', Boolean(session));

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!team) return <LoadingState />;
  const reg = team.registration;
  const back = (
    <Button variant='plain' onClick={() => void Taro.redirectTo({ url: `/packages/teams/detail/index?id=${team.id}` })}>
      返回舞队页面
    </Button>
  );
  if (!reg)
    return (
      <Html tag='main' className='gz-page'>
        <EmptyState title='这支舞队还没有通过备案，通过后会有电子身份证。' />
        {back}
      </Html>
    );

  const rows: Fact[] = [
    ['备案编号', reg.number],
    ['队长', team.leaderName],
    ['活动场地', team.venue.name],
    ['活动时段', <Slots slots={team.slots} key='slots' />],
    ['队员人数', `${team.members.length} 人`],
    ['规章学习', team.rules.currentVersion === null ? '—' : `${team.rules.accepted}/${team.rules.of} 人已确认第 ${team.rules.currentVersion} 版`],
    ['有效期至', dateText(reg.validUntil)],
  ];
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='section' className='gz-id-card' aria-labelledby='id-card-title'>
        <Html tag='p' className='gz-id-card-kicker'>
          广场舞队电子身份证
        </Html>
        <Html tag='h1' className='gz-h1' id='id-card-title'>
          {team.name}
        </Html>
        <Html tag='p' className={reg.validity === 'valid' ? 'gz-id-card-state' : 'gz-id-card-state gz-id-card-state--off'}>
          {reg.validity === 'valid' ? '✓ 已备案，有效' : `✗ ${VALIDITY_LABELS[reg.validity]}`}
        </Html>
        <Facts rows={rows} />
        <QrCode text={verifyAddress(reg.number, session.user.communityId)} alt={`查验备案编号 ${reg.number} 的二维码`} />
        <Html tag='p' className='gz-text gz-muted gz-id-card-note'>
          扫码可查验备案和活动时段（不显示个人信息）
        </Html>
      </Html>
      {back}
    </Html>
  );
}
