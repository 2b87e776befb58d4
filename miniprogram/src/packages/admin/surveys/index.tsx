import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SURVEY_STATUS_TEXT } from '@shared/stewards/surveys';
import { staffCall } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { Button, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { SurveyForm } from '../stewards-admin/SurveyForm';
import { stewardsApi } from '@shared/api/stewards';

const open = (id: string) => void Taro.navigateTo({ url: `/packages/admin/survey/index?id=${id}` });

/** The committee's opinion collections: drafts, open and closed, each with its number of answers; a new one here. */
export default function AdminSurveysPage() {
  const session = useSession('staff');
  const titleId = useUniqueId('surveys-title');
  const [creating, setCreating] = useState(false);
  const { data, error, load } = useLoaded(session ? () => staffCall(stewardsApi.listAdminSurveys) : null, [], { reloadOnShow: true });
  const items = data?.items ?? null;

  if (!session) return <LoadingState text='正在前往登录…' />;
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stewards' session={session}>
      <Html tag='h1' className='gz-h1'>
        民意征集
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        发布一组问题，居民可以在小程序里回答，红色小管家走访时也可以代为记录。结果按问题、按小区统计。
      </Html>
      {creating ? (
        <SurveyForm onSaved={(s) => open(s.id)} onCancel={() => setCreating(false)} />
      ) : (
        <Button variant='primary' expanded={false} onClick={() => setCreating(true)}>
          新建民意征集
        </Button>
      )}
      <Html tag='h2' className='gz-h2' id={titleId}>
        全部征集
      </Html>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!items && !error ? <LoadingState /> : null}
      {items && !items.length ? <EmptyState title='还没有民意征集。' /> : null}
      {items?.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {items.map((s) => (
            <Html tag='li' key={s.id}>
              <CardButton onClick={() => open(s.id)}>
                <Html tag='span' className='gz-item-head'>
                  <Html tag='span' className='gz-item-title'>
                    {s.title}
                    <VisuallyHidden>，</VisuallyHidden>
                  </Html>
                  <Html tag='span' className='gz-tags'>
                    <Html tag='span' className='gz-tag-new'>{SURVEY_STATUS_TEXT[s.status]}</Html>
                  </Html>
                  <VisuallyHidden>，</VisuallyHidden>
                </Html>
                <Html tag='span' className='gz-meta'>
                  {`${s.questions.length} 个问题 · ${s.responseCount ?? 0} 份回答`}
                </Html>
              </CardButton>
            </Html>
          ))}
        </Html>
      ) : null}
      <Button variant='plain' onClick={() => void Taro.redirectTo({ url: '/packages/admin/coverage/index' })}>
        返回走访情况
      </Button>
    </AdminShell>
  );
}
