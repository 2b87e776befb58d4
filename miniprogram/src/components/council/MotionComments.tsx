import { useCallback, useState } from 'react';
import { CommentBody, councilApi } from '@shared/api/council';
import { errorMessage, zodFieldErrors, type FieldErrors } from '../../api';
import { ListFooter } from '../ListFooter';
import { ErrorState, LoadingState } from '../States';
import { discardDraft, readDraft, useKeepDraft } from '../draft';
import { formatTime } from '../format';
import { Button, Form, Html, TextField, useUniqueId } from '../ui';
import { usePagedList } from '../usePagedList';
import { clientOf, type MotionSectionProps } from './motionProps';

const AUTHOR_ROLE: Record<'member' | 'chair' | 'committee', string> = { member: '', chair: '召集人', committee: '社区两委' };

/**
 * The discussion (members, the chair and the committee): what was said, oldest first, and — while the discussion
 * period runs — a box to speak in, kept on the device until sent.
 */
export function MotionComments({ motion, realm, onChanged, onFailed }: MotionSectionProps) {
  const draftKey = `gongzhi.council.comment.${motion.id}`;
  const [text, setText] = useState(() => readDraft<string>(draftKey) ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('comments-title');
  const fetchPage = useCallback(
    (cursor: string | undefined) => clientOf(realm)(councilApi.listMotionComments, { params: { id: motion.id }, query: { limit: 50, cursor } }),
    [motion.id, realm],
  );
  const list = usePagedList(fetchPage, motion.viewer !== 'resident');
  useKeepDraft(draftKey, text, text.trim().length > 0);

  if (motion.viewer === 'resident') return null;

  const send = async () => {
    if (sending) return;
    const parsed = CommentBody.safeParse({ text });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const client = clientOf(realm);
      await client(councilApi.commentOnMotion, { params: { id: motion.id }, body: parsed.data });
      discardDraft(draftKey);
      setText('');
      await list.reload();
      onChanged(await client(councilApi.getMotion, { params: { id: motion.id } }), '您的发言已发出。');
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`讨论（${motion.commentCount} 条发言）`}
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? (
        <Html tag='p' className='gz-text gz-muted'>
          还没有人发言。
        </Html>
      ) : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((c) => (
            <Html tag='li' className='gz-member' key={c.id}>
              <Html tag='p' className='gz-meta'>
                {[c.authorName, c.party, AUTHOR_ROLE[c.authorRole]].filter(Boolean).join(' · ')} · {formatTime(c.at)}
              </Html>
              <Html tag='p' className='gz-text gz-pre'>
                {c.text}
              </Html>
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
      {motion.can.comment ? (
        <Form onSubmit={() => void send()}>
          <TextField id='comment-text' label='我要发言' multiline value={text} onChange={setText} maxLength={500} error={errors.text} placeholder='说说您的看法和理由' />
          <Button type='submit' loading={sending}>
            发言
          </Button>
        </Form>
      ) : motion.phase === 'proposed' || motion.phase === 'scheduled' ? (
        <Html tag='p' className='gz-text gz-muted'>
          召集人安排的讨论开始后，成员可以在这里发言。
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          投票开始后讨论结束，不再接受发言。
        </Html>
      )}
    </Html>
  );
}
