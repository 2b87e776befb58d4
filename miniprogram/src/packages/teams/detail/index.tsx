import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Team } from '@shared/api/teams';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { TeamStatusTag } from '../../../components/teams/TeamStatusTag';
import { Button, Html } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { InviteSection } from '../InviteSection';
import { MembersSection } from '../MembersSection';
import { RecordActivity } from '../RecordActivity';
import { RecordStudySession } from '../RecordStudySession';
import { RulesSection } from '../RulesSection';
import { ActivitiesSection, LeaveTeam, SubmitSection, TeamFacts, TeamHistory, committeeWord } from '../TeamSections';
import { useTeam } from '../useTeam';
import '../teams.css';

/**
 * A team's page, for its leader and its members: the filing and its registration, what is still needed before
 * submitting (everyone's acceptance of the rules), the members, the invite code, the rules to read and accept,
 * performances and volunteer hours, and the registration's history. Each part offers only what this person may do.
 */
export default function TeamPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { team, setTeam, error, loading, load } = useTeam(id, Boolean(session));
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(() =>
    params.saved === '1' ? { kind: 'ok', text: '已保存。' } : params.joined === '1' ? { kind: 'ok', text: '已加入，请阅读并确认下面的规章。' } : undefined,
  );
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (error) return <ErrorState message={error} onRetry={id ? () => void load() : undefined} />;
  if (!team) return <LoadingState />;

  const changed = (updated: Team, text: string) => {
    setTeam(updated);
    setOutcome({ kind: 'ok', text });
  };
  const failed = (text: string) => setOutcome({ kind: 'error', text });
  const section = { team, onChanged: changed, onFailed: failed };
  const leader = team.viewer === 'leader';
  const word = committeeWord(team);

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='div' className='gz-item-head'>
        <Html tag='h1' className='gz-h1'>
          {team.name}
        </Html>
        <TeamStatusTag status={team.status} />
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      {word ? <Notice kind='error'>{word}</Notice> : null}
      {team.registration ? (
        <Button variant='primary' onClick={() => void Taro.navigateTo({ url: `/packages/teams/card/index?id=${team.id}` })}>
          查看电子身份证
        </Button>
      ) : null}
      <TeamFacts team={team} />

      {leader && (team.status === 'draft' || team.status === 'changes_requested') ? <SubmitSection {...section} /> : null}
      <RulesSection {...section} userId={session.user.id} />
      <MembersSection {...section} />
      {leader ? <InviteSection {...section} /> : null}
      {leader ? (
        <Html tag='div' className='gz-card'>
          <RecordStudySession {...section} />
        </Html>
      ) : null}
      <ActivitiesSection team={team}>{leader && team.status === 'approved' ? <RecordActivity {...section} /> : null}</ActivitiesSection>
      <TeamHistory team={team} />

      <Button variant='plain' loading={loading} onClick={() => void load()}>
        刷新
      </Button>
      {!leader ? <LeaveTeam team={team} onFailed={failed} /> : null}
      <Button variant='plain' onClick={() => void Taro.redirectTo({ url: '/packages/teams/mine/index' })}>
        返回我的舞队
      </Button>
    </Html>
  );
}
