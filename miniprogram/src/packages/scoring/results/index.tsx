import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { scoringApi, type PeriodResults, type StarDistribution } from '@shared/api/scoring';
import type { z } from 'zod';
import { call } from '../../../api';
import { chinaDateTime } from '../../../components/format';
import { dayText, starWord } from '../../../components/scoring/scoringText';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { BarChart, Button, Facts, Html, SelectField, VisuallyHidden, useUniqueId } from '../../../components/ui';
import { useLoaded } from '../../../components/useLoaded';
import { useSession } from '../../../components/useSession';
import { prefilledFormAddress } from '../../../pages/feedback/new/prefill';
import '../../../components/scoring/scoring.css';

type PeriodRow = z.infer<typeof StarDistribution>['periods'][number];
type Results = z.infer<typeof PeriodResults>;
type Branch = Results['branches'][number];
type Counts = Results['distribution'];

const KEYS = [5, 4, 3, 2, 1, 'unrated'] as const;
const keyLabel = (k: (typeof KEYS)[number]) => (k === 'unrated' ? '不评星' : starWord(k));
const changeText = (n: number | undefined) => (!n ? '' : n > 0 ? `，比上一期多 ${n} 个` : `，比上一期少 ${-n} 个`);

/** `2026年12月5日 09:00`: when the announcement ends, in China's time. */
const endText = (iso: string) => {
  const { date, time } = chinaDateTime(iso);
  return `${dayText(date)} ${time}`;
};

/** The stars for the eye, the word for everyone: a screen reader hears 三星, not "black star" three times. */
function Stars({ star }: { star: number | null }) {
  if (star === null) return <Html tag='span'>不评星（一票否决）</Html>;
  return (
    <Html tag='span'>
      <Html tag='span' className='gz-stars' aria-hidden>
        {'★'.repeat(star)}
      </Html>{' '}
      {starWord(star)}
    </Html>
  );
}

function BranchResult({ branch }: { branch: Branch }) {
  const titleId = useUniqueId('branch-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {branch.branchName}
      </Html>
      <Html tag='p' className='gz-text gz-score-line'>
        <Stars star={branch.star} />
        <VisuallyHidden>，</VisuallyHidden>
        {` · ${branch.total} 分`}
      </Html>
      {branch.objection ? (
        <Button
          inline
          accessibleName={`对${branch.branchName}的结果提出异议`}
          onClick={() => void Taro.navigateTo({ url: prefilledFormAddress(branch.objection!) })}
        >
          提出异议
        </Button>
      ) : null}
    </Html>
  );
}

/** Where the period stands: still announced (until when, and how to object) or final (亮星). */
function PeriodState({ results }: { results: Results }) {
  const { period } = results;
  if (period.status === 'announcement')
    return (
      <Html tag='p' className='gz-score-live'>
        <Html tag='span' className='gz-score-total'>
          公示中
        </Html>
        {period.announcement ? `公示到 ${endText(period.announcement.endsAt)}。` : ''}
        对哪个党支部的结果有意见，请在公示期间点它下面的「提出异议」，社区两委会受理并答复您。
      </Html>
    );
  return (
    <Html tag='p' className='gz-score-live'>
      <Html tag='span' className='gz-score-total'>
        已亮星
      </Html>
      公示期已满，这是确定的结果。
    </Html>
  );
}

/**
 * 党支部星级: the results of the community's branch star rating as residents see them, from the announcement (公示)
 * on — each branch's star and score, how many branches hold each star, whether it is still announced (and how to
 * object through feedback) or final (亮星). The latest period first; earlier ones can be chosen.
 */
export default function ScoringResultsPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const [chosen, setChosen] = useState(params.period ?? '');
  const listTitleId = useUniqueId('results-list-title');
  const distTitleId = useUniqueId('results-dist-title');

  const periods = useLoaded(session ? () => call(scoringApi.getScoringStarDistribution) : null, [], { reloadOnShow: true });
  // residents only ever get announced periods; the newest first in the choice
  const shown = (periods.data?.periods ?? []).filter((p) => p.public).reverse();
  const periodId = shown.some((p) => p.period.id === chosen) ? chosen : (shown[0]?.period.id ?? '');
  const row: PeriodRow | undefined = shown.find((p) => p.period.id === periodId);
  const results = useLoaded(session && periodId ? () => call(scoringApi.getScoringResults, { params: { id: periodId } }) : null, [periodId]);
  usePullDownRefresh(() => {
    void Promise.all([periods.load(), results.load()]).finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const data = results.data?.period.id === periodId ? results.data : null;
  // 不评星 only when a veto left a branch without a star
  const keysOf = (c: Counts) => KEYS.filter((k) => k !== 'unrated' || c.unrated > 0);

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        党支部星级
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        星级党支部创评：各党支部自评，创评工作小组逐项复核后确定星级，结果向全体居民公示。
      </Html>

      {periods.error ? <ErrorState message={periods.error} onRetry={() => void periods.load()} /> : null}
      {!periods.error && !periods.data ? <LoadingState /> : null}
      {periods.data && !shown.length ? <EmptyState title='还没有公示过的评定结果。结果公示后会显示在这里。' /> : null}

      {shown.length ? (
        <>
          {shown.length > 1 ? (
            <SelectField
              id='results-period'
              label='评定周期'
              value={periodId}
              options={shown.map((p) => ({ value: p.period.id, label: p.period.name }))}
              onChange={(v) => v && setChosen(v)}
            />
          ) : null}
          <Html tag='h2' className='gz-h2'>
            {row?.period.name ?? ''}
          </Html>
          {results.error ? <ErrorState message={results.error} onRetry={() => void results.load()} /> : null}
          {!results.error && !data ? <LoadingState /> : null}
          {data ? (
            <>
              <PeriodState results={data} />

              <Html tag='section' aria-labelledby={distTitleId}>
                <Html tag='h2' className='gz-h2' id={distTitleId}>
                  星级分布
                </Html>
                <BarChart
                  series={[{ label: '党支部数', tone: 'main' }]}
                  unit=' 个'
                  summary={`${data.period.name}各星级的党支部数，详见下面的文字`}
                  rows={keysOf(data.distribution).map((k) => ({ label: keyLabel(k), values: [data.distribution[k]] }))}
                />
                <Facts rows={keysOf(data.distribution).map((k) => [keyLabel(k), `${data.distribution[k]} 个党支部${changeText(row?.change?.[k])}`] as const)} />
              </Html>

              <Html tag='h2' className='gz-h2' id={listTitleId}>
                {`各党支部结果（${data.branches.length} 个）`}
              </Html>
              {data.branches.length ? (
                <Html tag='ul' className='gz-list' aria-labelledby={listTitleId}>
                  {data.branches.map((b) => (
                    <Html tag='li' key={b.branchId}>
                      <BranchResult branch={b} />
                    </Html>
                  ))}
                </Html>
              ) : (
                <EmptyState title='这个周期没有党支部的结果。' />
              )}
            </>
          ) : null}
        </>
      ) : null}

      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}
