import { cx } from './classes';
import { toggleChoice, type MultiChoiceGroupProps } from './multiChoice';

/**
 * Several choices from a short list (months of a year, days of a week), drawn as the same large chips as
 * ChoiceGroup: native checkboxes in a fieldset, so Space toggles each, and screen readers announce the group and
 * each chip's state. The chosen ones carry a ✓ too, not only a colour.
 */
export function MultiChoiceGroup<V extends string>(p: MultiChoiceGroupProps<V>) {
  const errorId = `${p.id}-error`;
  const hintId = `${p.id}-hint`;
  const describedBy = [p.hint ? hintId : '', p.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className='gz-field gz-choices-set' aria-describedby={describedBy} disabled={p.disabled}>
      <legend className='gz-label'>{p.legend}</legend>
      {p.hint ? (
        <span id={hintId} className='gz-hint gz-hint--above'>
          {p.hint}
        </span>
      ) : null}
      <div className='gz-choices'>
        {p.options.map((o) => {
          const checked = p.value.includes(o.value);
          return (
            <label key={o.value} className={cx('gz-choice', checked && 'gz-choice--checked')}>
              <input
                type='checkbox'
                className='gz-choice-input'
                name={p.id}
                value={o.value}
                checked={checked}
                aria-invalid={p.error ? true : undefined}
                onChange={(e) => p.onChange(toggleChoice(p.options, p.value, o.value, e.target.checked))}
              />
              <span aria-hidden='true'>{checked ? '✓ ' : ''}</span>
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
