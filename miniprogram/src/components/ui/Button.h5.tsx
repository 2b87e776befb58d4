import type { ButtonProps } from './types';
import { buttonClass } from './classes';

export function Button({ children, onClick, variant, disabled, loading, accessibleName, inline, className, type, current, expanded, pressed }: ButtonProps) {
  return (
    <button
      type={type === 'submit' ? 'submit' : 'button'}
      className={buttonClass({ variant, inline, className, current: current || pressed })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      aria-label={accessibleName}
      aria-current={current ? 'page' : undefined}
      aria-expanded={expanded}
      aria-pressed={pressed}
      onClick={onClick ? () => onClick() : undefined}
    >
      {children}
    </button>
  );
}
