import { Form as TaroForm } from '@tarojs/components';
import type { FormProps } from './types';
import { cx } from './classes';
import { FormSubmitContext } from './formContext';

/**
 * Mini-program build: WeChat's form (its `formType='submit'` button sends it); the keyboard's confirm key in a
 * field sends it too, through the context `TextField` reads.
 */
export function Form({ onSubmit, children, className }: FormProps) {
  return (
    <FormSubmitContext.Provider value={onSubmit}>
      <TaroForm className={cx('gz-form', className)} onSubmit={() => onSubmit()}>
        {children}
      </TaroForm>
    </FormSubmitContext.Provider>
  );
}
