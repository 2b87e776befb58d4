import type { ChoiceGroupProps } from './types';
import { cx } from './classes';

/** A group of native radio buttons drawn as large chips: arrow keys move the choice, screen readers announce it. */
export function ChoiceGroup<V extends string>(p: ChoiceGroupProps<V>) {
  const errorId = `${p.id}-error`;
  const hintId = `${p.id}-hint`;
  const mark = p.mark ?? ((_: V, checked: boolean) => (checked ? '✓ ' : ''));
  const describedBy = [p.hint ? hintId : '', p.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className='gz-field gz-choices-set' aria-describedby={describedBy}>
      <legend className={p.legendHidden ? 'gz-sr-only' : 'gz-label'}>{p.legend}</legend>
      {p.hint ? (
        <span id={hintId} className='gz-hint gz-hint--above'>
          {p.hint}
        </span>
      ) : null}
      <div className='gz-choices'>
        {p.options.map((o) => {
          const checked = p.value === o.value;
          return (
            <label key={o.value} className={cx('gz-choice', checked && 'gz-choice--checked')}>
              <input
                type='radio'
                className='gz-choice-input'
                name={p.id}
                value={o.value}
                checked={checked}
                aria-invalid={p.error ? true : undefined}
                onChange={() => p.onChange(o.value)}
              />
              <span aria-hidden='true'>{mark(o.value, checked)}</span>
              {o.label}
            </label>
          );
        })}
      </div>
      {p.error ? (
        <span id={errorId} className='gz-error' role='alert'>
          {p.error}
        </span>
      ) : null}
    </fieldset>
  );
}
