import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { TransitionBody } from '@shared/api/feedback';
import {
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STATUS_LABELS,
  NOTE_REQUIRED_FOR,
  allowedTransitions,
  checkTransition,
  type FeedbackStatus,
} from '@shared/feedback/status';
import { ApiError, api, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { FeedbackDetails } from '../../../components/FeedbackDetails';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { Button, Html, TextField, useConfirm } from '../../../components/ui';
import { useFeedback } from '../../../components/useFeedback';
import { useSession } from '../../../components/useSession';
import { backOrRedirect } from '../../../components/nav';

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

export default function AdminFeedbackDetailPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { feedback, setFeedback, error: loadError, loading, load } = useFeedback(id, staffCall, Boolean(session));
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState<FeedbackStatus | null>(null);
  const [dialog, confirm] = useConfirm();

  if (!session) return <LoadingState text='正在前往登录…' />;

  const act = async (to: FeedbackStatus) => {
    if (!feedback || sending) return;
    setActionError(undefined);
    setDone(undefined);
    const check = checkTransition(feedback.status, to, note);
    if (!check.ok) {
      if (check.reason === 'note_required') setNoteError(`请先填写给居民的回复，再点「${FEEDBACK_ACTION_LABELS[to]}」`);
      else setActionError(`「${FEEDBACK_STATUS_LABELS[feedback.status]}」的反馈不能${FEEDBACK_ACTION_LABELS[to]}`);
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
      const updated = await staffCall(api.feedback.transitionFeedback, { params: { id: feedback.id }, body: parsed.data });
      setFeedback(updated);
      setNote('');
      setDone(`已更新：当前状态为「${FEEDBACK_STATUS_LABELS[updated.status]}」`);
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

  return (
    <View className='gz-page'>
      {loadError ? <ErrorState message={loadError} onRetry={id ? () => void load() : undefined} /> : null}
      {loading && !feedback ? <LoadingState /> : null}
      {feedback ? <FeedbackDetails feedback={feedback} showReporter /> : null}

      {feedback ? (
        <Html tag='section' className='gz-card' aria-labelledby='actions-title'>
          <Html tag='h2' className='gz-h2' id='actions-title'>
            处理
          </Html>
          {done ? <Notice kind='ok'>{done}</Notice> : null}
          {actionError ? <Notice kind='error'>{actionError}</Notice> : null}
          {moves.length ? (
            <>
              <TextField
                id='reply'
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
              这条反馈已「{FEEDBACK_STATUS_LABELS[feedback.status]}」，无需再处理。
            </Html>
          )}
        </Html>
      ) : null}

      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/queue/index')}>
        返回反馈列表
      </Button>
      {dialog}
    </View>
  );
}
