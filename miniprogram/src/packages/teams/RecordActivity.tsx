import { useState } from 'react';
import { ActivityBody, teamsApi } from '@shared/api/teams';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '@shared/teams/activities';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { Button, ChoiceGroup, Form, Html, TextField, useUniqueId } from '../../components/ui';
import { chinaToday } from '../../components/format';
import { AttendeePicker } from './AttendeePicker';
import type { SectionProps } from './sections';

const KIND_OPTIONS = ACTIVITY_KINDS.map((value) => ({ value, label: ACTIVITY_KIND_LABELS[value] }));

/** The leader records a performance or a volunteer service: what, when, how long, who came. */
export function RecordActivity({ team, onChanged, onFailed }: SectionProps) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => chinaToday());
  const [hours, setHours] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const id = useUniqueId('activity');

  const record = async () => {
    if (sending) return;
    const parsed = ActivityBody.safeParse({
      kind: kind || undefined,
      title,
      date: date.trim(),
      hours: hours.trim() ? Number(hours) : undefined,
      attendeeIds: attendees,
      note: note.trim() ? note : undefined,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(await call(teamsApi.recordTeamActivity, { params: { id: team.id }, body: parsed.data }), `已记录「${parsed.data.title}」。`);
      setOpen(false);
      setKind('');
      setTitle('');
      setHours('');
      setAttendees([]);
      setNote('');
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button inline expanded={false} onClick={() => setOpen(true)}>
        记录演出或志愿服务
      </Button>
    );
  return (
    <Form onSubmit={() => void record()} aria-labelledby={`${id}-title`}>
      <Html tag='h3' className='gz-h3' id={`${id}-title`}>
        记录演出或志愿服务
      </Html>
      <ChoiceGroup id={`${id}-kind`} legend='活动类型' options={KIND_OPTIONS} value={kind} onChange={setKind} error={errors.kind} />
      <TextField id={`${id}-title-field`} label='活动名称' value={title} onChange={setTitle} placeholder='例如：重阳节文艺汇演、清扫小广场' maxLength={40} error={errors.title} />
      <TextField id={`${id}-date`} label='日期' value={date} onChange={setDate} placeholder='2026-11-27' maxLength={10} error={errors.date} />
      <TextField id={`${id}-hours`} label='时长（小时）' value={hours} onChange={setHours} placeholder='例如：2 或 1.5' maxLength={4} error={errors.hours} />
      <AttendeePicker team={team} value={attendees} onChange={setAttendees} error={errors.attendeeIds} />
      <TextField id={`${id}-note`} label='备注' optional multiline value={note} onChange={setNote} maxLength={300} error={errors.note} />
      <Button type='submit' variant='primary' loading={sending}>
        保存记录
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}
