import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { CouncilSummary } from '@shared/api/council';
import { call } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { seatText } from '../../../components/council/councilText';
import { Button, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { useSession } from '../../../components/useSession';
import { councilApi } from '@shared/api/council';

const open = (id: string) => void Taro.navigateTo({ url: `/packages/council/council/index?id=${id}` });

function CouncilCard({ council }: { council: CouncilSummary }) {
  return (
    <CardButton onClick={() => open(council.id)}>
      <Html tag='span' className='gz-item-title'>
        {council.name}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${council.memberCount} 位成员：${council.parties.map((p) => p.name).join('、')}`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      {council.mySeat ? (
        <Html tag='span' className='gz-meta'>
          {`我是成员（${seatText(council.mySeat)}）`}
        </Html>
      ) : null}
    </CardButton>
  );
}

/**
 * 议事会: the community's councils. Every resident reads their decisions; members also discuss and vote. Someone
 * the committee seated without their account enters the seat's code here.
 */
export default function CouncilsPage() {
  const session = useSession('resident');
  const titleId = useUniqueId('councils-title');
  const { data, error, load } = useLoaded(session ? () => call(councilApi.listCouncils) : null, [], { reloadOnShow: true });
  const items = data?.items ?? null;
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1' id={titleId}>
        议事会
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        社区的事大家商量：议事会成员讨论议题并投票表决，表决结果向全体居民公开。
      </Html>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!items && !error ? <LoadingState /> : null}
      {items && !items.length ? <EmptyState title='社区还没有成立议事会。' /> : null}
      {items?.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {items.map((c) => (
            <Html tag='li' key={c.id}>
              <CouncilCard council={c} />
            </Html>
          ))}
        </Html>
      ) : null}
      <Button onClick={() => void Taro.navigateTo({ url: '/packages/council/claim/index' })}>我有席位认领码</Button>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}
