import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Feedback } from '@shared/api/feedback';
import { call } from '../../../api';
import { FeedbackDetails, FeedbackDetailsSkeleton } from '../../../components/FeedbackDetails';
import { FeedbackMotionCard, useFeedbackMotion } from '../../../components/council/FeedbackMotion';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { Button, Html } from '../../../components/ui';
import { useFeedback } from '../../../components/useFeedback';
import { useSession } from '../../../components/useSession';
import { backOrRedirect } from '../../../components/nav';
import { RatingSection } from './RatingSection';
import { WithdrawSection } from './WithdrawSection';

/**
 * One of the resident's own reports (opening it marks its news as read: the server does that on this GET): the
 * details and the timeline, and what they can do now: withdraw it while it waits (待受理), or say whether a
 * resolution solved it (已解决).
 */
export default function FeedbackDetailPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const justCreated = params.created === '1';
  const { feedback, setFeedback, error, loading, load } = useFeedback(id, call, Boolean(session));
  /** What the last action did (or why it could not), shown where its form was. */
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const changed = (updated: Feedback, message: string) => {
    setFeedback(updated);
    setOutcome({ kind: 'ok', text: message });
  };
  const reload = async (message: string) => {
    setOutcome({ kind: 'error', text: message });
    await load();
  };

  const actions = feedback ? (
    <>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      {feedback.status === 'submitted' ? <WithdrawSection key={feedback.version} feedback={feedback} onChanged={changed} reload={reload} /> : null}
      {feedback.status === 'resolved' ? <RatingSection key={feedback.version} feedback={feedback} onChanged={changed} reload={reload} /> : null}
      <ResidentFeedbackMotion feedbackId={feedback.id} />
    </>
  ) : null;

  return (
    <Html tag='main' className='gz-page'>
      {justCreated && feedback ? (
        <Notice kind='ok'>
          {feedback.ref ? (
            <>
              提交成功！反馈编号{' '}
              <Html tag='span' className='gz-nowrap'>
                {feedback.ref}
              </Html>
              ，社区会尽快受理，请留意办理进度。
            </>
          ) : (
            '提交成功！社区会尽快受理，请留意办理进度。'
          )}
        </Notice>
      ) : null}
      {error ? <ErrorState message={error} onRetry={id ? () => void load() : undefined} /> : null}
      {!feedback && !error ? <FeedbackDetailsSkeleton /> : null}
      {feedback ? <FeedbackDetails feedback={feedback} actions={actions} /> : null}
      {/* The buttons appear with the feedback (or its error): nothing on screen moves when it arrives. */}
      {feedback || error ? (
        <>
          <Button
            variant='plain'
            loading={loading && Boolean(feedback)}
            onClick={() => {
              setOutcome(undefined);
              void load();
            }}
          >
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

/** Where the council stands on this report, once the committee took it there. */
function ResidentFeedbackMotion({ feedbackId }: { feedbackId: string }) {
  const { motion } = useFeedbackMotion(feedbackId, 'resident');
  return motion ? <FeedbackMotionCard motion={motion} realm='resident' /> : null;
}
