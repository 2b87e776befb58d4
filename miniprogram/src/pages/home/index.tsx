import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call, clearSession } from '../../api';
import { myFeedbackLabel } from '../../components/feedbackText';
import { LoadingState } from '../../components/States';
import { Button, Html, useConfirm } from '../../components/ui';
import { useSession } from '../../components/useSession';
import { feedbackApi } from '@shared/api/feedback';
import { listMyScoringWork } from '@shared/api/scoring-work';

/** A branch's secretary and the working group do their star-rating work here (and claim it with a code). */
const SCORING_PAGE = '/packages/scoring/mine/index';
/** Every resident reads the branches' stars from the announcement (公示) on, and objects through feedback while it runs. */
const RESULTS_PAGE = '/packages/scoring/results/index';

export default function HomePage() {
  const session = useSession('resident');
  const [dialog, confirm] = useConfirm();
  /** Reports the committee changed since they were last opened: said on the 我的反馈 entry. */
  const [unread, setUnread] = useState(0);
  /** Someone the committee gave scoring work (a branch's secretary, the working group) sees 支部创评 among the main entries. */
  const [scoringWork, setScoringWork] = useState(false);
  const isSteward = Boolean(session?.user.roles.includes('steward'));

  const loadUnread = useCallback(async () => {
    if (!session) return;
    try {
      setUnread((await call(feedbackApi.countMyUnreadFeedback)).count);
    } catch {
      /* the entry still works without its count */
    }
  }, [session]);
  const loadScoringWork = useCallback(async () => {
    if (!session) return;
    try {
      setScoringWork((await call(listMyScoringWork)).items.length > 0);
    } catch {
      /* the quiet entry below still leads there */
    }
  }, [session]);
  // On every show: coming back from a report the person just opened, the count is one less.
  useDidShow(() => {
    void loadUnread();
    void loadScoringWork();
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const logout = async () => {
    const ok = await confirm({
      title: '确定退出登录吗？',
      content: '退出后，需要重新登录才能反映问题和查看办理进度。',
      confirmText: '退出登录',
    });
    if (!ok) return;
    clearSession('resident');
    void Taro.reLaunch({ url: '/pages/login/index' });
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {session.user.name}，您好！
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        有问题随时反映，社区两委会受理、答复，您可以随时查看办理进度。
      </Html>

      <Html tag='nav' aria-label='主要功能'>
        <Button variant='primary' onClick={() => void Taro.navigateTo({ url: '/pages/feedback/new/index' })}>
          反映问题
        </Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/pages/feedback/mine/index' })}>{myFeedbackLabel(unread)}</Button>
        {isSteward ? (
          <>
            <Button onClick={() => void Taro.navigateTo({ url: '/packages/steward/assigned/index' })}>分派给我的</Button>
            <Button onClick={() => void Taro.navigateTo({ url: '/packages/steward/households/index' })}>走访入户</Button>
          </>
        ) : null}
        <Button onClick={() => void Taro.navigateTo({ url: '/packages/teams/mine/index' })}>广场舞队</Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/packages/council/index/index' })}>议事会</Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/packages/opinions/index/index' })}>民意征集</Button>
        <Button onClick={() => void Taro.navigateTo({ url: RESULTS_PAGE })}>党支部星级</Button>
        {scoringWork ? <Button onClick={() => void Taro.navigateTo({ url: SCORING_PAGE })}>支部创评</Button> : null}
      </Html>

      <Html tag='div' className='gz-footer-links'>
        {process.env.TARO_ENV === 'h5' ? (
          <Button variant='plain' inline onClick={() => void Taro.navigateTo({ url: '/packages/admin/login/index' })}>
            社区工作人员入口
          </Button>
        ) : null}
        {scoringWork ? null : (
          <Button variant='plain' inline onClick={() => void Taro.navigateTo({ url: SCORING_PAGE })}>
            支部创评认领码
          </Button>
        )}
        <Button variant='plain' inline onClick={() => void logout()}>
          退出登录
        </Button>
      </Html>
      {dialog}
    </Html>
  );
}
