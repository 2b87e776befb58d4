import type { SelectFieldProps } from './types';
import { cx } from './classes';
import { FieldNotes, fieldNoteIds } from './FieldNotes';

/** A native select with its label: the browser's own list, usable with the keyboard and read by screen readers. */
export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const { describedBy } = fieldNoteIds(p);
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
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
