import { createElement } from 'react';
import type { HtmlProps } from './types';

/** Browser build: real HTML elements, so headings, lists and live regions mean something to screen readers. */
export function Html({ tag, children, ...rest }: HtmlProps) {
  return createElement(tag, rest, children);
}
