import type { ReactNode } from 'react';

/**
 * The few interactive primitives every page uses. Each has two builds: `X.h5.tsx` renders real HTML
 * (button, label + input, fieldset + radio, dialog) so keyboards and screen readers work in the browser;
 * `X.tsx` renders the mini-program's own components. Taro picks the file by platform.
 */

export interface ButtonProps {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'default' | 'primary' | 'danger' | 'plain';
  disabled?: boolean;
  /** Disables the button and tells assistive technology that it is busy. */
  loading?: boolean;
  /** When the visible text is not enough. */
  accessibleName?: string;
  /** Sized to its text instead of the full width. */
  inline?: boolean;
  className?: string;
  /** `submit` sends the surrounding `Form` (Enter in its fields does too). */
  type?: 'button' | 'submit';
  /** Marks the entry of a navigation that shows the current page. */
  current?: boolean;
}

export interface FormProps {
  /** Called for the submit button and for Enter in a field; the form never reloads the page. */
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  'aria-labelledby'?: string;
}

export interface TextFieldProps {
  /** Unique on the page: ties the label, hint and error to the input. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  password?: boolean;
  multiline?: boolean;
  maxLength?: number;
  autoComplete?: string;
  disabled?: boolean;
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

export interface ChoiceGroupProps<V extends string> {
  /** Unique on the page: the radio group's name. */
  id: string;
  legend: string;
  options: ReadonlyArray<ChoiceOption<V>>;
  value: V | '';
  onChange: (value: V) => void;
  error?: string;
  /** Hide the legend visually (still read by screen readers). */
  legendHidden?: boolean;
}

export interface ConfirmOptions {
  title: string;
  content: string;
  /** At most 4 characters: the mini-program's modal cuts longer labels. */
  confirmText: string;
  cancelText?: string;
  destructive?: boolean;
}

export type HtmlTag =
  | 'h1'
  | 'h2'
  | 'h3'
  | 'p'
  | 'div'
  | 'span'
  | 'main'
  | 'section'
  | 'header'
  | 'footer'
  | 'nav'
  | 'ul'
  | 'ol'
  | 'li'
  | 'dl'
  | 'dt'
  | 'dd'
  | 'time'
  | 'strong';

export interface HtmlProps {
  tag: HtmlTag;
  className?: string;
  id?: string;
  role?: string;
  'aria-live'?: 'polite' | 'assertive' | 'off';
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-busy'?: boolean;
  'aria-hidden'?: boolean;
  /** Browser build: makes a scrolling region reachable by keyboard. */
  tabIndex?: number;
  dateTime?: string;
  children?: ReactNode;
}
