import Taro from '@tarojs/taro';
import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '@shared/api/audit';
import { api, staffCall } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { maySee } from '../../../components/admin/section';
import { formatMonth, formatTime, recentMonths } from '../../../components/format';
import { Button, Html, SelectField, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { useAssignees } from '../feedback/useAssignees';
import { ADMIN_SECTIONS } from '../sections';
import { actionText, changeText, targetText, type Names } from './auditText';

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

/** The browser build draws a table too; admin.css shows it at desktop width and the list below that. */
const WITH_TABLE = process.env.TARO_ENV === 'h5';

/**
 * The audit trail, for admins: every staff act of one month, newest first. A table on a desktop (who, when, what,
 * to what, what changed, from where); a list of cards on a phone and in WeChat. Both are in the page and CSS
 * picks one by width (the same breakpoint as the workspace's), so resizing never shows a table too wide.
 */
export default function AuditTrailPage() {
  const session = useSession('staff');
  const allowed = Boolean(session && maySee(ADMIN_SECTIONS, 'audit', session.user.roles));
  const [month, setMonth] = useState(MONTHS[0]!);
  const titleId = useUniqueId('audit-title');
  const monthId = useUniqueId('audit-month');
  const fetchPage = useCallback(
    (cursor: string | undefined) => staffCall(api.identity.listAuditTrail, { query: { month, limit: PAGE_SIZE, cursor } }),
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

          {list.items.length && WITH_TABLE ? (
            <Html tag='table' className='gz-table gz-only-wide' aria-labelledby={titleId}>
              <Html tag='thead'>
                <Html tag='tr'>
                  {['时间', '操作', '操作人', '对象', '变更', '来源地址'].map((h) => (
                    <Html tag='th' scope='col' className='gz-th' key={h}>
                      {h}
                    </Html>
                  ))}
                </Html>
              </Html>
              <Html tag='tbody'>
                {list.items.map((e) => (
                  <Html tag='tr' key={e.id}>
                    <Html tag='td' className='gz-td gz-td--short'>
                      {formatTime(e.at)}
                    </Html>
                    <Html tag='td' className='gz-td gz-td--short'>
                      {actionText(e.action)}
                    </Html>
                    <Html tag='td' className='gz-td'>
                      {e.actorName}
                    </Html>
                    <Html tag='td' className='gz-td'>
                      <Target entry={e} />
                    </Html>
                    <Html tag='td' className='gz-td'>
                      {changeText(e, names)}
                    </Html>
                    <Html tag='td' className='gz-td gz-td--address'>
                      {e.sourceIp}
                    </Html>
                  </Html>
                ))}
              </Html>
            </Html>
          ) : null}

          {list.items.length ? (
            <Html tag='ul' className={WITH_TABLE ? 'gz-list gz-only-narrow' : 'gz-list'} aria-labelledby={titleId}>
              {list.items.map((e) => (
                <Html tag='li' className='gz-card' key={e.id}>
                  <Html tag='p' className='gz-item-title'>
                    {actionText(e.action)}
                  </Html>
                  <Html tag='dl' className='gz-dl'>
                    {(
                      [
                        ['时间', formatTime(e.at)],
                        ['操作人', e.actorName],
                        ['对象', <Target entry={e} key='t' />],
                        ['变更', changeText(e, names)],
                        ['来源地址', e.sourceIp],
                      ] as const
                    ).map(([term, value]) => (
                      <Html tag='div' className='gz-dl-row' key={term}>
                        <Html tag='dt' className='gz-dt'>
                          {term}
                          <VisuallyHidden>：</VisuallyHidden>
                        </Html>
                        <Html tag='dd' className='gz-dd'>
                          {value}
                        </Html>
                      </Html>
                    ))}
                  </Html>
                </Html>
              ))}
            </Html>
          ) : null}

          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
        </>
      )}
    </AdminShell>
  );
}
