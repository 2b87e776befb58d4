import { Text, View } from '@tarojs/components';
import type { CheckboxProps } from './types';
import { cx } from './classes';

/** Mini-program build: a row that toggles on tap, with a box (or a switch) that shows its state. */
export function Checkbox(p: CheckboxProps) {
  return (
    <View className='gz-field'>
      <View
        className={cx('gz-check', p.checked && 'gz-check--checked', p.error && 'gz-check--invalid', p.disabled && 'gz-check--disabled')}
        onClick={p.disabled ? undefined : () => p.onChange(!p.checked)}
      >
        {p.switch ? (
          <View className='gz-switch-track'>
            <View className='gz-switch-knob' />
          </View>
        ) : (
          <Text className='gz-check-box'>{p.checked ? '✓' : ''}</Text>
        )}
        <Text className='gz-check-label'>{p.label}</Text>
      </View>
      {p.hint ? <Text className='gz-hint'>{p.hint}</Text> : null}
      {p.error ? <Text className='gz-error'>{p.error}</Text> : null}
    </View>
  );
}
