import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ScoringAssessment } from '@shared/api/scoring';
import { call } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { assessmentStatusText, periodStatusText, scoreText, starText } from '../../../components/scoring/scoringText';
import { Button, Facts, Html } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { MeetingsSection, ProblemsSection, TasksSection } from '../ProblemSections';
import { FinaliseSection } from '../../../components/scoring/FinaliseForm';
import { SendBackSection, SentBackNotice } from '../../../components/scoring/SendBackForm';
import { ResultSection, ReviewsOverview, SubmitReviewSection, SubmitSelfSection } from '../ReviewSections';
import { SelfSummary } from '../SelfSummary';
import { SheetSection } from '../SheetSection';
import { useAssessment } from '../useAssessment';
import '../../../components/scoring/scoring.css';
import { scoringApi } from '@shared/api/scoring';

/** A line that says what this person can do now, where no form says it (the stage is not theirs yet, or past). */
const whatNow = (a: ScoringAssessment): string | undefined => {
  const secretary = a.viewer.includes('secretary');
  const reviewer = a.viewer.includes('reviewer');
  const lead = a.viewer.includes('lead');
  const stage = a.period.status;
  if (secretary && a.status === 'draft' && !a.can.editSelf)
    return stage === 'setup' ? '社区还在筹备，自评开始后就可以在这里打分。' : '自评已经截止，本支部没有提交自评。';
  if (reviewer && !a.can.review && !a.reviews.mine?.submittedAt && stage !== 'review' && !a.result)
    return stage === 'setup' || stage === 'self-assessment' ? '支部自评结束、社区进入“工作小组复核”阶段后，就可以在这里复核。' : undefined;
  if (lead && !a.can.finalise && !a.result && stage !== 'review')
    return '工作小组复核阶段，组长在这里确定最终得分和星级。';
  if (lead && !a.can.finalise && !a.result && !a.reviews.submitted) return '还没有复核人提交复核，至少一份复核提交后才能确定结果。';
  return undefined;
};

/**
 * One branch's assessment, for the people the period gave it to: its secretary scores it (自评荐星), submits,
 * and works the problem list (整改措施, 支部大会) and the key tasks; a reviewer re-checks it criterion by criterion
 * (复核) and submits; the working group's lead sees every review and sets the final score and star. Each part
 * shows only what the server says this person may do now (`can`).
 */
export default function AssessmentPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { assessment: a, setAssessment, error, loading, load } = useAssessment(id, Boolean(session));
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (error && !a) return <ErrorState message={error} onRetry={id ? () => void load() : undefined} />;
  if (!a) return <LoadingState />;

  const changed = (updated: ScoringAssessment, text: string) => {
    setAssessment(updated);
    setOutcome({ kind: 'ok', text });
  };
  const failed = (text: string) => setOutcome({ kind: 'error', text });
  const reload = (text: string) => {
    setOutcome({ kind: 'ok', text });
    void load();
  };
  const section = { assessment: a, onChanged: changed, onFailed: failed, reload };
  const secretary = a.viewer.includes('secretary');
  const reviewer = a.viewer.includes('reviewer');
  const lead = a.viewer.includes('lead');

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {a.branch.name}
      </Html>
      <Html tag='p' className='gz-meta'>
        {`${a.period.name} · ${periodStatusText(a.period.status)}`}
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}

      <Html tag='section' className='gz-card' aria-labelledby='overview-title'>
        <Html tag='h2' className='gz-h2' id='overview-title'>
          概况
        </Html>
        <Facts
          rows={[
            ['自评', `${assessmentStatusText(a.status)}${a.submittedAt ? `（${a.submittedByName ?? ''}）` : ''}`],
            a.proposed ? ['自评荐星', scoreText(a.proposed)] : ['当前自评', `${a.computed.total} 分 · 推荐 ${starText(a.computed.star)}`],
            a.secretaryName ? ['支部书记', a.secretaryName] : false,
            ['复核进度', `${a.reviews.submitted}/${a.reviews.assigned} 已复核`],
            a.result && ['最终结果', scoreText(a.result)],
          ]}
        />
      </Html>

      {secretary ? <SentBackNotice assessment={a} forSecretary /> : null}
      <ResultSection assessment={a} />
      {whatNow(a) ? (
        <Html tag='p' className='gz-text'>
          {whatNow(a)}
        </Html>
      ) : null}

      {secretary && a.can.editSelf ? (
        <SheetSection
          assessment={a}
          saved={a.self}
          kind='self'
          reload={reload}
          actions={{
            saveEntry: async (body) => changed(await call(scoringApi.saveScoringSelfEntry, { params: { id: a.id }, body: { ...body, version: a.version } }), '已保存。'),
            saveOverall: async (body) => changed(await call(scoringApi.saveScoringSelfOverall, { params: { id: a.id }, body: { ...body, version: a.version } }), '已保存。'),
          }}
        />
      ) : null}
      {secretary && a.can.editSelf ? <SubmitSelfSection {...section} /> : null}

      {reviewer && a.can.review ? (
        <SheetSection
          assessment={a}
          saved={a.reviews.mine ?? { entries: [], vetoes: [], bonuses: [] }}
          kind='review'
          actions={{
            saveEntry: async (body) =>
              changed(await call(scoringApi.saveScoringReviewEntry, { params: { id: a.id }, body: { ...body, version: a.reviews.mine?.version ?? 0 } }), '已保存复核。'),
            saveOverall: async (body) =>
              changed(await call(scoringApi.saveScoringReviewOverall, { params: { id: a.id }, body: { ...body, version: a.reviews.mine?.version ?? 0 } }), '已保存复核。'),
          }}
        />
      ) : null}
      {reviewer && a.can.review && a.reviews.mine && a.reviews.mine.status !== 'submitted' ? <SubmitReviewSection {...section} /> : null}
      {reviewer && a.reviews.mine?.status === 'submitted' ? (
        <Notice kind='ok'>{`您的复核已提交：${scoreText(a.reviews.mine.computed)}。`}</Notice>
      ) : null}

      {a.reviews.all ? <ReviewsOverview assessment={a} /> : null}
      {lead && a.can.finalise ? <FinaliseSection {...section} /> : null}
      {lead && a.can.sendBack ? <SendBackSection {...section} /> : null}

      {secretary || a.status === 'submitted' ? <ProblemsSection {...section} /> : null}
      {secretary || a.meetings.length ? <MeetingsSection {...section} /> : null}
      {secretary || a.tasks.length ? <TasksSection {...section} canWrite={secretary && a.period.status !== 'final'} /> : null}

      {a.status === 'submitted' ? <SelfSummary assessment={a} /> : null}

      <Button variant='plain' loading={loading} onClick={() => void load()}>
        刷新
      </Button>
      <Button variant='plain' onClick={() => void Taro.redirectTo({ url: '/packages/scoring/mine/index' })}>
        返回支部创评
      </Button>
    </Html>
  );
}
