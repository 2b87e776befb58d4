import { useState } from 'react';
import { MoveStudioMemberBody, scoringApi, type StudioMember } from '@shared/api/scoring';
import { allowedStudioMoves } from '@shared/scoring/studio';
import type { z } from 'zod';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { formatTime } from '../../../components/format';
import { Notice } from '../../../components/States';
import { Button, Facts, Form, Html, TextField, useUniqueId, type ConfirmOptions } from '../../../components/ui';
import { MemberForm } from './MemberForm';
import { useAccounts } from './useAccounts';
import { countsText, moveQuestion, statusText, studioMove, type StudioMove } from './studioText';

type Member = z.infer<typeof StudioMember>;

const NOTE_MAX = MoveStudioMemberBody.shape.note.unwrap().maxLength ?? undefined;

/** A move with its optional note (婉拒的原因, 加入时的约定), then — for one that takes someone off — a question. */
function MoveForm({
  member,
  move,
  confirm,
  onDone,
  onStale,
  onCancel,
}: {
  member: Member;
  move: StudioMove;
  confirm: (o: ConfirmOptions) => Promise<boolean>;
  onDone: (m: Member, text: string) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('move-title');
  const noteId = useUniqueId('move-note');

  const send = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = MoveStudioMemberBody.safeParse({ to: move.to, note: note.trim() || undefined, version: member.version });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    const question = moveQuestion(move, member.name);
    if (question && !(await confirm({ ...question, confirmText: move.short, cancelText: '取消', destructive: true }))) return;
    setSending(true);
    try {
      const moved = await staffCall(scoringApi.moveStudioMember, { params: { id: member.id }, body: parsed.data });
      onDone(moved, move.done(member.name));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return onStale();
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void send()} aria-labelledby={titleId}>
      <Html tag='h4' className='gz-h3' id={titleId}>
        {`${move.act}：${member.name}`}
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField
        id={noteId}
        label='备注'
        optional
        multiline
        placeholder={move.to === 'declined' ? '例如：需照顾老伴，暂不参加' : '例如：愿意每月来工作室两次'}
        value={note}
        onChange={setNote}
        maxLength={NOTE_MAX}
        error={errors.note}
      />
      <Button type='submit' variant={move.destructive ? 'danger' : 'primary'} loading={sending}>
        {move.act}
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}

/**
 * One old secretary as the committee sees them: status, former post, health and strengths (what an invitation
 * is decided by), the sessions they led, their last move; the moves their status allows, and 修改.
 */
export function MemberCard({
  member,
  confirm,
  onChanged,
  onStale,
}: {
  member: Member;
  confirm: (o: ConfirmOptions) => Promise<boolean>;
  onChanged: (m: Member, text: string) => void;
  onStale: () => void;
}) {
  const [open, setOpen] = useState<'edit' | StudioMove | null>(null);
  const titleId = useUniqueId('member-title');
  const last = member.history.at(-1);
  const accounts = useAccounts();
  const linked = member.userId ? accounts?.find((a) => a.id === member.userId) : undefined;
  // a colleague changed them meanwhile: the form closes, and the page shows them as they are now
  const stale = () => {
    setOpen(null);
    onStale();
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {`${member.name}（${statusText(member.status)}）`}
      </Html>
      <Facts
        rows={[
          member.formerPost ? ['曾任职务', member.formerPost] : undefined,
          ['健康状况', member.health ?? '未填写'],
          ['账号', member.userId ? `已关联${linked ? `：${linked.name}` : ''}` : '未关联'],
          ['工作特点和专长', member.strengths],
          ['带教活动', countsText(member.counts)],
          last ? ['最近变动', `${formatTime(last.at)} ${statusText(last.to)}（${last.byName}）${last.note ? `：${last.note}` : ''}`] : undefined,
        ]}
      />
      {open === 'edit' ? (
        <MemberForm
          member={member}
          onSaved={(m) => {
            setOpen(null);
            onChanged(m, `已保存 ${m.name} 的信息。`);
          }}
          onStale={stale}
          onCancel={() => setOpen(null)}
        />
      ) : open ? (
        <MoveForm
          member={member}
          move={open}
          confirm={confirm}
          onDone={(m, text) => {
            setOpen(null);
            onChanged(m, text);
          }}
          onStale={stale}
          onCancel={() => setOpen(null)}
        />
      ) : (
        <Html tag='div' className='gz-button-row'>
          {allowedStudioMoves(member.status).map((to) => {
            const move = studioMove(to);
            return (
              <Button key={to} inline variant={move.destructive ? 'danger' : 'default'} accessibleName={`${move.act}，${member.name}`} onClick={() => setOpen(move)}>
                {move.act}
              </Button>
            );
          })}
          <Button inline variant='plain' accessibleName={`修改，${member.name}`} onClick={() => setOpen('edit')}>
            修改
          </Button>
        </Html>
      )}
    </Html>
  );
}
