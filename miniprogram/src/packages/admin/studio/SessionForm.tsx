import { useRef, useState } from 'react';
import { MentoringSessionBody, scoringApi, type MentoringSession } from '@shared/api/scoring';
import { SESSION_KINDS, type SessionKind } from '@shared/scoring/studio';
import type { z } from 'zod';
import { ApiError, RetryKey, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { chinaToday } from '../../../components/format';
import { Notice } from '../../../components/States';
import { Button, ChoiceGroup, Form, Html, MultiChoiceGroup, TextField, useUniqueId } from '../../../components/ui';
import { kindText, namesOf } from './studioText';

type Session = z.infer<typeof MentoringSession>;

const fields = MentoringSessionBody.shape;
const TOPIC_MAX = fields.topic.maxLength ?? undefined;
const NOTE_MAX = fields.note.unwrap().maxLength ?? undefined;
const KIND_OPTIONS = SESSION_KINDS.map((k) => ({ value: k, label: kindText(k) }));

/** The first message about a list field or any of its items (`mentorIds`, `mentorIds.2`). */
const listError = (errors: FieldErrors, field: string): string | undefined =>
  errors[field] || Object.entries(errors).find(([k, v]) => k.startsWith(`${field}.`) && v)?.[1];

/**
 * A mentoring session for young cadres, recorded once it has happened: a themed Party lesson (主题党课) or a
 * symposium (座谈会), its topic and date, the studio members who led it, how many attended (and, if wanted,
 * who). A retry after a lost answer records it once.
 */
export function SessionForm({ mentors, onRecorded, onCancel }: { mentors: { id: string; name: string }[]; onRecorded: (s: Session) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<SessionKind | ''>('');
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState(() => chinaToday());
  const [mentorIds, setMentorIds] = useState<string[]>([]);
  const [count, setCount] = useState('');
  const [attendees, setAttendees] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const retryKey = useRef(new RetryKey());
  const titleId = useUniqueId('session-form-title');

  const record = async () => {
    if (sending) return;
    setError(undefined);
    const names = namesOf(attendees);
    const parsed = MentoringSessionBody.safeParse({
      kind: kind || undefined,
      topic,
      date: date.trim(),
      mentorIds,
      attendeeCount: count.trim() ? Number(count.trim()) : undefined,
      attendees: names.length ? names : undefined,
      note: note.trim() || undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return setError('还有内容没有填好，请按红字提示修改');
    }
    setErrors({});
    setSending(true);
    try {
      const s = await staffCall(scoringApi.recordMentoringSession, { body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      onRecorded(s);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void record()} aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        记录一次带教活动
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <ChoiceGroup id='session-kind' legend='活动类型' options={KIND_OPTIONS} value={kind} onChange={setKind} error={errors.kind} />
      <TextField id='session-topic' label='主题' placeholder='例如：传承红色基因，做好新时代社区工作' value={topic} onChange={setTopic} maxLength={TOPIC_MAX} error={errors.topic} />
      <TextField id='session-date' label='日期' hint='例如：2026-11-20（已经举办的活动）' value={date} onChange={setDate} maxLength={10} error={errors.date} />
      <MultiChoiceGroup
        id='session-mentors'
        legend='主讲的老书记'
        hint={mentors.length ? undefined : '工作室还没有成员：请先在名单中邀请老书记加入'}
        options={mentors.map((m) => ({ value: m.id, label: m.name }))}
        value={mentorIds}
        onChange={setMentorIds}
        error={listError(errors, 'mentorIds')}
      />
      <TextField id='session-count' label='参加人数' hint='参加的年轻干部人数' value={count} onChange={setCount} maxLength={3} error={errors.attendeeCount} />
      <TextField
        id='session-attendees'
        label='参加人姓名'
        optional
        multiline
        hint='用顿号或空格隔开，例如：李明、王芳'
        value={attendees}
        onChange={setAttendees}
        maxLength={1300}
        error={listError(errors, 'attendees')}
      />
      <TextField id='session-note' label='备注' optional multiline value={note} onChange={setNote} maxLength={NOTE_MAX} error={errors.note} />
      <Button type='submit' variant='primary' loading={sending}>
        记录活动
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}
