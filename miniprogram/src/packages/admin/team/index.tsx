import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { Button } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { TeamReview } from '../teams-review/TeamReview';

/** One team on its own page: from the list on a phone and in WeChat, or from a link. */
export default function AdminTeamPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='teams' session={session}>
      <TeamReview
        id={params.id ?? ''}
        footer={
          <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/teams/index')}>
            返回舞队列表
          </Button>
        }
      />
    </AdminShell>
  );
}
