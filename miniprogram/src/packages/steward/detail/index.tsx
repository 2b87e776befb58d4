import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { call } from '../../../api';
import { FeedbackDetails, FeedbackDetailsSkeleton } from '../../../components/FeedbackDetails';
import { InternalNotes } from '../../../components/InternalNotes';
import { ErrorState, LoadingState } from '../../../components/States';
import { Button, Html } from '../../../components/ui';
import { backOrRedirect } from '../../../components/nav';
import { useFeedback } from '../../../components/useFeedback';
import { useSession } from '../../../components/useSession';
import { NotASteward } from '../NotASteward';
import { StewardWork } from '../StewardWork';

/** One piece of feedback assigned to the signed-in steward: its details, the committee's notes, and the work on it. */
export default function StewardFeedbackPage() {
  const session = useSession('resident');
  const isSteward = Boolean(session?.user.roles.includes('steward'));
  const { params } = useRouter();
  const id = params.id ?? '';
  const { feedback, setFeedback, error, loading, load } = useFeedback(id, call, isSteward);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (!isSteward) return <NotASteward />;

  return (
    <Html tag='main' className='gz-page'>
      {error ? <ErrorState message={error} onRetry={id ? () => void load() : undefined} /> : null}
      {!feedback && !error ? <FeedbackDetailsSkeleton /> : null}
      {feedback ? (
        <FeedbackDetails
          feedback={feedback}
          viewer='assignee'
          actions={
            <>
              <StewardWork feedback={feedback} onChanged={setFeedback} reload={load} />
              {feedback.notes?.length ? <InternalNotes notes={feedback.notes} headingTag='h2' /> : null}
            </>
          }
        />
      ) : null}
      {feedback || error ? (
        <>
          <Button variant='plain' loading={loading && Boolean(feedback)} onClick={() => void load()}>
            刷新
          </Button>
          <Button onClick={() => backOrRedirect('/packages/steward/assigned/index')}>返回分派给我的</Button>
        </>
      ) : null}
    </Html>
  );
}
