import { useRef, useState } from 'react';
import { AddMeasureBody, MeetingBody, ReportKeyTaskBody, type ScoringAssessment, scoringApi } from '@shared/api/scoring';
import { RetryKey, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { dayText, rectificationText } from '../../components/scoring/scoringText';
import { chinaToday } from '../../components/format';
import { Button, Checkbox, Form, Html, TextField, useUniqueId } from '../../components/ui';
import { formatTime } from '../../components/format';
import { Evidence } from './Evidence';
import type { SectionProps } from './useAssessment';

type Problem = ScoringAssessment['problems'][number];
type Measure = Problem['measures'][number];

/**
 * The problem list (问题清单): each deduction of the submitted self-assessment is a problem; under it its
 * rectification measures (整改措施) with their progress, and (the secretary) adding a measure or its progress.
 */
export function ProblemsSection(props: SectionProps) {
  const { assessment: a } = props;
  const titleId = useUniqueId('problems-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`问题清单（${a.problems.length} 个）`}
      </Html>
      {a.status !== 'submitted' ? (
        <Html tag='p' className='gz-text gz-muted'>
          提交自评后，每一项扣分都会自动列为问题，在这里添加整改措施。
        </Html>
      ) : !a.problems.length ? (
        <Html tag='p' className='gz-text'>
          自评没有扣分，没有需要整改的问题。
        </Html>
      ) : (
        <>
          <Html tag='p' className='gz-text'>
            {`${rectificationText(a.rectification)}。`}
          </Html>
          <Html tag='ol' className='gz-list' aria-labelledby={titleId}>
            {a.problems.map((p) => (
              <Html tag='li' className='gz-problem' key={p.key}>
                <ProblemItem problem={p} {...props} />
              </Html>
            ))}
          </Html>
        </>
      )}
    </Html>
  );
}

function ProblemItem({ problem: p, assessment: a, reload, onFailed }: SectionProps & { problem: Problem }) {
  const headId = useUniqueId('problem');
  return (
    <Html tag='section' aria-labelledby={headId}>
      <Html tag='h3' className='gz-h3' id={headId}>
        {p.text}
      </Html>
      <Html tag='p' className='gz-meta'>
        {`${p.categoryName} · ${p.criterionTitle} · 扣 ${p.points} 分${p.times > 1 ? `（${p.times} 次）` : ''}`}
      </Html>
      {p.measures.length ? (
        <Html tag='ul' className='gz-list' aria-label={`「${p.text}」的整改措施`}>
          {p.measures.map((m) => (
            <Html tag='li' className='gz-measure' key={m.id}>
              <MeasureItem measure={m} assessment={a} reload={reload} onFailed={onFailed} />
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有整改措施。
        </Html>
      )}
      {a.can.rectify ? <AddMeasure problem={p} assessment={a} reload={reload} onFailed={onFailed} /> : null}
    </Html>
  );
}

function MeasureItem({ measure: m, assessment: a, reload, onFailed }: Pick<SectionProps, 'assessment' | 'reload' | 'onFailed'> & { measure: Measure }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const id = `measure-${m.id}`;
  const state = m.done ? `已完成（${m.doneAt ? formatTime(m.doneAt) : ''}）` : m.overdue ? '已逾期' : '整改中';

  const record = async () => {
    if (sending) return;
    if (!text.trim()) return setErrors({ text: '请填写进展' });
    setErrors({});
    setSending(true);
    try {
      await call(scoringApi.recordScoringRectificationProgress, { params: { id: a.id }, body: { measureId: m.id, text, done, version: m.version } });
      setOpen(false);
      setText('');
      reload(done ? `「${m.measure}」已整改完成。` : '已记录整改进展。');
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Html tag='p' className='gz-item-title'>
        {m.measure}
      </Html>
      <Html tag='p' className={m.overdue && !m.done ? 'gz-meta gz-diff' : 'gz-meta'}>
        {`责任人 ${m.ownerName} · 期限 ${dayText(m.deadline)} · ${state}`}
      </Html>
      {m.updates.map((u, i) => (
        <Html tag='p' className='gz-note' key={i}>
          {`${formatTime(u.at)} ${u.byName}：${u.text}${u.done ? '（完成）' : ''}`}
        </Html>
      ))}
      <Evidence assessment={a} target={{ kind: 'measure', measureId: m.id }} label={m.measure} canEdit={a.can.rectify && !m.done} reload={reload} />
      {a.can.rectify && !m.done ? (
        open ? (
          <Form onSubmit={() => void record()} aria-labelledby={`${id}-h`}>
            <Html tag='h4' className='gz-h3' id={`${id}-h`}>
              记录整改进展
            </Html>
            <TextField id={`${id}-text`} label='进展情况' multiline value={text} onChange={setText} maxLength={500} error={errors.text} />
            <Checkbox id={`${id}-done`} label='这项措施已整改完成' checked={done} onChange={setDone} />
            <Button type='submit' variant='primary' loading={sending}>
              保存进展
            </Button>
            <Button variant='plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </Form>
        ) : (
          <Button inline expanded={false} onClick={() => setOpen(true)} accessibleName={`记录进展：${m.measure}`}>
            记录进展
          </Button>
        )
      ) : null}
    </>
  );
}

function AddMeasure({ problem: p, assessment: a, reload, onFailed }: Pick<SectionProps, 'assessment' | 'reload' | 'onFailed'> & { problem: Problem }) {
  const [open, setOpen] = useState(false);
  const [measure, setMeasure] = useState('');
  const [ownerName, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const id = `add-${p.key.replace('.', '-')}`;
  // the same measure sent again (a retry after a lost answer) is added once
  const retryKey = useRef(new RetryKey());

  const add = async () => {
    if (sending) return;
    const parsed = AddMeasureBody.safeParse({ problemKey: p.key, measure, ownerName, deadline: deadline.trim() });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      await call(scoringApi.addScoringRectification, { params: { id: a.id }, body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      setOpen(false);
      setMeasure('');
      setOwner('');
      setDeadline('');
      reload(`已为「${p.text}」添加整改措施。`);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button inline expanded={false} onClick={() => setOpen(true)} accessibleName={`添加整改措施：${p.text}`}>
        添加整改措施
      </Button>
    );
  return (
    <Form onSubmit={() => void add()} aria-labelledby={`${id}-h`}>
      <Html tag='h4' className='gz-h3' id={`${id}-h`}>
        添加整改措施
      </Html>
      <TextField id={`${id}-measure`} label='整改措施' multiline value={measure} onChange={setMeasure} maxLength={300} error={errors.measure} />
      <TextField id={`${id}-owner`} label='责任人' value={ownerName} onChange={setOwner} maxLength={20} error={errors.ownerName} />
      <TextField id={`${id}-deadline`} label='整改期限' hint='例如：2026-12-31' value={deadline} onChange={setDeadline} maxLength={10} error={errors.deadline} />
      <Button type='submit' variant='primary' loading={sending}>
        保存整改措施
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}

/** The branch general meeting (支部大会) that heard the problems: recorded, and the ones on file. */
export function MeetingsSection({ assessment: a, reload, onFailed }: SectionProps) {
  const titleId = useUniqueId('meetings-title');
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(chinaToday);
  const [count, setCount] = useState('');
  const [minutes, setMinutes] = useState('');
  const [keys, setKeys] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const canRecord = a.can.rectify;
  const retryKey = useRef(new RetryKey());
  const problemText = new Map(a.problems.map((p) => [p.key, p.text]));

  const record = async () => {
    if (sending) return;
    const parsed = MeetingBody.safeParse({ date: date.trim(), attendeeCount: count.trim() ? Number(count) : undefined, minutes, problemKeys: keys });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      await call(scoringApi.recordScoringBranchMeeting, { params: { id: a.id }, body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      setOpen(false);
      setMinutes('');
      setCount('');
      setKeys([]);
      reload('已记录支部大会。');
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        支部大会
      </Html>
      {a.meetings.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {a.meetings.map((m) => (
            <Html tag='li' className='gz-measure' key={m.id}>
              <Html tag='p' className='gz-item-title'>
                {`${dayText(m.date)} · ${m.attendeeCount} 人参加`}
              </Html>
              <Html tag='p' className='gz-text gz-pre'>
                {m.minutes}
              </Html>
              {m.problemKeys.length ? (
                <Html tag='p' className='gz-meta'>
                  {`讨论的问题：${m.problemKeys.map((k) => problemText.get(k) ?? k).join('、')}`}
                </Html>
              ) : null}
              <Evidence assessment={a} target={{ kind: 'meeting', meetingId: m.id }} label={`${dayText(m.date)}支部大会`} canEdit={canRecord && a.period.status !== 'final'} reload={reload} />
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有记录支部大会。
        </Html>
      )}
      {canRecord ? (
        open ? (
          <Form onSubmit={() => void record()} aria-labelledby={`${titleId}-form`}>
            <Html tag='h3' className='gz-h3' id={`${titleId}-form`}>
              记录支部大会
            </Html>
            <TextField id='meeting-date' label='开会日期' hint='例如：2026-11-20' value={date} onChange={setDate} maxLength={10} error={errors.date} />
            <TextField id='meeting-count' label='参会人数' value={count} onChange={setCount} maxLength={3} error={errors.attendeeCount} />
            <TextField id='meeting-minutes' label='会议纪要' multiline value={minutes} onChange={setMinutes} maxLength={2000} error={errors.minutes} />
            {a.problems.length ? (
              <Html tag='p' className='gz-text'>
                会上讨论了哪些问题：
              </Html>
            ) : null}
            {a.problems.map((p) => (
              <Checkbox
                key={p.key}
                id={`meeting-problem-${p.key.replace('.', '-')}`}
                label={p.text}
                checked={keys.includes(p.key)}
                onChange={(on) => setKeys(on ? [...keys, p.key] : keys.filter((k) => k !== p.key))}
              />
            ))}
            <Button type='submit' variant='primary' loading={sending}>
              保存会议记录
            </Button>
            <Button variant='plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </Form>
        ) : (
          <Button inline expanded={false} onClick={() => setOpen(true)}>
            记录支部大会
          </Button>
        )
      ) : null}
    </Html>
  );
}

const STAGES = [
  ['plan', '计划'],
  ['execution', '落实'],
  ['summary', '总结'],
] as const;

/** The key tasks the working group handed the branch: each with its plan, execution and summary. */
export function TasksSection({ assessment: a, reload, onFailed, canWrite }: SectionProps & { canWrite: boolean }) {
  const titleId = useUniqueId('tasks-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`重点工作任务（${a.tasks.length} 项）`}
      </Html>
      {!a.tasks.length ? (
        <Html tag='p' className='gz-text gz-muted'>
          社区还没有下达重点工作任务。
        </Html>
      ) : (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {a.tasks.map((t) => (
            <Html tag='li' className='gz-problem' key={t.id}>
              <Html tag='h3' className='gz-h3'>
                {t.title}
              </Html>
              {t.description ? (
                <Html tag='p' className='gz-text gz-muted'>
                  {t.description}
                </Html>
              ) : null}
              {t.dueDate ? (
                <Html tag='p' className='gz-meta'>
                  {`完成期限：${dayText(t.dueDate)}`}
                </Html>
              ) : null}
              {STAGES.map(([stage, label]) => (
                <TaskStage key={stage} task={t} stage={stage} label={label} assessment={a} reload={reload} onFailed={onFailed} canWrite={canWrite} />
              ))}
            </Html>
          ))}
        </Html>
      )}
    </Html>
  );
}

function TaskStage({
  task: t,
  stage,
  label,
  assessment: a,
  reload,
  onFailed,
  canWrite,
}: Pick<SectionProps, 'assessment' | 'reload' | 'onFailed'> & { task: ScoringAssessment['tasks'][number]; stage: 'plan' | 'execution' | 'summary'; label: string; canWrite: boolean }) {
  const written = t[stage];
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(written?.text ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const id = `task-${t.id}-${stage}`;

  const save = async () => {
    if (sending) return;
    const parsed = ReportKeyTaskBody.safeParse({ taskId: t.id, stage, text, version: t.version });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      await call(scoringApi.reportScoringKeyTask, { params: { id: a.id }, body: parsed.data });
      setOpen(false);
      reload(`已保存「${t.title}」的${label}。`);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='div' className='gz-task-stage'>
      <Html tag='p' className='gz-text'>
        <Html tag='strong'>{`${label}：`}</Html>
        {written ? written.text : '未填写'}
      </Html>
      {written ? <Evidence assessment={a} target={{ kind: 'task', taskId: t.id, stage }} label={`「${t.title}」的${label}`} canEdit={canWrite} reload={reload} /> : null}
      {canWrite ? (
        open ? (
          <Form onSubmit={() => void save()}>
            <TextField id={`${id}-text`} label={`「${t.title}」的${label}`} multiline value={text} onChange={setText} maxLength={1000} error={errors.text} />
            <Button type='submit' variant='primary' loading={sending}>
              {`保存${label}`}
            </Button>
            <Button variant='plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </Form>
        ) : (
          <Button inline expanded={false} onClick={() => setOpen(true)} accessibleName={`${written ? '修改' : '填写'}${label}：${t.title}`}>
            {written ? `修改${label}` : `填写${label}`}
          </Button>
        )
      ) : null}
    </Html>
  );
}
