import Taro from '@tarojs/taro';
import { useState } from 'react';
import { staffCall } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { Button, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { useSession } from '../../../components/useSession';
import { CouncilForm } from '../council-admin/CouncilForm';
import { ADMIN_SECTIONS } from '../sections';
import { councilApi } from '@shared/api/council';

const open = (id: string) => void Taro.navigateTo({ url: `/packages/admin/council/index?id=${id}` });

/** The committee's councils (议事会): each with its parties and members; a new one is set up here. */
export default function AdminCouncilsPage() {
  const session = useSession('staff');
  const titleId = useUniqueId('councils-title');
  const [creating, setCreating] = useState(false);
  const { data, error, load } = useLoaded(session ? () => staffCall(councilApi.listCouncils) : null, [], { reloadOnShow: true });
  const items = data?.items ?? null;

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='council' session={session}>
      <Html tag='h1' className='gz-h1'>
        议事会
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        设立议事会和各界别席位，安排议题的讨论和投票，记录现场投票。表决结果向全体居民公开。
      </Html>
      {creating ? (
        <CouncilForm onSaved={(c) => open(c.id)} onCancel={() => setCreating(false)} />
      ) : (
        <Button variant='primary' expanded={false} onClick={() => setCreating(true)}>
          成立议事会
        </Button>
      )}
      <Html tag='h2' className='gz-h2' id={titleId}>
        社区的议事会
      </Html>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!items && !error ? <LoadingState /> : null}
      {items && !items.length ? <EmptyState title='还没有议事会，请点上面的“成立议事会”。' /> : null}
      {items?.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {items.map((c) => (
            <Html tag='li' key={c.id}>
              <CardButton onClick={() => open(c.id)}>
                <Html tag='span' className='gz-item-title'>
                  {c.name}
                  <VisuallyHidden>，</VisuallyHidden>
                </Html>
                <Html tag='span' className='gz-meta'>
                  {c.parties.map((p) => `${p.name} ${p.seated}/${p.seats}`).join(' · ')}
                </Html>
              </CardButton>
            </Html>
          ))}
        </Html>
      ) : null}
    </AdminShell>
  );
}
