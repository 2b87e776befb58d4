import type { ReactNode } from 'react';
import { cx } from './classes';

/**
 * A whole card that acts as one button (opens a detail). Its name is its own text, in reading order, so what is
 * heard is what is seen (no aria-label that could drift from the visible text). `selected`: the card whose
 * detail is open beside the list.
 */
export function CardButton({
  children,
  onClick,
  selected,
  unread,
}: {
  children: ReactNode;
  onClick: () => void;
  selected?: boolean;
  /** Has news for the reader: a bar on its left edge (the card says so in words too). */
  unread?: boolean;
}) {
  return (
    <button
      type='button'
      className={cx('gz-card gz-card-btn', selected && 'gz-card--selected', unread && 'gz-card--unread')}
      aria-current={selected ? 'true' : undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
