import { Input, Text, Textarea, View } from '@tarojs/components';
import { useContext } from 'react';
import type { TextFieldProps } from './types';
import { cx } from './classes';
import { FormSubmitContext } from './formContext';

export function TextField(p: TextFieldProps) {
  const invalid = Boolean(p.error);
  // Inside a Form, the keyboard's confirm key sends it (like Enter in the browser).
  const submit = useContext(FormSubmitContext);
  return (
    <View className='gz-field'>
      <Text className='gz-label'>
        {p.label}
        {p.optional ? <Text className='gz-optional'>（选填）</Text> : null}
      </Text>
      {p.multiline ? (
        <Textarea
          className={cx('gz-textarea', invalid && 'gz-textarea--invalid')}
          value={p.value}
          placeholder={p.placeholder}
          maxlength={p.maxLength ?? -1}
          disabled={p.disabled}
          autoHeight
          onInput={(e) => p.onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={cx('gz-input', invalid && 'gz-input--invalid')}
          value={p.value}
          placeholder={p.placeholder}
          password={p.password}
          type={p.kind === 'tel' ? 'number' : 'text'}
          maxlength={p.maxLength ?? -1}
          disabled={p.disabled}
          confirmType={submit ? 'go' : 'done'}
          onConfirm={submit ? () => submit() : undefined}
          onInput={(e) => p.onChange(e.detail.value)}
        />
      )}
      {p.hint ? <Text className='gz-hint'>{p.hint}</Text> : null}
      {p.error ? <Text className='gz-error'>{p.error}</Text> : null}
    </View>
  );
}
