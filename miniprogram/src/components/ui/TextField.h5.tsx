import type { TextFieldProps } from './types';
import { cx } from './classes';

export function TextField(p: TextFieldProps) {
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  const describedBy = cx(p.hint && hintId, p.error && errorId) || undefined;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    disabled: p.disabled,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': p.optional ? undefined : true,
  };
  return (
    <div className='gz-field'>
      <label className='gz-label' htmlFor={p.id}>
        {p.label}
        {p.optional ? <span className='gz-optional'>（选填）</span> : null}
      </label>
      {p.multiline ? (
        <textarea
          {...common}
          className={cx('gz-textarea', p.error && 'gz-textarea--invalid')}
          rows={5}
          onChange={(e) => p.onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          className={cx('gz-input', p.error && 'gz-input--invalid')}
          type={p.password ? 'password' : p.kind === 'tel' ? 'tel' : 'text'}
          inputMode={p.kind === 'tel' ? 'tel' : undefined}
          autoComplete={p.autoComplete}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
      {p.hint ? (
        <span id={hintId} className='gz-hint'>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span id={errorId} className='gz-error' role='alert'>
          {p.error}
        </span>
      ) : null}
    </div>
  );
}
