import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@shared/feedback/status';
import { api, staffCall } from '../../../api';
import { FeedbackCard } from '../../../components/FeedbackCard';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { SplitView } from '../../../components/admin/SplitView';
import { useWideLayout } from '../../../components/admin/useWideLayout';
import { statusText } from '../../../components/statusText';
import { Button, ChoiceGroup, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { FeedbackReview } from '../feedback/FeedbackReview';
import { ADMIN_SECTIONS } from '../sections';

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

/**
 * The committee's queue of resident feedback, by status, oldest first. On a desktop the selected feedback opens
 * beside the list; on a phone and in WeChat it opens as its own page.
 */
export default function QueuePage() {
  const session = useSession('staff');
  const wide = useWideLayout();
  const [status, setStatus] = useState<FeedbackStatus>(initialStatus);
  const [selected, setSelected] = useState<string | null>(null);
  const titleId = useUniqueId('queue-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(api.feedback.listFeedbackQueue, { query: { status, limit: PAGE_SIZE, cursor } }),
    [status],
  );
  const list = usePagedList(fetchPage, Boolean(session));

  const choose = (next: FeedbackStatus) => {
    setStatus(next);
    setSelected(null);
    try {
      Taro.setStorageSync(STATUS_KEY, next);
    } catch {
      /* ignore */
    }
  };

  if (!session) return <LoadingState text='正在前往登录…' />;

  const open = (id: string) => {
    if (wide) setSelected(id);
    else void Taro.navigateTo({ url: `/packages/admin/detail/index?id=${id}` });
  };

  const queue = (
    <>
      <ChoiceGroup id='queue-status' legend='按状态筛选' options={STATUS_OPTIONS} value={status} onChange={choose} />

      <Html tag='div' className='gz-row'>
        <Html tag='h2' className='gz-h2' id={titleId}>
          {statusText.queueTitle(status)}
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
          刷新
        </Button>
      </Html>

      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.loading && !list.items.length ? <EmptyState title={statusText.queueEmpty(status)} /> : null}

      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId} aria-busy={list.loading}>
          {list.items.map((item) => (
            <Html tag='li' key={item.id}>
              <FeedbackCard item={item} showReporter selected={wide && item.id === selected} onOpen={() => open(item.id)} />
            </Html>
          ))}
        </Html>
      ) : null}

      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </>
  );

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='feedback' session={session}>
      <Html tag='h1' className='gz-h1'>
        居民反馈受理
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        按状态查看居民反馈，等得最久的排在最前面。
      </Html>
      <SplitView
        wide={wide}
        list={queue}
        detailLabel='反馈详情'
        detail={
          selected ? (
            <FeedbackReview key={selected} id={selected} headingLevel={2} onChanged={() => void list.reload()} />
          ) : (
            <EmptyState title='在左边的列表中点选一条反馈，它的详情和处理会显示在这里。' />
          )
        }
      />
    </AdminShell>
  );
}
