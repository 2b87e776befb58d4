import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Council } from '@shared/api/council';
import type { MotionPhase } from '@shared/council/status';
import { staffCall } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { SplitView } from '../../../components/admin/SplitView';
import { useWideLayout } from '../../../components/admin/useWideLayout';
import { MotionCard } from '../../../components/council/MotionCard';
import { MotionView } from '../../../components/council/MotionView';
import { Button, ChoiceGroup, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { CouncilForm } from '../council-admin/CouncilForm';
import { SeatsSection } from '../council-admin/SeatsSection';
import { ADMIN_SECTIONS } from '../sections';
import { councilApi } from '@shared/api/council';

type View = 'motions' | 'seats' | 'about';
const VIEWS = [
  { value: 'motions', label: '议题' },
  { value: 'seats', label: '成员与席位' },
  { value: 'about', label: '基本信息' },
] as const;

type PhaseFilter = 'all' | MotionPhase;
const PHASES = [
  { value: 'all', label: '全部' },
  { value: 'proposed', label: '待安排' },
  { value: 'discussion', label: '讨论中' },
  { value: 'voting', label: '投票中' },
  { value: 'decided', label: '已表决' },
] as const;

/** The council's motions by phase; on a desktop the chosen one opens beside the list. */
function MotionsView({ council }: { council: Council }) {
  const wide = useWideLayout();
  const [phase, setPhase] = useState<PhaseFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const titleId = useUniqueId('motions-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      staffCall(councilApi.listCouncilMotions, { params: { id: council.id }, query: { limit: 20, cursor, phase: phase === 'all' ? undefined : phase } }),
    [council.id, phase],
  );
  const list = usePagedList(fetchPage);
  const open = (id: string) => {
    if (wide) setSelected(id);
    else void Taro.navigateTo({ url: `/packages/admin/motion/index?id=${id}&council=${council.id}` });
  };

  const queue = (
    <>
      <ChoiceGroup id='motion-phase' legend='按阶段筛选' options={PHASES} value={phase} onChange={(p) => { setPhase(p); setSelected(null); }} />
      <Html tag='div' className='gz-row'>
        <Html tag='h2' className='gz-h2' id={titleId}>
          议题
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
          刷新
        </Button>
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.loading && !list.items.length ? <EmptyState title='没有这个阶段的议题。成员在小程序中提出议题；居民反馈可以在反馈详情中“提交议事会”。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((m) => (
            <Html tag='li' key={m.id}>
              <MotionCard motion={m} selected={wide && m.id === selected} onOpen={() => open(m.id)} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </>
  );
  return (
    <SplitView
      wide={wide}
      list={queue}
      detailLabel='议题详情'
      detail={selected ? <MotionView key={selected} id={selected} realm='staff' headingLevel={2} onBack={() => setSelected(null)} backLabel='关闭' /> : <EmptyState title='在左边的列表中点选一个议题，它的内容、投票和结果会显示在这里。' />}
    />
  );
}

/**
 * One council for the committee: its motions (schedule, record in-person ballots, close), its seats by party
 * (seat people, change terms, the codes to hand out), and its name, purpose and parties.
 */
export default function AdminCouncilPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: council, setData: setCouncil, error, load } = useLoaded(session ? () => staffCall(councilApi.getCouncil, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定要查看的议事会',
  });
  const [view, setView] = useState<View>('motions');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='council' session={session}>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!council && !error ? <LoadingState /> : null}
      {council ? (
        <>
          <Html tag='h1' className='gz-h1'>
            {council.name}
          </Html>
          <ChoiceGroup id='council-view' legend='查看' legendHidden options={VIEWS} value={view} onChange={setView} />
          {view === 'motions' ? <MotionsView council={council} /> : null}
          {view === 'seats' ? <SeatsSection council={council} onChanged={setCouncil} /> : null}
          {view === 'about' ? (
            editing ? (
              <CouncilForm
                council={council}
                onSaved={(c) => {
                  setCouncil(c);
                  setEditing(false);
                  setSaved(true);
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <Html tag='section' className='gz-card' aria-label='基本信息'>
                {saved ? <Notice kind='ok'>已保存。</Notice> : null}
                <Html tag='p' className='gz-text gz-pre'>
                  {council.purpose}
                </Html>
                <Html tag='p' className='gz-text'>
                  {`界别：${council.parties.map((p) => `${p.name}（${p.seats} 席）`).join('、')}`}
                </Html>
                <Button expanded={false} onClick={() => { setSaved(false); setEditing(true); }}>
                  修改名称、宗旨和界别
                </Button>
              </Html>
            )
          ) : null}
          <Button variant='plain' onClick={() => void Taro.redirectTo({ url: '/packages/admin/councils/index' })}>
            返回议事会列表
          </Button>
        </>
      ) : null}
    </AdminShell>
  );
}
