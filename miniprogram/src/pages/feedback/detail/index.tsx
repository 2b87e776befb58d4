import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { call } from '../../../api';
import { FeedbackDetails, FeedbackDetailsSkeleton } from '../../../components/FeedbackDetails';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { Button, Html } from '../../../components/ui';
import { useFeedback } from '../../../components/useFeedback';
import { useSession } from '../../../components/useSession';
import { backOrRedirect } from '../../../components/nav';

export default function FeedbackDetailPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const justCreated = params.created === '1';
  const { feedback, error, loading, load } = useFeedback(id, call, Boolean(session));
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <Html tag='main' className='gz-page'>
      {justCreated && feedback ? <Notice kind='ok'>提交成功！社区会尽快受理，请留意办理进度。</Notice> : null}
      {error ? <ErrorState message={error} onRetry={id ? () => void load() : undefined} /> : null}
      {!feedback && !error ? <FeedbackDetailsSkeleton /> : null}
      {feedback ? <FeedbackDetails feedback={feedback} /> : null}
      {/* The buttons appear with the feedback (or its error): nothing on screen moves when it arrives. */}
      {feedback || error ? (
        <>
          <Button variant='plain' loading={loading && Boolean(feedback)} onClick={() => void load()}>
            刷新
          </Button>
          <Button onClick={() => backOrRedirect('/pages/feedback/mine/index')}>查看我的全部反馈</Button>
          <Button variant='plain' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
            返回首页
          </Button>
        </>
      ) : null}
    </Html>
  );
}
