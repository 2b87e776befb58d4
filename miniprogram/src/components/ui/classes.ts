import type { ButtonProps } from './types';

export const cx = (...names: Array<string | false | null | undefined>): string => names.filter(Boolean).join(' ');

export const buttonClass = ({
  variant = 'default',
  disabled,
  inline,
  className,
  current,
}: Pick<ButtonProps, 'variant' | 'disabled' | 'inline' | 'className' | 'current'>): string =>
  cx(
    'gz-btn',
    variant !== 'default' && `gz-btn--${variant}`,
    disabled && 'gz-btn--disabled',
    inline && 'gz-btn--inline',
    current && 'gz-btn--pressed',
    className,
  );
