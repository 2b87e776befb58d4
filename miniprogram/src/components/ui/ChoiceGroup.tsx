import { Text, View } from '@tarojs/components';
import type { ChoiceGroupProps } from './types';
import { cx } from './classes';

export function ChoiceGroup<V extends string>(p: ChoiceGroupProps<V>) {
  const mark = p.mark ?? ((_: V, checked: boolean) => (checked ? '✓ ' : ''));
  return (
    <View className='gz-field'>
      {p.legendHidden ? null : <Text className='gz-label'>{p.legend}</Text>}
      {p.hint ? <Text className='gz-hint gz-hint--above'>{p.hint}</Text> : null}
      <View className='gz-choices'>
        {p.options.map((o) => (
          <View
            key={o.value}
            className={cx('gz-choice', p.value === o.value && 'gz-choice--checked')}
            onClick={() => p.onChange(o.value)}
          >
            {mark(o.value, p.value === o.value)}
            {o.label}
          </View>
        ))}
      </View>
      {p.error ? <Text className='gz-error'>{p.error}</Text> : null}
    </View>
  );
}
