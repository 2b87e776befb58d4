import { useState } from 'react';
import { readDraft, useKeepDraft } from '../../components/draft';
import { ProgressBody, type Feedback, feedbackApi } from '@shared/api/feedback';
import { FEEDBACK_ACTION_LABELS, allowedTransitions, checkTransition } from '@shared/feedback/status';
import { ApiError, call, errorMessage, zodFieldErrors } from '../../api';
import { ReplyTemplates } from '../../components/ReplyTemplates';
import { Notice } from '../../components/States';
import { statusText } from '../../components/statusText';
import { Button, Form, Html, TextField, useUniqueId } from '../../components/ui';

type Move = 'in_progress' | 'resolved';
const REPLY_MAX = ProgressBody.shape.note.unwrap().maxLength ?? undefined;

/**
 * What the assigned steward does with it: start work (开始处理) and resolve it (标记已解决) with the reply the
 * resident reads. Only the moves the status machine opens to the assignee are offered.
 */
export function StewardWork({ feedback, onChanged, reload }: { feedback: Feedback; onChanged: (f: Feedback) => void; reload: () => Promise<void> }) {
  // kept while it is written (a reload or a sign-in loses nothing), forgotten once sent
  const replyKey = `gongzhi.steward.reply.${feedback.id}`;
  const [note, setNote] = useState(() => readDraft<string>(replyKey) ?? '');
  useKeepDraft(replyKey, note, note.trim() !== '');
  const [noteError, setNoteError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState<Move | null>(null);
  const titleId = useUniqueId('work-title');
  const replyId = useUniqueId('work-reply');
  const moves = allowedTransitions(feedback.status, 'assignee') as readonly Move[];

  const act = async (to: Move) => {
    if (sending) return;
    setActionError(undefined);
    setDone(undefined);
    const check = checkTransition(feedback.status, to, note, 'assignee');
    if (!check.ok) {
      if (check.reason === 'note_required') setNoteError(`请先写好给居民的回复，再点「${FEEDBACK_ACTION_LABELS[to]}」`);
      else setActionError(statusText.cannotMove(feedback.status, to));
      return;
    }
    const parsed = ProgressBody.safeParse({ to, note: note || undefined, version: feedback.version });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error.issues);
      if (errs.note) setNoteError(errs.note);
      else setActionError(Object.values(errs)[0]);
      return;
    }
    setNoteError(undefined);
    setSending(to);
    try {
      const updated = await call(feedbackApi.progressAssignedFeedback, { params: { id: feedback.id }, body: parsed.data });
      setNote('');
      setDone(statusText.updated(updated.status));
      onChanged(updated);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setActionError('这条反馈刚被社区修改过，已为您刷新，请看过最新内容后再操作。');
        await reload();
      } else if (err instanceof ApiError && err.fieldErrors.note) {
        setNoteError(err.fieldErrors.note);
      } else {
        setActionError(errorMessage(err));
      }
    } finally {
      setSending(null);
    }
  };

  // Enter in the reply resolves when that is on offer, else starts work.
  const defaultMove: Move | undefined = moves.includes('resolved') ? 'resolved' : moves[0];

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        处理
      </Html>
      {done ? <Notice kind='ok'>{done}</Notice> : null}
      {actionError ? <Notice kind='error'>{actionError}</Notice> : null}
      {moves.length ? (
        <Form onSubmit={() => (defaultMove ? void act(defaultMove) : undefined)}>
          {moves.includes('resolved') ? (
            <>
              <TextField
                id={replyId}
                label='给居民的回复'
                multiline
                value={note}
                onChange={(v) => {
                  setNote(v);
                  setNoteError(undefined);
                }}
                placeholder='例如：已联系物业，今天下午更换了楼道灯。'
                hint='点「标记已解决」时必须填写，居民会看到这段话。'
                maxLength={REPLY_MAX}
                error={noteError}
                disabled={sending !== null}
              />
              <ReplyTemplates
                moves={['resolved']}
                current={note}
                onPick={(text) => {
                  setNote(text);
                  setNoteError(undefined);
                }}
                disabled={sending !== null}
              />
            </>
          ) : null}
          {moves.map((to) => (
            <Button
              key={to}
              type={to === defaultMove ? 'submit' : 'button'}
              variant={to === moves[0] ? 'primary' : 'default'}
              loading={sending === to}
              disabled={sending !== null}
              onClick={to === defaultMove ? undefined : () => void act(to)}
            >
              {sending === to ? '正在提交…' : FEEDBACK_ACTION_LABELS[to]}
            </Button>
          ))}
        </Form>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          {feedback.status === 'submitted' ? '社区受理这条反馈以后，您就可以开始处理。' : statusText.nothingForSteward(feedback.status)}
        </Html>
      )}
    </Html>
  );
}
