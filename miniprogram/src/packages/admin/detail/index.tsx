import { useRouter } from '@tarojs/taro';
import { LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { Button } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { backOrRedirect } from '../../../components/nav';
import { FeedbackReview } from '../feedback/FeedbackReview';
import { ADMIN_SECTIONS } from '../sections';

/** One piece of feedback on its own page: from the queue on a phone and in WeChat, or from a link. */
export default function AdminFeedbackDetailPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='feedback' session={session}>
      <FeedbackReview
        id={params.id ?? ''}
        footer={
          <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/queue/index')}>
            返回反馈列表
          </Button>
        }
      />
    </AdminShell>
  );
}
