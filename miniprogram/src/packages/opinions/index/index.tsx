import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { SURVEY_STATUS_TEXT } from '@shared/stewards/surveys';
import { call } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { Button, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { useSession } from '../../../components/useSession';
import { stewardsApi } from '@shared/api/stewards';

/**
 * 民意征集: the committee's question sets open now (and those closed), each saying whether the person has answered.
 * Red stewards open the same pages to record answers they gathered on visits.
 */
export default function SurveysPage() {
  const session = useSession('resident');
  const titleId = useUniqueId('surveys-title');
  const { data, error, load } = useLoaded(session ? () => call(stewardsApi.listSurveys) : null, [], { reloadOnShow: true });
  const items = data?.items ?? null;
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1' id={titleId}>
        民意征集
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        社区想听听您的意见。不用留姓名，只需选择您住的小区。
      </Html>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!items && !error ? <LoadingState /> : null}
      {items && !items.length ? <EmptyState title='目前没有正在征集的意见。' /> : null}
      {items?.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {items.map((s) => (
            <Html tag='li' key={s.id}>
              <CardButton onClick={() => void Taro.navigateTo({ url: `/packages/opinions/answer/index?id=${s.id}` })} unread={s.status === 'open' && !s.answered}>
                <Html tag='span' className='gz-item-head'>
                  <Html tag='span' className='gz-item-title'>
                    {s.title}
                    <VisuallyHidden>，</VisuallyHidden>
                  </Html>
                  <Html tag='span' className='gz-tags'>
                    <Html tag='span' className='gz-tag-new'>{s.status === 'open' ? (s.answered ? '已回答' : '请您回答') : SURVEY_STATUS_TEXT[s.status]}</Html>
                  </Html>
                  <VisuallyHidden>，</VisuallyHidden>
                </Html>
                <Html tag='span' className='gz-meta'>
                  {`${s.questions.length} 个问题${s.intro ? ` · ${s.intro}` : ''}`}
                </Html>
              </CardButton>
            </Html>
          ))}
        </Html>
      ) : null}
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}
