import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { HouseholdSummary } from '@shared/api/stewards';
import { staffCall } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { labelsText, lastVisitText } from '../../../components/stewards/stewardText';
import { Button, Checkbox, Html, SelectField, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { HouseholdForm } from '../stewards-admin/HouseholdForm';
import { identityApi } from '@shared/api/identity';
import { stewardsApi } from '@shared/api/stewards';

const open = (id: string) => void Taro.navigateTo({ url: `/packages/admin/household/index?id=${id}` });

function HouseholdCard({ household: h }: { household: HouseholdSummary }) {
  return (
    <CardButton onClick={() => open(h.id)} unread={h.overdue}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {`${h.compound} ${h.address}`}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        {h.overdue ? (
          <Html tag='span' className='gz-tags'>
            <Html tag='span' className='gz-tag-overdue'>超期未走访</Html>
          </Html>
        ) : null}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {`${h.name}${h.labels.length ? ` · ${labelsText(h.labels)}` : ''} · 红色小管家 ${h.steward.name}`}
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {lastVisitText(h)}
      </Html>
    </CardButton>
  );
}

/**
 * The households on the stewards' lists, the longest waiting for a visit first (names masked here; a record,
 * opened, is on the audit trail): by steward, or only the overdue. New households are registered here.
 */
export default function AdminHouseholdsPage() {
  const session = useSession('staff');
  const [stewardId, setStewardId] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [stewards, setStewards] = useState<{ id: string; name: string }[]>([]);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string>();
  const titleId = useUniqueId('households-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      staffCall(stewardsApi.listHouseholds, { query: { limit: 20, cursor, ...(stewardId ? { stewardId } : {}), ...(overdueOnly ? { overdue: 'true' } : {}) } }),
    [stewardId, overdueOnly],
  );
  const list = usePagedList(fetchPage, Boolean(session));
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      staffCall(identityApi.listStewards)
        .then((s) => setStewards(s.items))
        .catch(() => undefined);
    } else void list.reload();
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stewards' session={session}>
      <Html tag='h1' className='gz-h1'>
        走访住户
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        红色小管家负责走访的住户。列表里的姓名已隐去，点开住户档案可以看到（查看会记入操作记录）。
      </Html>
      {added ? <Notice kind='ok'>{added}</Notice> : null}
      {adding ? (
        <HouseholdForm
          onSaved={(h) => {
            setAdding(false);
            setAdded(`已登记 ${h.compound} ${h.address}，由 ${h.steward.name} 负责走访。`);
            void list.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button variant='primary' expanded={false} onClick={() => { setAdded(undefined); setAdding(true); }}>
          登记走访住户
        </Button>
      )}
      <SelectField id='households-steward' label='红色小管家' value={stewardId} options={stewards.map((s) => ({ value: s.id, label: s.name }))} onChange={setStewardId} emptyLabel='全部' />
      <Checkbox id='households-overdue' label='只看超期未走访的住户' checked={overdueOnly} onChange={setOverdueOnly} />
      <Html tag='h2' className='gz-h2' id={titleId}>
        住户
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.loading && !list.items.length ? <EmptyState title={overdueOnly ? '没有超期未走访的住户。' : '还没有登记走访住户。'} /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((h) => (
            <Html tag='li' key={h.id}>
              <HouseholdCard household={h} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      <Button variant='plain' onClick={() => void Taro.redirectTo({ url: '/packages/admin/coverage/index' })}>
        返回走访情况
      </Button>
    </AdminShell>
  );
}
