import { useState } from 'react';
import { WithdrawBody, type Feedback, feedbackApi } from '@shared/api/feedback';
import { ApiError, call, errorMessage, zodFieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { Button, Form, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';

const REASON_MAX = WithdrawBody.shape.reason.unwrap().maxLength ?? undefined;

/**
 * While the committee has not accepted it yet, its reporter may withdraw a report (a problem that went away, a
 * report sent twice): an optional reason, and a question first, since it cannot be undone.
 */
export function WithdrawSection({
  feedback,
  onChanged,
  reload,
}: {
  feedback: Feedback;
  /** The withdrawn feedback, and the sentence to tell the person. */
  onChanged: (updated: Feedback, message: string) => void;
  /** Someone else changed it first: load it again. */
  reload: (message: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('withdraw-title');
  const reasonId = useUniqueId('withdraw-reason');

  const submit = async () => {
    if (sending) return;
    setFormError(undefined);
    const parsed = WithdrawBody.safeParse({ reason: reason || undefined, version: feedback.version });
    if (!parsed.success) {
      const errors = zodFieldErrors(parsed.error.issues);
      setReasonError(errors.reason);
      if (!errors.reason) setFormError(Object.values(errors)[0]);
      return;
    }
    setReasonError(undefined);
    const ok = await confirm({
      title: '确定撤回这条反馈吗？',
      content: '撤回后，社区不会再处理这条反馈，撤回也不能取消。如果问题还在，可以重新反映。',
      confirmText: '撤回',
      cancelText: '不撤回',
      destructive: true,
    });
    if (!ok) return;
    setSending(true);
    try {
      const updated = await call(feedbackApi.withdrawFeedback, { params: { id: feedback.id }, body: parsed.data });
      onChanged(updated, '已撤回。社区不会再处理这条反馈。');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await reload(
          err.kind === 'transition-not-allowed'
            ? '社区已经受理了这条反馈，不能再撤回了。已为您显示最新进展。'
            : '这条反馈刚有了新进展，已为您显示最新内容，请看过后再决定。',
        );
      } else if (err instanceof ApiError && err.fieldErrors.reason) {
        setReasonError(err.fieldErrors.reason);
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        不需要社区处理了？
      </Html>
      <Html tag='p' className='gz-text'>
        社区受理之前，您可以撤回这条反馈。
      </Html>
      {formError ? <Notice kind='error'>{formError}</Notice> : null}
      <Form onSubmit={() => void submit()}>
        <TextField
          id={reasonId}
          label='撤回原因'
          optional
          value={reason}
          onChange={(v) => {
            setReason(v);
            setReasonError(undefined);
          }}
          placeholder='例如：问题已经解决了'
          maxLength={REASON_MAX}
          error={reasonError}
          disabled={sending}
        />
        <Button type='submit' variant='danger' loading={sending}>
          {sending ? '正在撤回…' : '撤回这条反馈'}
        </Button>
      </Form>
      {dialog}
    </Html>
  );
}
