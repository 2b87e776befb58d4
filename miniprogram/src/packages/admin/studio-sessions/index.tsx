import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { scoringApi, type MentoringSession, type StudioMember } from '@shared/api/scoring';
import type { z } from 'zod';
import { staffCall } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { dayText } from '../../../components/scoring/scoringText';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { Button, DataTable, Facts, Html, useUniqueId, type DataColumn } from '../../../components/ui';
import { useLoaded } from '../../../components/useLoaded';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { SessionForm } from '../studio/SessionForm';
import { STUDIO_PAGES, kindText, statusText } from '../studio/studioText';

type Member = z.infer<typeof StudioMember>;
type Session = z.infer<typeof MentoringSession>;

const PAGE_SIZE = 20;

const COUNT_COLUMNS: DataColumn<Member>[] = [
  { label: '老书记', cell: (m) => (m.status === 'member' ? m.name : `${m.name}（${statusText(m.status)}）`) },
  { label: '主题党课', cell: (m) => `${m.counts['party-lesson']} 次`, short: true },
  { label: '座谈会', cell: (m) => `${m.counts.symposium} 次`, short: true },
  { label: '带教人次', cell: (m) => `${m.counts.attendees} 人次`, short: true },
];

function SessionCard({ session }: { session: Session }) {
  const titleId = useUniqueId('session-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {`${kindText(session.kind)}：${session.topic}`}
      </Html>
      <Facts
        rows={[
          ['日期', dayText(session.date)],
          ['主讲', session.mentors.map((m) => m.name).join('、')],
          ['参加人数', `${session.attendeeCount} 人`],
          session.attendees?.length ? ['参加人', session.attendees.join('、')] : undefined,
          session.note ? ['备注', session.note] : undefined,
          ['记录', session.recordedByName],
        ]}
      />
    </Html>
  );
}

/**
 * The Old Secretary Studio's mentoring sessions for young cadres (主题党课, 座谈会), latest first, with the form
 * to record one and, per old secretary, how many they led and how many young cadres they reached.
 */
export default function StudioSessionsPage() {
  const session = useSession('staff');
  const [recording, setRecording] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const countsId = useUniqueId('studio-counts-title');
  const listId = useUniqueId('studio-sessions-title');
  const members = useLoaded(session ? () => staffCall(scoringApi.listStudioMembers) : null, [], { reloadOnShow: true });
  const fetchPage = useCallback((cursor: string | undefined) => staffCall(scoringApi.listMentoringSessions, { query: { limit: PAGE_SIZE, cursor } }), []);
  const list = usePagedList(fetchPage, Boolean(session));
  usePullDownRefresh(() => {
    void Promise.all([members.load(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const all = members.data?.items ?? null;
  // counts for the members, and for anyone else who has led a session (who left since, say)
  const counted = all?.filter((m) => m.status === 'member' || m.counts['party-lesson'] + m.counts.symposium > 0) ?? [];

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='studio' session={session}>
      <Html tag='h1' className='gz-h1'>
        带教活动
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        老书记工作室为年轻干部讲主题党课、开座谈会：每次活动的主题、日期、主讲的老书记和参加人数。
      </Html>
      {outcome ? <Notice kind='ok'>{outcome}</Notice> : null}
      {recording ? (
        <Html tag='div' className='gz-card'>
          {all ? (
            <SessionForm
              mentors={all.filter((m) => m.status === 'member')}
              onRecorded={(s) => {
                setRecording(false);
                setOutcome(`已记录${kindText(s.kind)}「${s.topic}」。`);
                void list.reload();
                void members.load();
              }}
              onCancel={() => setRecording(false)}
            />
          ) : (
            <LoadingState />
          )}
        </Html>
      ) : (
        <Html tag='div' className='gz-button-row'>
          <Button variant='primary' inline expanded={false} onClick={() => setRecording(true)}>
            记录带教活动
          </Button>
        </Html>
      )}

      <Html tag='h2' className='gz-h2' id={countsId}>
        每位老书记的带教次数
      </Html>
      {members.error ? <ErrorState message={members.error} onRetry={() => void members.load()} /> : null}
      {!members.error && !all ? <LoadingState /> : null}
      {all && !counted.length ? <EmptyState title='工作室还没有成员。' /> : null}
      {counted.length ? <DataTable columns={COUNT_COLUMNS} rows={counted} rowKey={(m) => m.id} labelledBy={countsId} /> : null}

      <Html tag='h2' className='gz-h2' id={listId}>
        活动记录
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='还没有记录带教活动。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={listId}>
          {list.items.map((s) => (
            <Html tag='li' key={s.id}>
              <SessionCard session={s} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      <Button variant='plain' onClick={() => backOrRedirect(STUDIO_PAGES.members)}>
        返回老书记名单
      </Button>
    </AdminShell>
  );
}
