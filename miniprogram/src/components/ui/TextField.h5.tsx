import type { TextFieldProps } from './types';
import { cx } from './classes';
import { FieldNotes, fieldNoteIds } from './FieldNotes';

export function TextField(p: TextFieldProps) {
  const { describedBy } = fieldNoteIds(p);
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
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
