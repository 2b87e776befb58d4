import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConfirmOptions } from './types';
import { Button } from './Button';
import { useUniqueId } from './useUniqueId';

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

/**
 * Asks before a destructive action. Browser build: a modal dialog with role="dialog"; focus starts on the safe
 * choice (取消), Escape cancels, Tab stays inside, and focus goes back where it was when the dialog closes.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useUniqueId('gz-dialog-title');
  const contentId = useUniqueId('gz-dialog-content');

  const confirm = useCallback(
    (o: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        returnFocus.current = document.activeElement as HTMLElement | null;
        setPending({ ...o, resolve });
      }),
    [],
  );

  const close = useCallback(
    (ok: boolean) => {
      pending?.resolve(ok);
      setPending(null);
      const el = returnFocus.current;
      if (el && typeof el.focus === 'function') setTimeout(() => el.focus(), 0);
    },
    [pending],
  );

  useEffect(() => {
    if (!pending) return;
    const first = dialogRef.current?.querySelector<HTMLElement>('button');
    first?.focus();
  }, [pending]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(false);
    } else if (e.key === 'Tab') {
      const buttons = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>('button') ?? []);
      if (!buttons.length) return;
      const first = buttons[0]!;
      const last = buttons[buttons.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const element = pending ? (
    <div className='gz-dialog-backdrop'>
      <div
        ref={dialogRef}
        className='gz-dialog'
        role='alertdialog'
        aria-modal='true'
        aria-labelledby={titleId}
        aria-describedby={contentId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className='gz-h2'>
          {pending.title}
        </h2>
        <p id={contentId} className='gz-text'>
          {pending.content}
        </p>
        <div className='gz-dialog-actions'>
          <Button variant='plain' onClick={() => close(false)}>
            {pending.cancelText ?? '取消'}
          </Button>
          <Button variant={pending.destructive ? 'danger' : 'primary'} onClick={() => close(true)}>
            {pending.confirmText}
          </Button>
        </div>
      </div>
    </div>
  ) : null;

  return [element, confirm];
}
