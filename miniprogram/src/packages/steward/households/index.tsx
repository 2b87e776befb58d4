import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { HouseholdSummary } from '@shared/api/stewards';
import { call } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { hoursText, labelsText, lastVisitText } from '../../../components/stewards/stewardText';
import { Button, Facts, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { NotASteward } from '../NotASteward';
import { stewardsApi } from '@shared/api/stewards';

const PAGE_SIZE = 20;

function HouseholdCard({ household: h, intervalDays }: { household: HouseholdSummary; intervalDays?: number }) {
  return (
    <CardButton onClick={() => void Taro.navigateTo({ url: `/packages/steward/household/index?id=${h.id}` })} unread={h.overdue}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {h.name}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        {h.overdue ? (
          <Html tag='span' className='gz-tags'>
            <Html tag='span' className='gz-tag-overdue'>{intervalDays ? `超过 ${intervalDays} 天未走访` : '该走访了'}</Html>
          </Html>
        ) : null}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${h.compound} ${h.address}${h.labels.length ? ` · ${labelsText(h.labels)}` : ''}`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {lastVisitText(h)}
      </Html>
    </CardButton>
  );
}

/**
 * 走访入户: the steward's month (visits, help, hours) and their households, the longest waiting for a visit
 * first — those past the committee's interval marked — each opening its record to log a visit or help.
 */
export default function MyHouseholdsPage() {
  const session = useSession('resident');
  const isSteward = Boolean(session?.user.roles.includes('steward'));
  const titleId = useUniqueId('households-title');
  const [summary, setSummary] = useState<Awaited<ReturnType<typeof loadSummary>> | null>(null);
  const fetchPage = useCallback((cursor: string | undefined) => call(stewardsApi.listMyHouseholds, { query: { limit: PAGE_SIZE, cursor } }), []);
  const list = usePagedList(fetchPage, isSteward);
  const refreshSummary = useCallback(async () => {
    if (!isSteward) return;
    try {
      setSummary(await loadSummary());
    } catch {
      /* the list works without the month's figures */
    }
  }, [isSteward]);
  const shown = useRef(false);
  useDidShow(() => {
    void refreshSummary();
    if (shown.current) void list.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), refreshSummary()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (!isSteward) return <NotASteward />;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        走访入户
      </Html>
      {summary ? (
        <Html tag='section' className='gz-card' aria-label='本月工作'>
          <Facts
            rows={[
              ['本月走访', `${summary.thisMonth.visits} 次（${summary.thisMonth.householdsVisited} 户）`],
              ['本月帮扶', `${summary.thisMonth.help} 次，${hoursText(summary.thisMonth.helpHours)}`],
              ['负责住户', `${summary.households} 户，其中 ${summary.overdue} 户超过 ${summary.intervalDays} 天未走访`],
            ]}
          />
        </Html>
      ) : null}
      <Html tag='h2' className='gz-h2' id={titleId}>
        我负责的住户
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        最久没走访的排在最前面。点开住户，可以记录走访和帮扶。
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='社区还没有给您分配住户。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((h) => (
            <Html tag='li' key={h.id}>
              <HouseholdCard household={h} intervalDays={summary?.intervalDays} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      <Button onClick={() => void Taro.navigateTo({ url: '/packages/steward/assigned/index' })}>社区分派给我的问题</Button>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}

const loadSummary = () => call(stewardsApi.getMyStewardSummary);
