import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../api';
import { FeedbackCard } from '../../../components/FeedbackCard';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { Button, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { NotASteward } from '../NotASteward';
import { WorkLog } from '../WorkLog';
import { feedbackApi } from '@shared/api/feedback';

const PAGE_SIZE = 10;

/** A red steward's queue: what the committee assigned to them, latest assignment first. */
export default function AssignedToMePage() {
  const session = useSession('resident');
  const isSteward = Boolean(session?.user.roles.includes('steward'));
  const titleId = useUniqueId('assigned-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) => call(feedbackApi.listAssignedToMe, { query: { limit: PAGE_SIZE, cursor } }),
    [],
  );
  const list = usePagedList(fetchPage, isSteward);

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (!isSteward) return <NotASteward />;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='div' className='gz-row'>
        <Html tag='h1' className='gz-h1' id={titleId}>
          分派给我的
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
          刷新
        </Button>
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        社区交给您跟进的问题，最近分派的排在最前面。处理好以后，请写下给居民的回复。
      </Html>
      <WorkLog />

      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='目前没有分派给您的问题。' /> : null}

      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((item) => (
            <Html tag='li' key={item.id}>
              <FeedbackCard item={item} showReporter onOpen={() => void Taro.navigateTo({ url: `/packages/steward/detail/index?id=${item.id}` })} />
            </Html>
          ))}
        </Html>
      ) : null}

      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      {list.loaded || list.error ? (
        <Html tag='div' className='gz-footer-links'>
          <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
            返回首页
          </Button>
        </Html>
      ) : null}
    </Html>
  );
}
