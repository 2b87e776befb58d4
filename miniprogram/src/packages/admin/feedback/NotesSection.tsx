import { useState } from 'react';
import { NoteBody, type Feedback, feedbackApi } from '@shared/api/feedback';
import { ApiError, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { InternalNotes } from '../../../components/InternalNotes';
import { Notice } from '../../../components/States';
import { Button, Form, TextField, useUniqueId } from '../../../components/ui';

const NOTE_MAX = NoteBody.shape.text.maxLength ?? undefined;

/** The notes among staff (and the assigned steward), and a line to add one. The resident never sees them. */
export function NotesSection({ feedback, headingTag, onChanged }: { feedback: Feedback; headingTag: 'h2' | 'h3'; onChanged: (f: Feedback) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const fieldId = useUniqueId('note');

  const submit = async () => {
    if (sending) return;
    setFormError(undefined);
    const parsed = NoteBody.safeParse({ text });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error.issues).text);
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      const updated = await staffCall(feedbackApi.addInternalNote, { params: { id: feedback.id }, body: parsed.data });
      setText('');
      onChanged(updated);
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.text) setError(err.fieldErrors.text);
      else setFormError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <InternalNotes notes={feedback.notes} headingTag={headingTag}>
      {formError ? <Notice kind='error'>{formError}</Notice> : null}
      <Form onSubmit={() => void submit()}>
        <TextField
          id={fieldId}
          label='添加内部备注'
          value={text}
          onChange={(v) => {
            setText(v);
            setError(undefined);
          }}
          placeholder='例如：住户白天不在家，晚上七点后上门'
          hint='只有社区工作人员和负责的红色小管家能看到。'
          maxLength={NOTE_MAX}
          error={error}
          disabled={sending}
        />
        <Button type='submit' loading={sending}>
          {sending ? '正在保存…' : '保存备注'}
        </Button>
      </Form>
    </InternalNotes>
  );
}
