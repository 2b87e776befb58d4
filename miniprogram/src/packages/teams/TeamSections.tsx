import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { Team } from '@shared/api/teams';
import { ACTIVITY_KIND_LABELS } from '@shared/teams/activities';
import { VALIDITY_LABELS } from '@shared/teams/registration';
import { TEAM_STATUS_LABELS } from '@shared/teams/status';
import { ApiError, call, errorMessage } from '../../api';
import { formatTime } from '../../components/format';
import { Slots } from '../../components/teams/Slots';
import { dateText, hoursText, rulesProgressText } from '../../components/teams/teamText';
import { Button, Facts, Html, useConfirm, useUniqueId } from '../../components/ui';
import type { SectionProps } from './sections';
import { teamsApi } from '@shared/api/teams';


/** The filing as it stands: where and when the team dances, its size and loudspeaker, and its registration. */
export function TeamFacts({ team }: { team: Team }) {
  const titleId = useUniqueId('facts-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        备案信息
      </Html>
      <Facts
        rows={[
          team.registration && ['备案编号', `${team.registration.number}（${VALIDITY_LABELS[team.registration.validity]}，至 ${dateText(team.registration.validUntil)}）`],
          ['队长', `${team.leaderName} · ${team.phone}`],
          ['活动场地', team.venue.name],
          ['活动时段', <Slots slots={team.slots} key='slots' />],
          ['预计人数', `${team.expectedSize} 人`],
          [
            '音响',
            team.usesLoudspeaker
              ? `使用${team.volumeLimitDb ? `，不超过 ${team.volumeLimitDb} 分贝` : ''}${team.volumeCommitment ? `；承诺：${team.volumeCommitment}` : ''}`
              : '不使用',
          ],
          ['规章确认', rulesProgressText(team.rules)],
        ]}
      />
    </Html>
  );
}

/** Why the committee is refusing, wants changes or suspended: its last reason, in its own words. */
export const committeeWord = (team: Team): string | undefined => {
  const last = team.history.at(-1);
  if (!last?.reason || last.byRole === 'leader') return undefined;
  if (team.status === 'changes_requested') return `社区请您修改：${last.reason}`;
  if (team.status === 'rejected') return `未通过的原因：${last.reason}`;
  if (team.status === 'suspended') return `暂停活动的原因：${last.reason}`;
  return undefined;
};

/**
 * Submitting for review (the leader, from a draft or after changes): the page says what is still missing —
 * members who have not accepted the rules — and the server's answer when a slot is in the way.
 */
export function SubmitSection({ team, onChanged, onFailed }: SectionProps) {
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('submit-title');
  const pending = team.members.filter((m) => team.rules.pendingMemberIds.includes(m.id));
  const noRules = team.rules.currentVersion === null;

  const submit = async () => {
    setSending(true);
    try {
      onChanged(await call(teamsApi.submitTeam, { params: { id: team.id }, body: { version: team.version } }), '已提交，社区审核后会在这里告诉您结果。');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) onFailed(`${errorMessage(err)}：${Object.values(err.fieldErrors).join('；')}`);
      else onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        提交社区审核
      </Html>
      {noRules ? (
        <Html tag='p' className='gz-text'>
          社区还没有发布广场舞规章，发布后才能提交。
        </Html>
      ) : pending.length ? (
        <Html tag='p' className='gz-text'>
          {`还有 ${pending.length} 位队员没有确认规章：${pending.map((m) => m.name).join('、')}。请他们在小程序里确认，或记录一次当面学习。`}
        </Html>
      ) : (
        <Html tag='p' className='gz-text'>
          全体队员都已确认规章，可以提交了。
        </Html>
      )}
      <Button variant='primary' loading={sending} disabled={noRules || pending.length > 0} onClick={() => void submit()}>
        提交审核
      </Button>
      <Button onClick={() => void Taro.navigateTo({ url: `/packages/teams/edit/index?id=${team.id}` })}>修改备案内容</Button>
    </Html>
  );
}

/** Performances and volunteer service, newest first, with the team's totals; `children`: the leader's form. */
export function ActivitiesSection({ team, children }: { team: Team; children?: ReactNode }) {
  const titleId = useUniqueId('activities-title');
  const { performance, volunteer } = team.totals;
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        演出与志愿服务
      </Html>
      <Html tag='p' className='gz-text'>
        {/* the team's hours are person-hours: each attendee's hours added up */}
        {`文艺汇演 ${performance.activities} 次，队员累计 ${hoursText(performance.hours)}；志愿服务 ${volunteer.activities} 次，队员累计 ${hoursText(volunteer.hours)}。`}
      </Html>
      {team.activities.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {team.activities.map((a) => (
            <Html tag='li' className='gz-member' key={a.id}>
              <Html tag='p' className='gz-item-title'>
                {a.title}
              </Html>
              <Html tag='p' className='gz-meta'>
                {`${ACTIVITY_KIND_LABELS[a.kind]} · ${dateText(a.date)} · ${hoursText(a.hours)} · ${a.attendeeIds.length} 人参加`}
              </Html>
              <Html tag='p' className='gz-meta'>
                {a.attendeeIds.map((i) => names.get(i) ?? '已退出的队员').join('、')}
              </Html>
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有记录。
        </Html>
      )}
      {children}
    </Html>
  );
}

/** The registration's story: filed, submitted, the committee's decisions with their reasons. */
export function TeamHistory({ team }: { team: Team }) {
  const titleId = useUniqueId('history-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        备案进度
      </Html>
      <Html tag='ol' className='gz-timeline' aria-labelledby={titleId}>
        {[...team.history].reverse().map((h, i) => (
          <Html tag='li' className='gz-timeline-entry' key={`${h.at}-${i}`}>
            <Html tag='strong' className='gz-text'>
              {h.from === null ? '创建备案' : `状态改为「${TEAM_STATUS_LABELS[h.to]}」`}
            </Html>
            <Html tag='span' className='gz-meta'>
              {`${formatTime(h.at)} · ${h.byRole === 'leader' ? `队长 ${h.byName}` : h.byName}`}
            </Html>
            {h.reason ? (
              <Html tag='p' className='gz-note'>
                {`理由：${h.reason}`}
              </Html>
            ) : null}
          </Html>
        ))}
      </Html>
    </Html>
  );
}

/** A member (not the leader) leaves, asked first: their details leave with them. */
export function LeaveTeam({ team, onFailed }: Pick<SectionProps, 'team' | 'onFailed'>) {
  const [dialog, confirm] = useConfirm();
  const leave = async () => {
    const ok = await confirm({
      title: `退出「${team.name}」吗？`,
      content: '退出后您的登记信息会从本队删除；以后可以用邀请码重新加入。',
      confirmText: '退出',
      cancelText: '不退出',
      destructive: true,
    });
    if (!ok) return;
    try {
      await call(teamsApi.leaveTeam, { params: { id: team.id } });
      await Taro.redirectTo({ url: '/packages/teams/mine/index' });
    } catch (err) {
      onFailed(errorMessage(err));
    }
  };
  return (
    <>
      <Button variant='danger' onClick={() => void leave()}>
        退出舞队
      </Button>
      {dialog}
    </>
  );
}
