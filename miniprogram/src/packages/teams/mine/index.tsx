import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback } from 'react';
import type { TeamSummary } from '@shared/api/teams';
import { call } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { TeamStatusTag } from '../../../components/teams/TeamStatusTag';
import { rulesProgressText } from '../../../components/teams/teamText';
import { Button, Html, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { teamsApi } from '@shared/api/teams';

const PAGE_SIZE = 20;

const open = (id: string) => void Taro.navigateTo({ url: `/packages/teams/detail/index?id=${id}` });

/** One of my teams: its name, status and my part in it, then where it dances and how far the rules study is. */
function TeamCard({ team }: { team: TeamSummary }) {
  return (
    <CardButton onClick={() => open(team.id)}>
      <Html tag='span' className='gz-item-head'>
        <Html tag='span' className='gz-item-title'>
          {team.name}
          <VisuallyHidden>，</VisuallyHidden>
        </Html>
        <Html tag='span' className='gz-tags'>
          <TeamStatusTag status={team.status} />
        </Html>
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {team.role === 'leader' ? '我是队长' : '我是队员'} · {team.venue.name} · {team.memberCount} 人
        <VisuallyHidden>，</VisuallyHidden>
      </Html>
      <Html tag='span' className='gz-meta'>
        {rulesProgressText(team.rules)}
        {team.registrationNumber ? ` · 备案编号 ${team.registrationNumber}` : ''}
      </Html>
    </CardButton>
  );
}

/**
 * 我的舞队: the teams I lead or dance in, and the two ways in — file a new team (its leader), or join one with the
 * invite code its leader shared.
 */
export default function MyTeamsPage() {
  const session = useSession('resident');
  const titleId = useUniqueId('teams-title');
  const fetchPage = useCallback((cursor: string | undefined) => call(teamsApi.listMyTeams, { query: { limit: PAGE_SIZE, cursor } }), []);
  const list = usePagedList(fetchPage, Boolean(session));
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1' id={titleId}>
        我的舞队
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        广场舞队在社区备案后，会拿到自己的“电子身份证”，按备案的场地和时段活动。
      </Html>
      <Html tag='nav' aria-label='舞队功能'>
        <Button variant='primary' onClick={() => void Taro.navigateTo({ url: '/packages/teams/edit/index' })}>
          备案新舞队
        </Button>
        <Button onClick={() => void Taro.navigateTo({ url: '/packages/teams/join/index' })}>用邀请码加入舞队</Button>
      </Html>

      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='您还没有加入舞队。队长请点“备案新舞队”；队员请向队长要邀请码。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((t) => (
            <Html tag='li' key={t.id}>
              <TeamCard team={t} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}
