import type { ReactNode } from 'react';

/** A whole card that acts as one button (opens a detail page). */
export function CardButton({ children, onClick, accessibleName }: { children: ReactNode; onClick: () => void; accessibleName?: string }) {
  return (
    <button type='button' className='gz-card gz-card-btn' aria-label={accessibleName} onClick={onClick}>
      {children}
    </button>
  );
}
