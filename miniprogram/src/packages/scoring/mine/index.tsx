import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ClaimAssignmentBody, type MyScoringWork, type ScoringPeriod, scoringApi } from '@shared/api/scoring';
import type { z } from 'zod';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { periodStatusText } from '../../../components/scoring/scoringText';
import { Button, Form, Html, TextField, useUniqueId } from '../../../components/ui';
import { CardButton } from '../../../components/ui/CardButton';
import { useSession } from '../../../components/useSession';

type Work = z.infer<typeof MyScoringWork>['items'][number];

const open = (assessmentId: string) => void Taro.navigateTo({ url: `/packages/scoring/assessment/index?id=${assessmentId}` });

/** One branch to open: its name and what I do for it. */
function BranchButton({ name, role, assessmentId }: { name: string; role: string; assessmentId: string }) {
  return (
    <CardButton onClick={() => open(assessmentId)}>
      <Html tag='span' className='gz-item-title'>
        {name}
      </Html>
      <Html tag='span' className='gz-meta'>
        {role}
      </Html>
    </CardButton>
  );
}

/** One period's work: the branches I am secretary of, those I review, and (the group lead) every branch. */
function PeriodWork({ work, lead }: { work: Work; lead: ScoringPeriod | undefined }) {
  const titleId = useUniqueId('work-title');
  const reviewing = new Set(work.reviewerOf.map((b) => b.branchId));
  const leadOnly = lead ? lead.branches.filter((b) => !reviewing.has(b.id)) : [];
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {work.period.name}
      </Html>
      <Html tag='p' className='gz-meta'>
        {`当前阶段：${periodStatusText(work.period.status)}${work.lead ? ' · 我是工作小组组长' : ''}`}
      </Html>
      <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
        {work.secretaryOf.map((b) => (
          <Html tag='li' key={`s-${b.assessmentId}`}>
            <BranchButton name={b.branchName} role='我是支部书记：自评荐星、问题整改、重点任务' assessmentId={b.assessmentId} />
          </Html>
        ))}
        {work.reviewerOf.map((b) => (
          <Html tag='li' key={`r-${b.assessmentId}`}>
            <BranchButton name={b.branchName} role={work.lead ? '我复核，并确定最终星级' : '我是复核人：逐项复核'} assessmentId={b.assessmentId} />
          </Html>
        ))}
        {leadOnly.map((b) => (
          <Html tag='li' key={`l-${b.assessmentId}`}>
            <BranchButton name={b.name} role='我是组长：确定最终得分和星级' assessmentId={b.assessmentId} />
          </Html>
        ))}
      </Html>
    </Html>
  );
}

/**
 * 支部创评: the scoring work the committee gave me — the branches I am secretary of, the ones I review in the
 * working group, and (the lead) every branch of the period — and the way in for someone who got a code.
 */
export default function MyScoringWorkPage() {
  const session = useSession('resident');
  const [work, setWork] = useState<Work[] | null>(null);
  const [periods, setPeriods] = useState<Record<string, ScoringPeriod>>({});
  const [error, setError] = useState<string>();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => {
    if (!session) return;
    setError(undefined);
    try {
      const items = (await call(scoringApi.listMyScoringWork)).items;
      setWork(items);
      // the lead finalises every branch of the period: its list comes from the period itself
      const leads = await Promise.all(items.filter((w) => w.lead).map((w) => call(scoringApi.getScoringPeriod, { params: { id: w.period.id } })));
      setPeriods(Object.fromEntries(leads.map((p) => [p.id, p])));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [session]);
  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const claim = async () => {
    if (sending) return;
    setOutcome(undefined);
    const parsed = ClaimAssignmentBody.safeParse({ code });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const claimed = await call(scoringApi.claimScoringAssignment, { body: parsed.data });
      const what = claimed.role === 'secretary' ? `${claimed.branchNames.join('、')}的支部书记` : claimed.lead ? '创评工作小组组长' : '创评工作小组成员';
      setOutcome({ kind: 'ok', text: `认领成功：您是「${claimed.periodName}」${what}。` });
      setCode('');
      await load();
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        支部创评
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        星级党支部创评：支部书记自评荐星、整改问题；创评工作小组逐项复核，组长确定星级。
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}

      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !work ? <LoadingState /> : null}
      {work && !work.length ? <EmptyState title='您还没有创评工作。社区给了您认领码的，请在下面输入。' /> : null}
      {work?.map((w) => <PeriodWork key={w.period.id} work={w} lead={periods[w.period.id]} />)}

      <Html tag='section' className='gz-card' aria-labelledby='claim-title'>
        <Html tag='h2' className='gz-h2' id='claim-title'>
          输入认领码
        </Html>
        <Html tag='p' className='gz-text'>
          社区指定您为支部书记或工作小组成员时，会给您一个 8 位认领码。输入后，对应的工作就会出现在这里。
        </Html>
        <Form onSubmit={() => void claim()}>
          <TextField id='claim-code' label='认领码' value={code} onChange={setCode} placeholder='例如：K7M2Q9XA' maxLength={8} error={errors.code} />
          <Button type='submit' variant={work?.length ? 'default' : 'primary'} loading={sending}>
            认领
          </Button>
        </Form>
      </Html>

      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </Html>
    </Html>
  );
}
