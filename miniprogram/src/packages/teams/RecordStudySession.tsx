import { useState } from 'react';
import { StudySessionBody, teamsApi } from '@shared/api/teams';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { Button, Form, Html, TextField, useUniqueId } from '../../components/ui';
import { chinaToday } from '../../components/format';
import { AttendeePicker } from './AttendeePicker';
import type { SectionProps } from './sections';

/**
 * The leader records a study of the rules held in person (规章制度学习): everyone who attended has accepted the
 * version in force — for members without a phone of their own, the usual way.
 */
export function RecordStudySession({ team, onChanged, onFailed }: SectionProps) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => chinaToday());
  const [attendees, setAttendees] = useState<string[]>(() => team.rules.pendingMemberIds);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const id = useUniqueId('study');
  const version = team.rules.currentVersion;
  if (version === null) return null;

  const record = async () => {
    if (sending) return;
    const parsed = StudySessionBody.safeParse({ date: date.trim(), rulesVersion: version, attendeeIds: attendees, note: note.trim() ? note : undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onChanged(
        await call(teamsApi.recordStudySession, { params: { id: team.id }, body: parsed.data }),
        `已记录规章学习，${parsed.data.attendeeIds.length} 人确认了第 ${version} 版规章。`,
      );
      setOpen(false);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button inline onClick={() => setOpen(true)}>
        记录一次规章学习
      </Button>
    );
  return (
    <Form onSubmit={() => void record()} aria-labelledby={`${id}-title`}>
      <Html tag='h3' className='gz-h3' id={`${id}-title`}>
        {`记录规章学习（第 ${version} 版）`}
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        选中的队员视为已当面学习并确认这一版规章。
      </Html>
      <TextField id={`${id}-date`} label='学习日期' value={date} onChange={setDate} placeholder='2026-11-27' maxLength={10} error={errors.date} />
      <AttendeePicker team={team} value={attendees} onChange={setAttendees} error={errors.attendeeIds} />
      <TextField id={`${id}-note`} label='备注' optional multiline value={note} onChange={setNote} maxLength={200} error={errors.note} />
      <Button type='submit' variant='primary' loading={sending}>
        保存
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}
