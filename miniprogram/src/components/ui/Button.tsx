import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from './types';
import { buttonClass } from './classes';

export function Button({ children, onClick, variant, disabled, loading, inline, className }: ButtonProps) {
  return (
    <TaroButton
      className={buttonClass({ variant, disabled: disabled || loading, inline, className })}
      disabled={disabled || loading}
      loading={loading}
      hoverClass='none'
      onClick={() => onClick?.()}
    >
      {children}
    </TaroButton>
  );
}
