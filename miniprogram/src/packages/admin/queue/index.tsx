import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@shared/feedback/status';
import { staffCall } from '../../../api';
import { FeedbackCard } from '../../../components/FeedbackCard';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { SplitView } from '../../../components/admin/SplitView';
import { useWideLayout } from '../../../components/admin/useWideLayout';
import { statusText } from '../../../components/statusText';
import { Button, Checkbox, ChoiceGroup, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { BulkAssign } from '../feedback/BulkAssign';
import { FeedbackReview } from '../feedback/FeedbackReview';
import { QueueFilters } from '../feedback/QueueFilters';
import { activeFilters, type QueueFilter } from '../feedback/queueFilter';
import { ADMIN_SECTIONS } from '../sections';
import { feedbackApi } from '@shared/api/feedback';

const PAGE_SIZE = 20;
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

type Counts = Partial<Record<FeedbackStatus, number>>;

/**
 * The committee's queue of resident feedback, by status (each filter says how many), oldest first. On a desktop
 * the selected feedback opens beside the list, and several can be chosen and assigned at once; on a phone and in
 * WeChat each opens as its own page.
 */
export default function QueuePage() {
  const session = useSession('staff');
  const wide = useWideLayout();
  const [status, setStatus] = useState<FeedbackStatus>(initialStatus);
  const [selected, setSelected] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  /** The filter waits for its counts (or their failure), so it does not change width under the person's eyes. */
  const [countsSettled, setCountsSettled] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState<QueueFilter>({});
  const titleId = useUniqueId('queue-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(feedbackApi.listFeedbackQueue, { query: { ...filter, status, limit: PAGE_SIZE, cursor } }),
    [status, filter],
  );
  const list = usePagedList(fetchPage, Boolean(session));

  const loadCounts = useCallback(async () => {
    if (!session) return;
    try {
      setCounts((await staffCall(feedbackApi.countFeedbackByStatus)).counts);
    } catch {
      /* the filter works without its numbers */
    } finally {
      setCountsSettled(true);
    }
  }, [session]);
  useEffect(() => {
    void loadCounts();
  }, [loadCounts]);

  const reload = () => {
    void list.reload();
    void loadCounts();
  };

  const narrow = (next: QueueFilter) => {
    setFilter(next);
    setSelected(null);
    setChosen([]);
  };

  const choose = (next: FeedbackStatus) => {
    setStatus(next);
    setSelected(null);
    setChosen([]);
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
  const bulkOn = wide && bulk;
  const options = FEEDBACK_STATUSES.map((value) => ({
    value,
    label: counts?.[value] !== undefined ? `${FEEDBACK_STATUS_LABELS[value]}（${counts[value]}）` : FEEDBACK_STATUS_LABELS[value],
  }));

  const queue = (
    <>
      {countsSettled ? (
        <ChoiceGroup id='queue-status' legend='按状态筛选（括号里是条数）' options={options} value={status} onChange={choose} />
      ) : null}
      {/* with the status filter, so the two appear together and nothing below them moves */}
      {countsSettled ? <QueueFilters value={filter} onChange={narrow} /> : null}

      <Html tag='div' className='gz-row'>
        <Html tag='h2' className='gz-h2' id={titleId}>
          {statusText.queueTitle(status)}
        </Html>
        {wide ? (
          <Button
            inline
            variant='plain'
            pressed={bulk}
            onClick={() => {
              setBulk((b) => !b);
              setChosen([]);
            }}
          >
            批量分派
          </Button>
        ) : null}
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={reload}>
          刷新
        </Button>
      </Html>

      {bulkOn ? (
        <BulkAssign
          selected={chosen}
          items={list.items}
          onSelectAll={() => setChosen(list.items.map((i) => i.id))}
          onClear={() => setChosen([])}
          onDone={() => {
            setChosen([]);
            reload();
          }}
        />
      ) : null}

      {list.error ? <ErrorState message={list.error} onRetry={reload} /> : null}
      {(list.loading && !list.loaded) || !countsSettled ? <LoadingState /> : null}
      {countsSettled && list.loaded && !list.loading && !list.items.length ? (
        <EmptyState title={activeFilters(filter) ? `没有符合筛选条件的${FEEDBACK_STATUS_LABELS[status]}反馈。` : statusText.queueEmpty(status)} />
      ) : null}

      {countsSettled && list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId} aria-busy={list.loading}>
          {list.items.map((item) => (
            <Html tag='li' key={item.id}>
              {bulkOn ? (
                <Checkbox
                  id={`bulk-${item.id}`}
                  label={`选中「${item.title}」`}
                  checked={chosen.includes(item.id)}
                  onChange={(on) => setChosen((c) => (on ? [...c, item.id] : c.filter((x) => x !== item.id)))}
                />
              ) : null}
              <FeedbackCard item={item} showReporter showAssignee selected={wide && item.id === selected} onOpen={() => open(item.id)} />
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
            <FeedbackReview key={selected} id={selected} headingLevel={2} onChanged={reload} />
          ) : (
            <EmptyState title='在左边的列表中点选一条反馈，它的详情和处理会显示在这里。' />
          )
        }
      />
    </AdminShell>
  );
}
