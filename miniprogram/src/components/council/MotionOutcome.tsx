import type { Motion, Outcome, TallyView } from '@shared/api/council';
import { formatTime } from '../format';
import { Facts, Html, useUniqueId } from '../ui';
import { countsText } from './councilText';

/** The counts as a list of facts: each option, abstentions, who did not vote. */
function CountFacts({ tally }: { tally: TallyView }) {
  return (
    <Facts
      rows={[
        ['应投票', `${tally.rollSize} 人`],
        ['实际投票', `${tally.cast} 人`],
        ...tally.options.map((o): [string, string] => [o.label, `${o.votes} 票`]),
        ['弃权', `${tally.abstain} 票`],
        ['未投票', `${tally.notVoted} 人`],
      ]}
    />
  );
}

/**
 * The decision, stored once at close: the result in a word and in a sentence, the counts, and the rule that
 * decided it. Everyone who may read the motion reads this; on an open ballot, also who voted what.
 */
export function MotionOutcome({ outcome, votes, secret }: { outcome: Outcome; votes?: Motion['votes']; secret: boolean }) {
  const titleId = useUniqueId('outcome-title');
  const votesId = useUniqueId('votes-title');
  const { rule } = outcome;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`表决结果：${outcome.resultLabel}${outcome.chosen ? `（${outcome.chosen.label}）` : ''}`}
      </Html>
      <Html tag='p' className='gz-text'>
        {outcome.text}。
      </Html>
      <CountFacts tally={outcome.counts} />
      <Facts
        rows={[
          ['法定人数', `${rule.quorumRequired} 人（应投票成员的 ${rule.quorumPercent}%），${rule.quorumMet ? '已达到' : '未达到'}`],
          ['通过规则', rule.passRuleText],
          ['结束时间', `${formatTime(outcome.decidedAt)}${outcome.closed === 'early' ? '（全体成员已投票，召集人提前结束）' : ''}`],
        ]}
      />
      {votes?.length ? (
        <>
          <Html tag='h3' className='gz-h3' id={votesId}>
            记名投票：每人的选择
          </Html>
          <Html tag='ul' className='gz-list' aria-labelledby={votesId}>
            {votes.map((v) => (
              <Html tag='li' className='gz-text' key={`${v.party}-${v.name}`}>
                {`${v.name}（${v.party}）：${v.choiceLabel}${v.via === 'in-person' ? '（现场投票）' : ''}`}
              </Html>
            ))}
          </Html>
        </>
      ) : secret ? (
        <Html tag='p' className='gz-text gz-muted'>
          无记名投票：只公布票数，不公布个人的选择。
        </Html>
      ) : null}
    </Html>
  );
}

/** The counts while voting, where the chair lets members see them as ballots come in. */
export function RunningTally({ tally }: { tally: TallyView }) {
  const titleId = useUniqueId('tally-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        当前票数
      </Html>
      <Html tag='p' className='gz-text'>
        {countsText(tally)}
      </Html>
    </Html>
  );
}
