import { useState } from 'react';
import { SendBackSelfBody, scoringApi, type ScoringAssessment } from '@shared/api/scoring';
import { ApiError, call, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../api';
import { formatTime } from '../format';
import { Button, Form, Html, TextField, useConfirm, useUniqueId } from '../ui';

/**
 * Sending a submitted self-assessment back to the branch's secretary (退回), with the reason they will read: the
 * committee on the admin branch page, the working group's lead on the assessment page. Asked first. Shown only
 * where the server says it can succeed (`can.sendBack`: submitted, self-assessment still open).
 */
export function SendBackSection({
  assessment: a,
  onChanged,
  onFailed,
  realm = 'resident',
}: {
  assessment: ScoringAssessment;
  onChanged: (a: ScoringAssessment, message: string) => void;
  onFailed: (message: string) => void;
  /** Whose session sends it: the mini-program's or the admin workspace's. */
  realm?: 'resident' | 'staff';
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('send-back-title');

  const sendBack = async () => {
    if (sending) return;
    const parsed = SendBackSelfBody.safeParse({ reason, version: a.version });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    const ok = await confirm({
      title: `退回${a.branch.name}的自评吗？`,
      content: `自评会回到“自评中”，${a.secretaryName ?? '支部书记'}看到退回原因后修改，再重新提交。已提交的得分和推荐星级将作废。`,
      confirmText: '退回',
      cancelText: '不退回',
      destructive: true,
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await (realm === 'staff' ? staffCall : call)(scoringApi.sendBackScoringSelfAssessment, { params: { id: a.id }, body: parsed.data }), '自评已退回，支部书记修改后会重新提交。');
      setOpen(false);
      setReason('');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        退回自评
      </Html>
      <Html tag='p' className='gz-text'>
        自评有错漏或缺少佐证的，可以在自评阶段退回支部书记修改后重新提交。
      </Html>
      {open ? (
        <Form onSubmit={() => void sendBack()} aria-labelledby={titleId}>
          <TextField id={`${a.id}-send-back-reason`} label='退回原因' multiline value={reason} onChange={setReason} maxLength={300} error={errors.reason} hint='支部书记会看到这段话。' />
          <Html tag='div' className='gz-button-row'>
            <Button type='submit' inline variant='danger' loading={sending}>
              退回给支部书记
            </Button>
            <Button inline variant='plain' onClick={() => setOpen(false)}>
              取消
            </Button>
          </Html>
        </Form>
      ) : (
        <Button inline expanded={false} onClick={() => setOpen(true)}>
          退回自评…
        </Button>
      )}
      {dialog}
    </Html>
  );
}

/** Why the self-assessment came back, for the secretary (and the committee) while it is a draft again. */
export function SentBackNotice({ assessment: a, forSecretary = false }: { assessment: ScoringAssessment; forSecretary?: boolean }) {
  if (a.status !== 'draft' || !a.sentBack) return null;
  return (
    <Html tag='p' className='gz-alert' role='note'>
      {`自评已被退回（${a.sentBack.byName}，${formatTime(a.sentBack.at)}）。退回原因：${a.sentBack.reason}${forSecretary ? '。请修改后重新提交。' : '。等待支部书记修改后重新提交。'}`}
    </Html>
  );
}
