import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ResponseBody, type Survey, stewardsApi } from '@shared/api/stewards';
import { answerProblems, type SurveyQuestion } from '@shared/stewards/surveys';
import { ApiError, RetryKey, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { Button, Checkbox, ChoiceGroup, Form, Html, SelectField, TextField } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { identityApi } from '@shared/api/identity';

/**
 * Answering a survey: each question as a choice or a box to write in, and the compound the answer comes from. A
 * resident answers once; a red steward may switch to recording answers gathered on visits (no names) and records
 * one after another.
 */
export default function AnswerSurveyPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const isSteward = Boolean(session?.user.roles.includes('steward'));
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [compounds, setCompounds] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [compound, setCompound] = useState('');
  const [gathered, setGathered] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);
  const [recorded, setRecorded] = useState(0);
  const retryKey = useRef(new RetryKey());

  const load = useCallback(async () => {
    if (!session) return;
    if (!id) return setLoadError('没有指定征集');
    setLoadError(undefined);
    try {
      const [s, c] = await Promise.all([call(stewardsApi.getSurvey, { params: { id } }), call(identityApi.listCompounds).catch(() => ({ names: [] as string[] }))]);
      setSurvey(s);
      setCompounds(c.names);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [id, session]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (loadError) return <ErrorState message={loadError} onRetry={() => void load()} />;
  if (!survey) return <LoadingState />;

  const send = async () => {
    if (sending) return;
    setOutcome(undefined);
    const parsed = ResponseBody.safeParse({ answers, compound, gathered });
    // the same check the server makes, per question, before anything is sent
    const questions: SurveyQuestion[] = survey.questions.map((q) => (q.kind === 'choice' ? { ...q, options: q.options.map((o) => o.label) } : q));
    const unanswered = Object.fromEntries(answerProblems(questions, answers).map((p) => [`answers.${p.questionId}`, p.message]));
    if (!parsed.success || Object.keys(unanswered).length) return setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues)), ...unanswered });
    setErrors({});
    setSending(true);
    try {
      const updated = await call(stewardsApi.answerSurvey, { params: { id: survey.id }, body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      setSurvey(updated);
      if (gathered) {
        setRecorded((n) => n + 1);
        setAnswers({});
        setOutcome({ kind: 'ok', text: `已记录第 ${recorded + 1} 份意见，可以接着记录下一份。` });
      } else setOutcome({ kind: 'ok', text: '谢谢您的意见！社区会认真研究。' });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  const canAnswer = survey.status === 'open' && (gathered || !survey.answered);
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {survey.title}
      </Html>
      {survey.intro ? (
        <Html tag='p' className='gz-text gz-pre'>
          {survey.intro}
        </Html>
      ) : null}
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      {survey.status !== 'open' ? (
        <Html tag='p' className='gz-text'>
          这项征集已经结束，谢谢关注。
        </Html>
      ) : null}
      {survey.status === 'open' && survey.answered && !gathered && outcome?.kind !== 'ok' ? (
        <Html tag='p' className='gz-text'>
          您已经回答过这项征集，谢谢参与。
        </Html>
      ) : null}
      {isSteward && survey.status === 'open' ? (
        <Checkbox
          id='survey-gathered'
          switch
          label='代居民记录（走访或摆摊时收集的意见，不记姓名）'
          checked={gathered}
          onChange={(on) => {
            setGathered(on);
            setOutcome(undefined);
          }}
        />
      ) : null}
      {canAnswer ? (
        <Form onSubmit={() => void send()}>
          {survey.questions.map((q, i) =>
            q.kind === 'choice' ? (
              <ChoiceGroup
                key={q.id}
                id={`answer-${q.id}`}
                legend={`${i + 1}. ${q.text}`}
                options={q.options.map((o) => ({ value: o.id, label: o.label }))}
                value={answers[q.id] ?? ''}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                error={errors[`answers.${q.id}`]}
              />
            ) : (
              <TextField
                key={q.id}
                id={`answer-${q.id}`}
                label={`${i + 1}. ${q.text}`}
                optional={q.optional}
                multiline
                value={answers[q.id] ?? ''}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                maxLength={500}
                error={errors[`answers.${q.id}`]}
              />
            ),
          )}
          <SelectField
            id='answer-compound'
            label={gathered ? '居民住的小区' : '您住的小区'}
            value={compound}
            options={compounds.map((c) => ({ value: c, label: c }))}
            onChange={setCompound}
            emptyLabel='请选择'
            error={errors.compound}
          />
          <Button type='submit' variant='primary' loading={sending}>
            {gathered ? '记录这份意见' : '提交'}
          </Button>
        </Form>
      ) : null}
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.redirectTo({ url: '/packages/opinions/index/index' })}>
          返回民意征集
        </Button>
      </Html>
    </Html>
  );
}
