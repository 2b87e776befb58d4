import type { ButtonProps } from './types';
import { buttonClass } from './classes';

export function Button({ children, onClick, variant, disabled, loading, accessibleName, inline, className }: ButtonProps) {
  return (
    <button
      type='button'
      className={buttonClass({ variant, inline, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      aria-label={accessibleName}
      onClick={() => onClick?.()}
    >
      {children}
    </button>
  );
}
