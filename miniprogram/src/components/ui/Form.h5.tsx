import type { FormProps } from './types';
import { cx } from './classes';

/**
 * Browser build: a real <form>, so Enter in a field submits it like its submit button. The page validates with
 * the server's schemas and shows its own messages: the browser's bubbles are off (`noValidate`).
 */
export function Form({ onSubmit, children, className, ...aria }: FormProps) {
  return (
    <form
      className={cx('gz-form', className)}
      noValidate
      {...aria}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
