import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { MotionView } from '../../../components/council/MotionView';
import { backOrRedirect } from '../../../components/nav';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';

/** One motion on its own page (a phone, WeChat, or a link): the committee schedules, records and closes here too. */
export default function AdminMotionPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  if (!session) return <LoadingState text='正在前往登录…' />;
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='council' session={session}>
      <MotionView
        id={params.id ?? ''}
        realm='staff'
        backLabel='返回议事会'
        onBack={() => backOrRedirect(params.council ? `/packages/admin/council/index?id=${params.council}` : '/packages/admin/councils/index')}
      />
    </AdminShell>
  );
}
