import type { CheckboxProps } from './types';
import { cx } from './classes';
import { FieldNotes, fieldNoteIds } from './FieldNotes';

/**
 * A native checkbox drawn as a large box (or an on/off switch with `switch`): the whole row is the target, the
 * input inside it does the work, so Space toggles it and screen readers announce its state.
 */
export function Checkbox(p: CheckboxProps) {
  const { describedBy } = fieldNoteIds(p);
  return (
    <div className='gz-field'>
      <label className={cx('gz-check', p.checked && 'gz-check--checked', p.error && 'gz-check--invalid', p.disabled && 'gz-check--disabled')}>
        <input
          type='checkbox'
          id={p.id}
          name={p.id}
          className='gz-check-input'
          role={p.switch ? 'switch' : undefined}
          checked={p.checked}
          disabled={p.disabled}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        {p.switch ? (
          <span className='gz-switch-track' aria-hidden='true'>
            <span className='gz-switch-knob' />
          </span>
        ) : (
          <span className='gz-check-box' aria-hidden='true'>
            {p.checked ? '✓' : ''}
          </span>
        )}
        <span className='gz-check-label'>{p.label}</span>
      </label>
      <FieldNotes id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
