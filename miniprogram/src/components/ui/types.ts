import type { CSSProperties, ReactNode } from 'react';

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
  /** A button that shows and hides a part of the page: whether that part is shown now. */
  expanded?: boolean;
  /** A button that stays on or off (a mode): whether it is on now. */
  pressed?: boolean;
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
  /** `tel`: a phone number (the browser offers its number pad and saved numbers; WeChat its digit keyboard). */
  kind?: 'text' | 'tel';
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
  /** A mark shown before each label (not read out): `✓ ` on the chosen one unless told otherwise. */
  mark?: (value: V, checked: boolean) => string;
  /** A line under the legend that explains the choice. */
  hint?: string;
}

export interface CheckboxProps {
  /** Unique on the page. */
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  error?: string;
  /** Drawn and announced as an on/off switch (turns a part of the form on), not as a tick box. */
  switch?: boolean;
  disabled?: boolean;
}

export interface SelectFieldProps<V extends string> {
  /** Unique on the page: ties the label, hint and error to the control. */
  id: string;
  label: string;
  value: V | '';
  options: ReadonlyArray<ChoiceOption<V>>;
  onChange: (value: V | '') => void;
  /** A first entry for "none chosen" (e.g. 不指定), chosen while `value` is ''; without it, one must be chosen. */
  emptyLabel?: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  disabled?: boolean;
}

export interface PhotoProps {
  src: string;
  /** What the photo shows, for screen readers (it has no visible caption). */
  alt: string;
  className?: string;
  onError?: () => void;
  /**
   * Tapping opens it large: WeChat's viewer, paging through `gallery` (all the photos of the item); in the
   * browser a link to the photo itself.
   */
  gallery?: readonly string[];
}

/** A photo (or, where a picker takes them, a PDF) the person picked on their device: its local path (WeChat) or object URL (browser). */
export interface PickedPhoto {
  path: string;
  size?: number;
  /** A PDF document rather than a photo: it needs a ticket of its own kind. */
  pdf?: boolean;
  /** The file's own name, where the device tells it (a PDF's; photos come nameless from the camera). */
  name?: string;
}

export interface PhotoPickerProps {
  /** The button's text, e.g. 添加照片. */
  label: string;
  /** How many more may be picked (WeChat's picker and the browser's are told). */
  remaining: number;
  onPick: (photos: PickedPhoto[]) => void;
  /** The person said no to WeChat's privacy authorisation, or the picker failed. */
  onRefused?: (message: string) => void;
  disabled?: boolean;
  /** What the photos are for and who sees them, in WeChat's privacy notice (a report's by default). */
  purpose?: string;
  /**
   * PDF documents are taken too: in WeChat a second button picks them from a chat (`label`), since the photo
   * picker shows no files; in the browser the one file input takes both (`bothLabel` is its text).
   */
  pdf?: { label: string; bothLabel: string };
}

export interface FileLinkProps {
  /** A signed URL of the document. */
  url: string;
  /** Its visible text (the document's name and size). */
  children: string;
  /** When the visible text is not enough (which item it belongs to). */
  accessibleName?: string;
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
  | 'h4'
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
  | 'strong'
  | 'table'
  | 'caption'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td';

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
  /** Table headers: `col` or `row`. */
  scope?: 'col' | 'row';
  /** Only for what CSS cannot know (a bar's length); everything else is a class. */
  style?: CSSProperties;
  children?: ReactNode;
}
