import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../api';
import { FeedbackCard } from '../../../components/FeedbackCard';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { Button, Html } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { feedbackApi } from '@shared/api/feedback';

const PAGE_SIZE = 10;

export default function MyFeedbackPage() {
  const session = useSession('resident');
  const fetchPage = useCallback(
    (cursor: string | undefined) => call(feedbackApi.listMyFeedback, { query: { limit: PAGE_SIZE, cursor } }),
    [],
  );
  const list = usePagedList(fetchPage, Boolean(session));
  const report = () => void Taro.navigateTo({ url: '/pages/feedback/new/index' });

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='div' className='gz-row'>
        <Html tag='h1' className='gz-h1'>
          我的反馈
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
          刷新
        </Button>
      </Html>

      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}

      {list.loaded && !list.items.length ? (
        <EmptyState title='您还没有反映过问题。'>
          <Button variant='primary' inline onClick={report}>
            反映问题
          </Button>
        </EmptyState>
      ) : null}

      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-label='我的反馈列表'>
          {list.items.map((item) => (
            <Html tag='li' key={item.id}>
              <FeedbackCard item={item} showUnread onOpen={() => void Taro.navigateTo({ url: `/pages/feedback/detail/index?id=${item.id}` })} />
            </Html>
          ))}
        </Html>
      ) : null}

      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      {/* Drawn once the list is there, so it does not jump down when the list arrives. */}
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
