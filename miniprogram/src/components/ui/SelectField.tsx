import { Picker, Text, View } from '@tarojs/components';
import type { SelectFieldProps } from './types';
import { cx } from './classes';

/** Mini-program build: WeChat's own picker (a wheel at the bottom of the screen), opened from a field-like row. */
export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const hasEmpty = p.emptyLabel !== undefined;
  const labels = [...(hasEmpty ? [p.emptyLabel ?? ''] : []), ...p.options.map((o) => o.label)];
  const offset = hasEmpty ? 1 : 0;
  const index = Math.max(0, p.options.findIndex((o) => o.value === p.value) + offset);
  return (
    <View className='gz-field'>
      <Text className='gz-label'>
        {p.label}
        {p.optional ? <Text className='gz-optional'>（选填）</Text> : null}
      </Text>
      <Picker
        mode='selector'
        range={labels}
        value={index}
        disabled={p.disabled}
        onChange={(e) => {
          const i = Number(e.detail.value) - offset;
          p.onChange(i >= 0 ? (p.options[i]?.value ?? '') : '');
        }}
      >
        <View className={cx('gz-select', p.error && 'gz-input--invalid')}>
          <Text>{labels[index]}</Text>
          <Text className='gz-select-arrow'>▾</Text>
        </View>
      </Picker>
      {p.hint ? <Text className='gz-hint'>{p.hint}</Text> : null}
      {p.error ? <Text className='gz-error'>{p.error}</Text> : null}
    </View>
  );
}
