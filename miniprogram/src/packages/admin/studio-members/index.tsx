import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { scoringApi, type StudioMember } from '@shared/api/scoring';
import { STUDIO_MEMBER_STATUSES, type StudioMemberStatus } from '@shared/scoring/studio';
import type { z } from 'zod';
import { staffCall } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { Button, ChoiceGroup, Html, useConfirm, useUniqueId } from '../../../components/ui';
import { useLoaded } from '../../../components/useLoaded';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { MemberCard } from '../studio/MemberCard';
import { MemberForm } from '../studio/MemberForm';
import { STUDIO_PAGES, statusText } from '../studio/studioText';

type Member = z.infer<typeof StudioMember>;
type Filter = StudioMemberStatus | 'all';

/**
 * 老书记工作室 for the committee: the list of retired branch secretaries it draws the studio from — each with their
 * health and strengths, invited, joined or declined, leaving — and the sessions each led. Filtered by status (the
 * members first); add one to the list, change their details, move them along (asked first when it takes them off).
 */
export default function StudioMembersPage() {
  const session = useSession('staff');
  const [filter, setFilter] = useState<Filter>('member');
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('studio-list-title');
  const { data, setData, error, load } = useLoaded(session ? () => staffCall(scoringApi.listStudioMembers) : null, [], { reloadOnShow: true });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const members = data?.items ?? null;
  const count = (s: StudioMemberStatus) => members?.filter((m) => m.status === s).length ?? 0;
  const shown = members?.filter((m) => filter === 'all' || m.status === filter) ?? [];
  const filterOptions = [
    ...STUDIO_MEMBER_STATUSES.map((s) => ({ value: s as Filter, label: `${statusText(s)} ${count(s)}` })),
    { value: 'all' as Filter, label: `全部 ${members?.length ?? 0}` },
  ];

  /** One member as saved: in place (a new one first), and said in words. */
  const changed = (m: Member, text: string) => {
    setData((d) => (d ? { items: d.items.some((x) => x.id === m.id) ? d.items.map((x) => (x.id === m.id ? m : x)) : [m, ...d.items] } : d));
    setOutcome({ kind: 'ok', text });
  };
  const stale = () => {
    void load();
    setOutcome({ kind: 'error', text: '其他工作人员刚刚修改了这位老书记的信息。下面是最新的信息，请在此基础上重新操作。' });
  };

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='studio' session={session}>
      <Html tag='h1' className='gz-h1'>
        老书记工作室
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        从退休的老支部书记名单中，按健康状况和工作特点邀请加入工作室；工作室成员为年轻干部讲主题党课、开座谈会。
      </Html>
      <Html tag='div' className='gz-button-row'>
        <Button inline variant='plain' onClick={() => void Taro.navigateTo({ url: STUDIO_PAGES.sessions })}>
          带教活动和次数
        </Button>
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}

      {adding ? (
        <Html tag='div' className='gz-card'>
          <MemberForm
            onSaved={(m) => {
              setAdding(false);
              setFilter('listed');
              changed(m, `已把 ${m.name} 加入名单。可以点“邀请加入”记录邀请。`);
            }}
            onStale={stale}
            onCancel={() => setAdding(false)}
          />
        </Html>
      ) : (
        <Html tag='div' className='gz-button-row'>
          <Button variant='primary' inline expanded={false} onClick={() => setAdding(true)}>
            添加老书记
          </Button>
        </Html>
      )}

      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !members ? <LoadingState /> : null}
      {members ? (
        <>
          <ChoiceGroup id='studio-filter' legend='按状态查看' options={filterOptions} value={filter} onChange={setFilter} />
          <Html tag='h2' className='gz-h2' id={titleId}>
            {`${filter === 'all' ? '全部' : statusText(filter)}（${shown.length} 人）`}
          </Html>
          {shown.length ? (
            <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
              {shown.map((m) => (
                <Html tag='li' key={m.id}>
                  <MemberCard member={m} confirm={confirm} onChanged={changed} onStale={stale} />
                </Html>
              ))}
            </Html>
          ) : (
            <EmptyState title={members.length ? '这个状态下没有人。' : '名单上还没有老书记。请点“添加老书记”。'} />
          )}
        </>
      ) : null}
      {dialog}
    </AdminShell>
  );
}
