import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { Button } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { PeriodBoard } from '../scoring/PeriodBoard';

/** One evaluation period on its own page: from the list on a phone and in WeChat, or from a link. */
export default function AdminScoringPeriodPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  if (!session) return <LoadingState text='正在前往登录…' />;
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
      <PeriodBoard
        id={params.id ?? ''}
        footer={
          <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/scoring-periods/index')}>
            返回评定周期列表
          </Button>
        }
      />
    </AdminShell>
  );
}
