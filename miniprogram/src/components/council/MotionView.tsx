import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Motion } from '@shared/api/council';
import { type Realm } from '../../api';
import { useLoaded } from '../useLoaded';
import { ErrorState, LoadingState, Notice } from '../States';
import { formatTime } from '../format';
import { Button, Facts, Html, useUniqueId } from '../ui';
import { MyBallotSection, RollSection } from './MotionBallot';
import { CloseEarlySection, ScheduleSection, WithdrawSection } from './MotionChair';
import { MotionComments } from './MotionComments';
import { MotionOutcome, RunningTally } from './MotionOutcome';
import { MotionPhaseTag } from './MotionPhaseTag';
import { historyActText, proposedByText, settingsFacts, windowText } from './councilText';
import { clientOf } from './motionProps';
import { councilApi } from '@shared/api/council';

/** Loads one motion: loading and error state, `load` to refresh, `setMotion` after an act. */
export function useMotion(id: string, realm: Realm, enabled: boolean) {
  const { data: motion, setData: setMotion, error, loading, load } = useLoaded(enabled ? () => clientOf(realm)(councilApi.getMotion, { params: { id } }) : null, [id, realm], {
    missing: id ? undefined : '没有指定要查看的议题',
  });
  return { motion, setMotion, error, loading, load };
}

/** What the motion asks, and when and how it is voted on. */
function MotionFacts({ motion }: { motion: Motion }) {
  const titleId = useUniqueId('motion-facts');
  const rulesId = useUniqueId('motion-rules');
  return (
    <>
      <Html tag='section' className='gz-card' aria-labelledby={titleId}>
        <Html tag='h2' className='gz-h2' id={titleId}>
          议题内容
        </Html>
        <Facts
          rows={[
            ['背景情况', <Html tag='span' className='gz-pre' key='b'>{motion.background}</Html>],
            ['建议决定', <Html tag='span' className='gz-pre' key='d'>{motion.proposedDecision}</Html>],
            motion.feedback && ['来自居民反馈', `${motion.feedback.ref ? `${motion.feedback.ref} ` : ''}${motion.feedback.title}`],
            ['提出', `${proposedByText(motion)} · ${formatTime(motion.createdAt)}`],
          ]}
        />
      </Html>
      {motion.schedule || motion.settings ? (
        <Html tag='section' className='gz-card' aria-labelledby={rulesId}>
          <Html tag='h2' className='gz-h2' id={rulesId}>
            讨论和投票安排
          </Html>
          <Facts
            rows={[
              motion.schedule && ['讨论时间', windowText(motion.schedule.discussionStartsAt, motion.schedule.votingOpensAt)],
              motion.schedule && ['投票时间', windowText(motion.schedule.votingOpensAt, motion.schedule.votingClosesAt)],
              ...(motion.settings ? settingsFacts(motion.settings) : []),
            ]}
          />
        </Html>
      ) : null}
    </>
  );
}

/** The motion's story: proposed, scheduled, withdrawn, decided — who and when. */
function MotionHistory({ motion }: { motion: Motion }) {
  const titleId = useUniqueId('motion-history');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        办理经过
      </Html>
      <Html tag='ol' className='gz-timeline' aria-labelledby={titleId}>
        {[...motion.history].reverse().map((h, i) => (
          <Html tag='li' className='gz-timeline-entry' key={`${h.at}-${i}`}>
            <Html tag='strong' className='gz-text'>
              {historyActText(h.act)}
            </Html>
            <Html tag='span' className='gz-meta'>
              {`${formatTime(h.at)} · ${h.byName}`}
            </Html>
            {h.note ? (
              <Html tag='p' className='gz-note'>
                {h.note}
              </Html>
            ) : null}
          </Html>
        ))}
      </Html>
    </Html>
  );
}

/** The one line a person needs first: what to do now, or where it stands. */
const leadText = (m: Motion): string | undefined => {
  if (m.phase === 'voting' && m.myBallot?.onRoll && !m.myBallot.voted) return '投票进行中，请在下面投出您的一票。';
  if (m.phase === 'proposed' && (m.viewer === 'chair' || m.viewer === 'committee')) return '请安排讨论和投票时间，并设定表决规则。';
  if (m.phase === 'counting') return '投票已截止，正在计票，请稍后刷新。';
  if (m.phase === 'withdrawn') return '这个议题已撤回，不再讨论和投票。';
  return undefined;
};

/**
 * A motion, for every realm and role: members read, discuss and vote; the chair (and the committee) schedules,
 * records ballots in person and closes early; everyone reads the outcome. Each section offers only what the
 * server says this person may do now (`can`).
 */
export function MotionView({ id, realm, headingLevel = 1, backLabel, onBack }: { id: string; realm: Realm; headingLevel?: 1 | 2; backLabel?: string; onBack?: () => void }) {
  const { motion, setMotion, error, loading, load } = useMotion(id, realm, true);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();

  if (error) return <ErrorState message={error} onRetry={id ? () => void load() : undefined} />;
  if (!motion) return <LoadingState />;

  const section = {
    motion,
    realm,
    onChanged: (m: Motion, text: string) => {
      setMotion(m);
      setOutcome({ kind: 'ok', text });
    },
    onFailed: (text: string) => setOutcome({ kind: 'error', text }),
  };
  const lead = leadText(motion);

  return (
    <>
      <Html tag='div' className='gz-item-head'>
        <Html tag={headingLevel === 1 ? 'h1' : 'h2'} className='gz-h1'>
          {motion.title}
        </Html>
        <MotionPhaseTag phase={motion.phase} result={motion.outcome?.result} />
      </Html>
      <Html tag='p' className='gz-meta'>
        {motion.council.name}
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      {lead ? (
        <Html tag='p' className='gz-text'>
          {lead}
        </Html>
      ) : null}

      {motion.outcome ? <MotionOutcome outcome={motion.outcome} votes={motion.votes} secret={Boolean(motion.settings?.secret)} /> : null}
      <MyBallotSection {...section} />
      <CloseEarlySection {...section} />
      {motion.tally && !motion.outcome ? <RunningTally tally={motion.tally} /> : null}
      <ScheduleSection key={motion.version} {...section} />
      <MotionFacts motion={motion} />
      <RollSection {...section} />
      <MotionComments {...section} />
      <MotionHistory motion={motion} />
      <WithdrawSection {...section} />

      <Button variant='plain' loading={loading} onClick={() => void load()}>
        刷新
      </Button>
      {onBack ? (
        <Button variant='plain' onClick={onBack}>
          {backLabel ?? '返回'}
        </Button>
      ) : (
        <Button variant='plain' onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      )}
    </>
  );
}
