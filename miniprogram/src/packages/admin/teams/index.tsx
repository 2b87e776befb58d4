import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { TEAM_STATUS_LABELS, type TeamStatus } from '@shared/teams/status';
import { staffCall } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { SplitView } from '../../../components/admin/SplitView';
import { useWideLayout } from '../../../components/admin/useWideLayout';
import { Button, ChoiceGroup, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { TeamCard } from '../teams-review/TeamCard';
import { TeamReview } from '../teams-review/TeamReview';
import { QUEUE_STATUSES, teamQueueEmpty, teamQueueTitle } from '../teams-review/reviewText';
import { teamsApi } from '@shared/api/teams';

const PAGE_SIZE = 20;
const STATUS_KEY = 'gongzhi.admin.teamsStatus';

const initialStatus = (): TeamStatus => {
  try {
    const saved = Taro.getStorageSync(STATUS_KEY) as TeamStatus | '';
    if (saved && QUEUE_STATUSES.includes(saved)) return saved;
  } catch {
    /* no storage: default */
  }
  return 'submitted';
};

type Counts = Partial<Record<TeamStatus, number>>;

/** The section's other pages, opened from the top of the list. */
const PAGES = [
  { label: '场地管理', url: '/packages/admin/venues/index' },
  { label: '广场舞规章', url: '/packages/admin/dance-rules/index' },
  { label: '场地时间表', url: '/packages/admin/timetable/index' },
] as const;

/**
 * The committee's dance teams (舞队备案审核): the filings by status (each filter says how many), the longest
 * waiting first. On a desktop the selected team opens beside the list; on a phone and in WeChat as its own page.
 * From here: the venues, the dance rules, the venues' week, and the list of registered teams for Excel.
 */
export default function TeamsPage() {
  const session = useSession('staff');
  const wide = useWideLayout();
  const [status, setStatus] = useState<TeamStatus>(initialStatus);
  const [selected, setSelected] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  /** The filter waits for its counts (or their failure), so it does not change width under the person's eyes. */
  const [countsSettled, setCountsSettled] = useState(false);
  const csv = useCsvExport();
  const { exporting, exported } = csv;
  const titleId = useUniqueId('teams-title');
  const statusId = useUniqueId('teams-status');
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(teamsApi.listTeamQueue, { query: { status, limit: PAGE_SIZE, cursor } }),
    [status],
  );
  const list = usePagedList(fetchPage, Boolean(session));

  const loadCounts = useCallback(async () => {
    if (!session) return;
    try {
      setCounts((await staffCall(teamsApi.countTeamsByStatus)).counts);
    } catch {
      /* the filter works without its numbers */
    } finally {
      setCountsSettled(true);
    }
  }, [session]);
  useEffect(() => {
    void loadCounts();
  }, [loadCounts]);
  // back from a team's own page (a phone), where a decision may have moved it: the numbers follow, like the list
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else void loadCounts();
  });

  const reload = () => {
    void list.reload();
    void loadCounts();
  };

  const choose = (next: TeamStatus) => {
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
    else void Taro.navigateTo({ url: `/packages/admin/team/index?id=${id}` });
  };

  const exportCsv = () => csv.run(() => staffCall(teamsApi.exportTeams));

  const options = QUEUE_STATUSES.map((value) => ({
    value,
    label: counts?.[value] !== undefined ? `${TEAM_STATUS_LABELS[value]}（${counts[value]}）` : TEAM_STATUS_LABELS[value],
  }));

  const queue = (
    <>
      {countsSettled ? <ChoiceGroup id={statusId} legend='按状态筛选（括号里是队伍数）' options={options} value={status} onChange={choose} /> : null}

      <Html tag='div' className='gz-row'>
        <Html tag='h2' className='gz-h2' id={titleId}>
          {teamQueueTitle(status)}
        </Html>
        <Button inline variant='plain' loading={list.loading && list.loaded} onClick={reload}>
          刷新
        </Button>
      </Html>

      {list.error ? <ErrorState message={list.error} onRetry={reload} /> : null}
      {(list.loading && !list.loaded) || !countsSettled ? <LoadingState /> : null}
      {countsSettled && list.loaded && !list.loading && !list.items.length ? <EmptyState title={teamQueueEmpty(status)} /> : null}

      {countsSettled && list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId} aria-busy={list.loading}>
          {list.items.map((team) => (
            <Html tag='li' key={team.id}>
              <TeamCard team={team} selected={wide && team.id === selected} onOpen={() => open(team.id)} />
            </Html>
          ))}
        </Html>
      ) : null}

      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </>
  );

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='teams' session={session}>
      <Html tag='h1' className='gz-h1'>
        舞队备案审核
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        审核广场舞队的备案：等得最久的排在最前面。场地、规章和时间表在下面的按钮里。
      </Html>
      <Html tag='div' className='gz-button-row gz-team-tools'>
        {PAGES.map((p) => (
          <Button key={p.url} inline variant='plain' onClick={() => void Taro.navigateTo({ url: p.url })}>
            {p.label}
          </Button>
        ))}
        <Button inline variant='plain' loading={exporting} onClick={() => void exportCsv()}>
          {exporting ? '正在导出…' : '导出名单'}
        </Button>
      </Html>
      {exported ? <Notice kind={exported.kind}>{exported.text}</Notice> : null}
      <SplitView
        wide={wide}
        list={queue}
        detailLabel='舞队详情'
        detail={
          selected ? (
            <TeamReview key={selected} id={selected} headingLevel={2} onChanged={reload} />
          ) : (
            <EmptyState title='在左边的列表中点选一支舞队，它的备案详情和审核会显示在这里。' />
          )
        }
      />
    </AdminShell>
  );
}
