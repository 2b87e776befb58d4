import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from './types';
import { buttonClass } from './classes';

export function Button({ children, onClick, variant, disabled, loading, inline, className, type, current, pressed }: ButtonProps) {
  return (
    <TaroButton
      className={buttonClass({ variant, disabled: disabled || loading, inline, className, current: current || pressed })}
      disabled={disabled || loading}
      loading={loading}
      formType={type === 'submit' ? 'submit' : undefined}
      hoverClass='none'
      onClick={onClick ? () => onClick() : undefined}
    >
      {children}
    </TaroButton>
  );
}
