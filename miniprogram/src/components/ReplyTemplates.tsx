import { useState } from 'react';
import { FEEDBACK_REPLY_TEMPLATES } from '@shared/feedback/replies';
import { FEEDBACK_ACTION_LABELS, type FeedbackStatus } from '@shared/feedback/status';
import { Button, Html, useConfirm } from './ui';

/**
 * The reply templates (`FEEDBACK_REPLY_TEMPLATES`) for the moves on offer: tapping one puts it in the reply box to
 * edit. Folded away until asked for; replacing a reply already typed asks first.
 */
export function ReplyTemplates({
  moves,
  current,
  onPick,
  disabled,
}: {
  moves: readonly FeedbackStatus[];
  /** What the reply box holds now. */
  current: string;
  onPick: (text: string) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [dialog, confirm] = useConfirm();
  const groups = moves.map((to) => ({ to, templates: FEEDBACK_REPLY_TEMPLATES[to] ?? [] })).filter((g) => g.templates.length);
  if (!groups.length) return null;

  const pick = async (text: string) => {
    if (current.trim() && current.trim() !== text) {
      const ok = await confirm({
        title: '替换已填写的回复吗？',
        content: '回复框里已经有您写的内容，选用常用回复会替换掉它。',
        confirmText: '替换',
        cancelText: '不替换',
      });
      if (!ok) return;
    }
    onPick(text);
    setOpen(false);
  };

  return (
    <Html tag='div' className='gz-field'>
      <Button variant='plain' expanded={open} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        {open ? '收起常用回复' : '选用常用回复'}
      </Button>
      {open
        ? groups.map((g) => (
            <Html tag='div' key={g.to}>
              <Html tag='p' className='gz-label gz-section-gap-top'>
                「{FEEDBACK_ACTION_LABELS[g.to]}」时可用
              </Html>
              {g.templates.map((t) => (
                <Button key={t} variant='plain' className='gz-template' disabled={disabled} onClick={() => void pick(t)}>
                  {t}
                </Button>
              ))}
            </Html>
          ))
        : null}
      {dialog}
    </Html>
  );
}
