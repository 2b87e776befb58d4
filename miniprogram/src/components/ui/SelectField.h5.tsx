import type { SelectFieldProps } from './types';
import { cx } from './classes';

/** A native select with its label: the browser's own list, usable with the keyboard and read by screen readers. */
export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  const describedBy = cx(p.hint && hintId, p.error && errorId) || undefined;
  return (
    <div className='gz-field'>
      <label className='gz-label' htmlFor={p.id}>
        {p.label}
        {p.optional ? <span className='gz-optional'>（选填）</span> : null}
      </label>
      <select
        id={p.id}
        name={p.id}
        className={cx('gz-select', p.error && 'gz-input--invalid')}
        value={p.value}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => p.onChange(e.target.value as V | '')}
      >
        {p.emptyLabel !== undefined ? <option value=''>{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
