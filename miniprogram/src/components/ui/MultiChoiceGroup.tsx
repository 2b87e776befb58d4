import { Text, View } from '@tarojs/components';
import { cx } from './classes';
import { toggleChoice, type MultiChoiceGroupProps } from './multiChoice';

/** Mini-program build: chips that toggle on tap, each chosen one marked with ✓ as well as its colour. */
export function MultiChoiceGroup<V extends string>(p: MultiChoiceGroupProps<V>) {
  return (
    <View className='gz-field'>
      <Text className='gz-label'>{p.legend}</Text>
      {p.hint ? <Text className='gz-hint gz-hint--above'>{p.hint}</Text> : null}
      <View className='gz-choices'>
        {p.options.map((o) => {
          const checked = p.value.includes(o.value);
          return (
            <View
              key={o.value}
              className={cx('gz-choice', checked && 'gz-choice--checked')}
              onClick={p.disabled ? undefined : () => p.onChange(toggleChoice(p.options, p.value, o.value, !checked))}
            >
              {checked ? '✓ ' : ''}
              {o.label}
            </View>
          );
        })}
      </View>
      {p.error ? <Text className='gz-error'>{p.error}</Text> : null}
    </View>
  );
}
