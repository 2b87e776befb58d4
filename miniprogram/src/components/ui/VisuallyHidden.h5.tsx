import type { ReactNode } from 'react';

/** Text for screen readers only (a pause between the parts of a card's name, say). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className='gz-sr-only'>{children}</span>;
}
