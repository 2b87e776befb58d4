import { useState } from 'react';
import { ScheduleBody, WithdrawMotionBody, councilApi } from '@shared/api/council';
import { MAX_CHOICES, PASS_RULES, passRuleText, type OptionKind, type PassRule } from '@shared/council/outcome';
import { ApiError, errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { chinaDateTime, chinaToday, fromChinaDateTime } from '../format';
import { Button, Checkbox, ChoiceGroup, Form, Html, TextField, useConfirm, useUniqueId } from '../ui';
import { clientOf, type MotionSectionProps } from './motionProps';

const DAY = 86_400_000;
const KIND_OPTIONS = [
  { value: 'yes-no', label: '同意 / 反对 / 弃权' },
  { value: 'choice', label: '从几个选项中选一个' },
] as const;
const START_OPTIONS = [
  { value: 'now', label: '现在开始投票' },
  { value: 'later', label: '先讨论，到时间再投票' },
] as const;

/** The chair's form as it starts: the motion's rules if it was scheduled before, else the usual ones. */
const initialForm = (m: MotionSectionProps['motion']) => {
  const opens = m.schedule ? chinaDateTime(m.schedule.votingOpensAt) : { date: chinaToday(Date.now() + DAY), time: '09:00' };
  const closes = m.schedule ? chinaDateTime(m.schedule.votingClosesAt) : { date: chinaToday(Date.now() + 4 * DAY), time: '18:00' };
  const s = m.settings;
  return {
    start: (m.schedule ? 'later' : 'now') as 'now' | 'later',
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    kind: (s?.optionKind ?? 'yes-no') as OptionKind,
    labels: s?.optionKind === 'choice' ? s.options.filter((o) => o.id !== 'abstain').map((o) => o.label).join('\n') : '',
    quorum: String(s?.quorumPercent ?? 50),
    passRule: (s?.passRule ?? 'simple-majority') as PassRule,
    secret: s?.secret ?? false,
    hidden: s?.resultsHiddenUntilClose ?? true,
    change: s?.allowBallotChange ?? false,
  };
};

/**
 * The chair (or the committee) schedules the motion: when voting opens and closes, what members choose from, the
 * quorum, the pass rule (with how abstentions count), secrecy, hidden counts and changes of ballot. Until voting
 * opens it can be changed; the discussion runs until then.
 */
export function ScheduleSection({ motion, realm, onChanged, onFailed }: MotionSectionProps) {
  const [open, setOpen] = useState(!motion.schedule);
  const [f, setF] = useState(() => initialForm(motion));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('schedule-title');
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF((prev) => ({ ...prev, [key]: value }));
  if (!motion.can.schedule) return null;

  const save = async () => {
    if (sending) return;
    const opens = f.start === 'now' ? new Date().toISOString() : fromChinaDateTime(f.opensDate, f.opensTime);
    const closes = fromChinaDateTime(f.closesDate, f.closesTime);
    const local: FieldErrors = {};
    if (!opens) local.votingOpensAt = '请按 2026-12-01 和 09:00 的格式填写日期和时间';
    if (!closes) local.votingClosesAt = '请按 2026-12-01 和 18:00 的格式填写日期和时间';
    const labels = f.labels.split('\n').map((l) => l.trim()).filter(Boolean);
    const parsed = ScheduleBody.safeParse({
      votingOpensAt: opens,
      votingClosesAt: closes,
      options: f.kind === 'choice' ? { kind: 'choice', labels } : { kind: 'yes-no' },
      quorumPercent: f.quorum.trim() ? Number(f.quorum) : undefined,
      passRule: f.passRule,
      secret: f.secret,
      resultsHiddenUntilClose: f.hidden,
      allowBallotChange: f.change,
      version: motion.version,
    });
    if (!parsed.success || Object.keys(local).length) {
      return setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues)), ...local });
    }
    setErrors({});
    setSending(true);
    try {
      const updated = await clientOf(realm)(councilApi.scheduleMotion, { params: { id: motion.id }, body: parsed.data });
      setOpen(false);
      onChanged(updated, updated.phase === 'voting' ? '投票已开始，成员现在可以在小程序中投票。' : '已安排，投票开始前成员可以讨论。');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button expanded={false} onClick={() => setOpen(true)}>
        修改讨论和投票安排
      </Button>
    );

  const optionError = errors['options.labels'] ?? errors['options'] ?? Object.entries(errors).find(([k]) => k.startsWith('options.labels.'))?.[1];
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        安排讨论和投票
      </Html>
      <Form onSubmit={() => void save()} aria-labelledby={titleId}>
        <ChoiceGroup id='schedule-start' legend='什么时候开始投票' options={START_OPTIONS} value={f.start} onChange={set('start')} error={errors.discussionStartsAt} />
        {f.start === 'later' ? (
          <Html tag='div' className='gz-field-pair'>
            <TextField id='opens-date' label='投票开始日期' value={f.opensDate} onChange={set('opensDate')} placeholder='2026-12-01' maxLength={10} error={errors.votingOpensAt} />
            <TextField id='opens-time' label='开始时间' value={f.opensTime} onChange={set('opensTime')} placeholder='09:00' maxLength={5} />
          </Html>
        ) : null}
        <Html tag='div' className='gz-field-pair'>
          <TextField id='closes-date' label='投票截止日期' value={f.closesDate} onChange={set('closesDate')} placeholder='2026-12-04' maxLength={10} error={errors.votingClosesAt} />
          <TextField id='closes-time' label='截止时间' value={f.closesTime} onChange={set('closesTime')} placeholder='18:00' maxLength={5} />
        </Html>
        <ChoiceGroup id='schedule-kind' legend='表决方式' options={KIND_OPTIONS} value={f.kind} onChange={set('kind')} />
        {f.kind === 'choice' ? (
          <TextField
            id='schedule-labels'
            label='选项（每行一个）'
            multiline
            value={f.labels}
            onChange={set('labels')}
            hint={`2 到 ${MAX_CHOICES} 个选项；“弃权”会自动加上。`}
            error={optionError}
          />
        ) : null}
        <TextField id='schedule-quorum' label='法定人数（应投票成员的百分比）' value={f.quorum} onChange={set('quorum')} maxLength={3} hint='投票（含弃权）的人数达到这个比例，表决才有效。' error={errors.quorumPercent} />
        <ChoiceGroup
          id='schedule-rule'
          legend='通过规则'
          options={PASS_RULES.map((value) => ({ value, label: passRuleText(f.kind, value) }))}
          value={f.passRule}
          onChange={set('passRule')}
          error={errors.passRule}
        />
        <Checkbox id='schedule-secret' switch label='无记名投票（谁也看不到个人的选择）' checked={f.secret} onChange={set('secret')} />
        <Checkbox id='schedule-hidden' switch label='投票结束后才公布票数' checked={f.hidden} onChange={set('hidden')} />
        <Checkbox id='schedule-change' switch label='截止前允许成员改票' checked={f.change} onChange={set('change')} />
        <Button type='submit' variant='primary' loading={sending}>
          {f.start === 'now' ? '保存并开始投票' : '保存安排'}
        </Button>
        {motion.schedule ? (
          <Button variant='plain' onClick={() => setOpen(false)}>
            不修改了
          </Button>
        ) : null}
      </Form>
    </Html>
  );
}

/** Who proposed it, the chair or the committee withdraws it before voting opens — asked first, with a reason. */
export function WithdrawSection({ motion, realm, onChanged, onFailed }: MotionSectionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  if (!motion.can.withdraw) return null;

  const withdraw = async () => {
    if (sending) return;
    const parsed = WithdrawMotionBody.safeParse({ version: motion.version, reason: reason.trim() ? reason : undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    const ok = await confirm({
      title: `撤回「${motion.title}」吗？`,
      content: '撤回后不再讨论和投票，也不能恢复；需要时可以重新提出。',
      confirmText: '撤回',
      cancelText: '不撤回',
      destructive: true,
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await clientOf(realm)(councilApi.withdrawMotion, { params: { id: motion.id }, body: parsed.data }), '议题已撤回。');
      setOpen(false);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {open ? (
        <Form onSubmit={() => void withdraw()}>
          <TextField id='withdraw-reason' label='撤回理由' optional multiline value={reason} onChange={setReason} maxLength={300} error={errors.reason} />
          <Button type='submit' variant='danger' loading={sending}>
            撤回议题
          </Button>
          <Button variant='plain' onClick={() => setOpen(false)}>
            不撤回
          </Button>
        </Form>
      ) : (
        <Button variant='danger' expanded={false} onClick={() => setOpen(true)}>
          撤回议题
        </Button>
      )}
      {dialog}
    </>
  );
}

/** Once every member on the roll has voted, the chair need not wait for the closing time: asked first. */
export function CloseEarlySection({ motion, realm, onChanged, onFailed }: MotionSectionProps) {
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  if (!motion.can.closeEarly) return null;
  const close = async () => {
    const ok = await confirm({
      title: '现在结束投票吗？',
      content: '全体成员都已投票。结束后马上计票并公布结果，不能再投票或改票。',
      confirmText: '结束投票',
      cancelText: '再等等',
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await clientOf(realm)(councilApi.closeMotionEarly, { params: { id: motion.id } }), '投票已结束，结果已公布。');
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button variant='primary' loading={sending} onClick={() => void close()}>
        全员已投票，提前结束投票
      </Button>
      {dialog}
    </>
  );
}
