import Taro from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '@shared/api/audit';
import { staffCall } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { maySee } from '../../../components/admin/section';
import { formatMonth, formatTime, recentMonths } from '../../../components/format';
import { Button, DataTable, Html, SelectField, useUniqueId, type DataColumn } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { useAssignees } from '../feedback/useAssignees';
import { ADMIN_SECTIONS } from '../sections';
import { actionText, changeText, targetText, type Names } from './auditText';
import { identityApi } from '@shared/api/identity';

const PAGE_SIZE = 30;
/** A year of the trail to choose from, this month first. */
const MONTHS = recentMonths(new Date(), 12);
const MONTH_OPTIONS = MONTHS.map((value) => ({ value, label: formatMonth(value) }));

/** The feedback an entry is about, opened in the feedback section (its own page). */
const openFeedback = (id: string) => void Taro.navigateTo({ url: `/packages/admin/detail/index?id=${id}` });

function Target({ entry }: { entry: AuditEntry }) {
  const text = targetText(entry.target);
  if (entry.target?.kind !== 'feedback') return <>{text}</>;
  const id = entry.target.id;
  return (
    <Button inline variant='plain' onClick={() => openFeedback(id)} accessibleName={`查看${text}`}>
      {text}
    </Button>
  );
}

/** A table on a desktop; on a phone each entry is a card titled by its act. */
const columns = (names: Names | undefined): DataColumn<AuditEntry>[] => [
  { label: '时间', cell: (e) => formatTime(e.at), short: true },
  { label: '操作', cell: (e) => actionText(e.action), short: true },
  { label: '操作人', cell: (e) => e.actorName },
  { label: '对象', cell: (e) => <Target entry={e} /> },
  { label: '变更', cell: (e) => changeText(e, names) },
  { label: '来源地址', cell: (e) => e.sourceIp, address: true },
];

/**
 * The audit trail, for admins: every staff act of one month, newest first: who, when, what, to what, what
 * changed, from where.
 */
export default function AuditTrailPage() {
  const session = useSession('staff');
  const allowed = Boolean(session && maySee(ADMIN_SECTIONS, 'audit', session.user.roles));
  const [month, setMonth] = useState(MONTHS[0]!);
  const titleId = useUniqueId('audit-title');
  const monthId = useUniqueId('audit-month');
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(identityApi.listAuditTrail, { query: { month, limit: PAGE_SIZE, cursor } }),
    [month],
  );
  const list = usePagedList(fetchPage, allowed);
  const { assignees } = useAssignees();
  const names = useMemo<Names | undefined>(
    () =>
      assignees
        ? { branches: new Map(assignees.branches.map((b) => [b.id, b.name])), stewards: new Map(assignees.stewards.map((s) => [s.id, s.name])) }
        : undefined,
    [assignees],
  );

  if (!session) return <LoadingState text='正在前往登录…' />;

  const heading = `${formatMonth(month)}的操作记录`;
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='audit' session={session}>
      <Html tag='h1' className='gz-h1'>
        操作记录
      </Html>
      {!allowed ? (
        <EmptyState title='只有系统管理员可以查看操作记录。' />
      ) : (
        <>
          <Html tag='p' className='gz-text gz-muted'>
            工作人员的每一次操作（登录、改状态、分派、写内部备注等）都记在这里，按月查看，最新的在最前面。
          </Html>
          <Html tag='div' className='gz-audit-bar'>
            <SelectField
              id={monthId}
              label='月份'
              value={month}
              options={MONTH_OPTIONS}
              onChange={(v) => {
                if (v) setMonth(v);
              }}
            />
            <Button inline variant='plain' loading={list.loading && list.loaded} onClick={() => void list.reload()}>
              刷新
            </Button>
          </Html>
          <Html tag='h2' className='gz-h2' id={titleId}>
            {heading}
          </Html>

          {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
          {list.loading && !list.loaded ? <LoadingState /> : null}
          {list.loaded && !list.loading && !list.items.length ? <EmptyState title={`${formatMonth(month)}没有操作记录。`} /> : null}

          {list.items.length ? (
            <DataTable columns={columns(names)} rows={list.items} rowKey={(e) => e.id} labelledBy={titleId} titleColumn={1} />
          ) : null}

          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
        </>
      )}
    </AdminShell>
  );
}
