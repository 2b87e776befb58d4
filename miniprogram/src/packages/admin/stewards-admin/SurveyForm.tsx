import { useRef, useState } from 'react';
import { SurveyBody, type Survey, stewardsApi } from '@shared/api/stewards';
import { MAX_QUESTIONS } from '@shared/stewards/surveys';
import { ApiError, RetryKey, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { Button, Checkbox, ChoiceGroup, Form, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';

type QuestionRow = { kind: 'choice' | 'text'; text: string; options: string; optional: boolean };
const KIND_OPTIONS = [
  { value: 'choice', label: '选择题' },
  { value: 'text', label: '填写题' },
] as const;

const rowsOf = (s?: Survey): QuestionRow[] =>
  s
    ? s.questions.map((q) => (q.kind === 'choice' ? { kind: 'choice', text: q.text, options: q.options.map((o) => o.label).join('\n'), optional: false } : { kind: 'text', text: q.text, options: '', optional: q.optional }))
    : [{ kind: 'choice', text: '', options: '', optional: false }];

/**
 * The committee's question set: a title, a line of introduction, and questions — a choice (options one per line)
 * or free text (optional or not). A draft can be changed as a whole (with the version read) until it is published.
 */
export function SurveyForm({ survey, onSaved, onCancel }: { survey?: Survey; onSaved: (s: Survey) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(survey?.title ?? '');
  const [intro, setIntro] = useState(survey?.intro ?? '');
  const [rows, setRows] = useState<QuestionRow[]>(() => rowsOf(survey));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const retryKey = useRef(new RetryKey());
  const titleId = useUniqueId('survey-form');
  const setRow = (i: number, patch: Partial<QuestionRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const remove = async (i: number) => {
    const ok = await confirm({ title: `删除第 ${i + 1} 题吗？`, content: rows[i]!.text || '这道题还没有内容。', confirmText: '删除', cancelText: '不删', destructive: true });
    if (ok) setRows((rs) => rs.filter((_, j) => j !== i));
  };

  const save = async () => {
    if (sending) return;
    setError(undefined);
    const questions = rows.map((r) =>
      r.kind === 'choice'
        ? { kind: 'choice' as const, text: r.text, options: r.options.split('\n').map((o) => o.trim()).filter(Boolean) }
        : { kind: 'text' as const, text: r.text, optional: r.optional },
    );
    const parsed = SurveyBody.safeParse({ title, intro: intro.trim() ? intro : undefined, questions });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const saved = survey
        ? await staffCall(stewardsApi.updateSurvey, { params: { id: survey.id }, body: { ...parsed.data, version: survey.version } })
        : await staffCall(stewardsApi.createSurvey, { body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError && err.kind.endsWith('stale-version') ? '这项征集刚被其他人修改过，请刷新后再改。' : errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  // an error about the options of question i comes as `questions.i.options` (or one of its lines)
  const optionsError = (i: number) => errors[`questions.${i}.options`] ?? Object.entries(errors).find(([k]) => k.startsWith(`questions.${i}.options.`))?.[1];
  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {survey ? '修改征集草稿' : '新建民意征集'}
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField id='survey-title' label='征集标题' value={title} onChange={setTitle} placeholder='例如：对广场舞时间安排的意见' maxLength={40} error={errors.title} />
      <TextField id='survey-intro' label='说明' optional multiline value={intro} onChange={setIntro} maxLength={300} error={errors.intro} />
      {errors.questions ? (
        <Html tag='p' className='gz-error'>
          {errors.questions}
        </Html>
      ) : null}
      {rows.map((r, i) => (
        <Html tag='section' className='gz-member' key={i} aria-label={`第 ${i + 1} 题`}>
          <Html tag='h3' className='gz-h3'>
            {`第 ${i + 1} 题`}
          </Html>
          <ChoiceGroup id={`q${i}-kind`} legend='题型' options={KIND_OPTIONS} value={r.kind} onChange={(kind) => setRow(i, { kind })} />
          <TextField id={`q${i}-text`} label='问题' value={r.text} onChange={(text) => setRow(i, { text })} maxLength={100} error={errors[`questions.${i}.text`]} />
          {r.kind === 'choice' ? (
            <TextField id={`q${i}-options`} label='选项（每行一个）' multiline value={r.options} onChange={(options) => setRow(i, { options })} hint='2 到 10 个选项。' error={optionsError(i)} />
          ) : (
            <Checkbox id={`q${i}-optional`} label='可以不填' checked={r.optional} onChange={(optional) => setRow(i, { optional })} />
          )}
          {rows.length > 1 ? (
            <Button inline variant='plain' accessibleName={`删除第 ${i + 1} 题`} onClick={() => void remove(i)}>
              删除这题
            </Button>
          ) : null}
        </Html>
      ))}
      {rows.length < MAX_QUESTIONS ? (
        <Button inline onClick={() => setRows((rs) => [...rs, { kind: 'choice', text: '', options: '', optional: false }])}>
          增加一题
        </Button>
      ) : null}
      <Button type='submit' variant='primary' loading={sending}>
        保存草稿
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
      {dialog}
    </Form>
  );
}
