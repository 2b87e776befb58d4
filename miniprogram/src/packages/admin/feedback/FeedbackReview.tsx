import { useState, type ReactNode } from 'react';
import { readDraft, useKeepDraft } from '../../../components/draft';
import type { Feedback } from '@shared/api/feedback';
import { TransitionBody, feedbackApi } from '@shared/api/feedback';
import {
  FEEDBACK_ACTION_LABELS,
  NOTE_REQUIRED_FOR,
  allowedTransitions,
  checkTransition,
  type FeedbackStatus,
} from '@shared/feedback/status';
import { ApiError, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { FeedbackDetails, FeedbackDetailsSkeleton } from '../../../components/FeedbackDetails';
import { ReplyTemplates } from '../../../components/ReplyTemplates';
import { ErrorState, Notice } from '../../../components/States';
import { statusText } from '../../../components/statusText';
import { Button, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';
import { useFeedback } from '../../../components/useFeedback';
import { AssignSection } from './AssignSection';
import { CouncilMotionSection } from './CouncilMotionSection';
import { NotesSection } from './NotesSection';

/** Moves that end the feedback's life: asked twice. */
const DESTRUCTIVE: readonly FeedbackStatus[] = ['rejected', 'closed'];

const CONFIRM_TEXT: Partial<Record<FeedbackStatus, { title: string; content: string }>> = {
  rejected: {
    title: '确定不予受理吗？',
    content: '居民会看到您填写的理由，这条反馈之后不能再处理。',
  },
  closed: {
    title: '确定办结吗？',
    content: '办结后这条反馈就此结束，不能再改变状态。',
  },
};

const NOTE_HINT = `「${NOTE_REQUIRED_FOR.map((s) => FEEDBACK_ACTION_LABELS[s]).join('」和「')}」必须填写回复，居民会看到这段话。`;

/**
 * One piece of feedback as the committee works it: the details, the reply and the moves the status machine
 * allows. On its own page (detail/index) or beside the queue on a desktop (`headingLevel` 2 there).
 * `footer` appears once the feedback (or its error) is there, so nothing moves while it loads; `onChanged` is
 * told after each move (the queue reloads).
 */
export function FeedbackReview({
  id,
  headingLevel = 1,
  footer,
  onChanged,
}: {
  id: string;
  headingLevel?: 1 | 2;
  footer?: ReactNode;
  onChanged?: (feedback: Feedback) => void;
}) {
  const { feedback, setFeedback, error: loadError, load } = useFeedback(id, staffCall, true);
  // a reply being written survives the page switching layout (a window resized across 1024 px), a reload and a
  // sign-in; it is forgotten once sent
  const replyKey = `gongzhi.admin.reply.${id}`;
  const [note, setNote] = useState(() => readDraft<string>(replyKey) ?? '');
  useKeepDraft(replyKey, note, note.trim() !== '');
  const [noteError, setNoteError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState<FeedbackStatus | null>(null);
  const [dialog, confirm] = useConfirm();
  const actionsTitleId = useUniqueId('actions-title');
  const replyId = useUniqueId('reply');

  const act = async (to: FeedbackStatus) => {
    if (!feedback || sending) return;
    setActionError(undefined);
    setDone(undefined);
    const check = checkTransition(feedback.status, to, note);
    if (!check.ok) {
      if (check.reason === 'note_required') setNoteError(`请先填写给居民的回复，再点「${FEEDBACK_ACTION_LABELS[to]}」`);
      else setActionError(statusText.cannotMove(feedback.status, to));
      return;
    }
    const body = { to, note: note.trim() || undefined, version: feedback.version };
    const parsed = TransitionBody.safeParse(body);
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error.issues);
      if (errs.note) setNoteError(errs.note);
      else setActionError(Object.values(errs)[0]);
      return;
    }
    setNoteError(undefined);
    const question = CONFIRM_TEXT[to];
    if (DESTRUCTIVE.includes(to) && question) {
      const ok = await confirm({ ...question, confirmText: FEEDBACK_ACTION_LABELS[to], destructive: true });
      if (!ok) return;
    }
    setSending(to);
    try {
      const updated = await staffCall(feedbackApi.transitionFeedback, { params: { id: feedback.id }, body: parsed.data });
      setFeedback(updated);
      setNote('');
      setDone(statusText.updated(updated.status));
      onChanged?.(updated);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.kind.endsWith('stale-version')) {
        setActionError('这条反馈刚被其他人修改过，已为您刷新，请查看最新内容后再操作。');
        await load();
      } else if (err instanceof ApiError && err.fieldErrors.note) {
        setNoteError(err.fieldErrors.note);
      } else {
        setActionError(errorMessage(err));
      }
    } finally {
      setSending(null);
    }
  };

  const moves = feedback ? allowedTransitions(feedback.status) : [];
  const sub = headingLevel === 1 ? 'h2' : 'h3';
  /** An assignment or a note: the feedback as the server now has it (the queue shows assignees too). */
  const changed = (updated: Feedback) => {
    setFeedback(updated);
    onChanged?.(updated);
  };

  const actions = feedback ? (
    <>
      <Html tag='section' className='gz-card' aria-labelledby={actionsTitleId}>
        <Html tag={sub} className='gz-h2' id={actionsTitleId}>
          处理
        </Html>
        {done ? <Notice kind='ok'>{done}</Notice> : null}
        {actionError ? <Notice kind='error'>{actionError}</Notice> : null}
        {moves.length ? (
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
              placeholder='例如：已联系物业，今天下午更换楼道灯。'
              hint={NOTE_HINT}
              maxLength={TransitionBody.shape.note.unwrap().maxLength ?? undefined}
              error={noteError}
              disabled={sending !== null}
            />
            <ReplyTemplates
              moves={moves}
              current={note}
              onPick={(text) => {
                setNote(text);
                setNoteError(undefined);
              }}
              disabled={sending !== null}
            />
            {moves.map((to) => (
              <Button
                key={to}
                variant={DESTRUCTIVE.includes(to) ? 'danger' : to === moves[0] ? 'primary' : 'default'}
                loading={sending === to}
                disabled={sending !== null}
                onClick={() => void act(to)}
              >
                {sending === to ? '正在提交…' : FEEDBACK_ACTION_LABELS[to]}
              </Button>
            ))}
          </>
        ) : (
          <Html tag='p' className='gz-text gz-muted'>
            {statusText.final(feedback.status)}
          </Html>
        )}
      </Html>
      <AssignSection key={`assign-${feedback.id}`} feedback={feedback} headingTag={sub} onChanged={changed} />
      <NotesSection feedback={feedback} headingTag={sub} onChanged={changed} />
      <CouncilMotionSection key={`council-${feedback.id}`} feedback={feedback} headingTag={sub} />
    </>
  ) : null;

  return (
    <>
      {loadError ? <ErrorState message={loadError} onRetry={id ? () => void load() : undefined} /> : null}
      {!feedback && !loadError ? <FeedbackDetailsSkeleton /> : null}
      {feedback ? <FeedbackDetails feedback={feedback} viewer='committee' headingLevel={headingLevel} actions={actions} /> : null}

      {feedback || loadError ? footer : null}
      {dialog}
    </>
  );
}
