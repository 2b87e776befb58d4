import type { ReactNode } from 'react';

/** Mini-program build: WeChat reads the visible text; nothing extra is rendered. */
export function VisuallyHidden(_props: { children: ReactNode }) {
  return null;
}
