import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@shared/feedback/status';
import { api, clearSession, staffCall } from '../../../api';
import { FeedbackCard } from '../../../components/FeedbackCard';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { Button, ChoiceGroup, Html } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = FEEDBACK_STATUSES.map((value) => ({ value, label: FEEDBACK_STATUS_LABELS[value] }));
const STATUS_KEY = 'gongzhi.admin.queueStatus';

const initialStatus = (): FeedbackStatus => {
  try {
    const saved = Taro.getStorageSync(STATUS_KEY) as FeedbackStatus | '';
    if (saved && (FEEDBACK_STATUSES as readonly string[]).includes(saved)) return saved;
  } catch {
    /* no storage: default */
  }
  return 'submitted';
};

export default function QueuePage() {
  const session = useSession('staff');
  const [status, setStatus] = useState<FeedbackStatus>(initialStatus);
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(api.feedback.listFeedbackQueue, { query: { status, limit: PAGE_SIZE, cursor } }),
    [status],
  );
  const list = usePagedList(fetchPage, Boolean(session));

  const choose = (next: FeedbackStatus) => {
    setStatus(next);
    try {
      Taro.setStorageSync(STATUS_KEY, next);
    } catch {
      /* ignore */
    }
  };

  if (!session) return <LoadingState text='正在前往登录…' />;

  const logout = () => {
    clearSession('staff');
    void Taro.reLaunch({ url: '/packages/admin/login/index' });
  };

  return (
    <View className='gz-page'>
      <View className='gz-row'>
        <Html tag='h1' className='gz-h1'>
          居民反馈受理
        </Html>
        <Button inline variant='plain' onClick={logout}>
          退出登录
        </Button>
      </View>
      <Html tag='p' className='gz-text gz-muted'>
        {session.user.name}，您好。按状态查看反馈，等得最久的排在最前面。
      </Html>

      <ChoiceGroup id='queue-status' legend='按状态筛选' options={STATUS_OPTIONS} value={status} onChange={choose} />

      <View className='gz-row'>
        <Html tag='h2' className='gz-h2' id='queue-title'>
          「{FEEDBACK_STATUS_LABELS[status]}」的反馈
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
          刷新
        </Button>
      </View>

      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.loading && !list.items.length ? (
        <EmptyState title={`目前没有「${FEEDBACK_STATUS_LABELS[status]}」的反馈。`} />
      ) : null}

      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby='queue-title' aria-busy={list.loading}>
          {list.items.map((item) => (
            <Html tag='li' key={item.id}>
              <FeedbackCard
                item={item}
                showReporter
                onOpen={() => void Taro.navigateTo({ url: `/packages/admin/detail/index?id=${item.id}` })}
              />
            </Html>
          ))}
        </Html>
      ) : null}

      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </View>
  );
}
