import type { ReactNode } from 'react';
import type { Feedback } from '@shared/api/feedback';
import { formatTime } from './format';
import { Html, useUniqueId } from './ui';

/**
 * Notes among staff and the assigned steward, drawn apart from everything the resident reads (grey, dashed, and
 * its title says so). `children`: the committee's form to add one.
 */
export function InternalNotes({ notes, headingTag, children }: { notes: Feedback['notes']; headingTag: 'h2' | 'h3'; children?: ReactNode }) {
  const titleId = useUniqueId('notes-title');
  const list = notes ?? [];
  return (
    <Html tag='section' className='gz-card gz-card--internal' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        内部备注（居民看不到）
      </Html>
      {list.length ? (
        <Html tag='ul' className='gz-list'>
          {list.map((n, i) => (
            <Html tag='li' className='gz-internal-entry' key={`${n.at}-${i}`}>
              <Html tag='p' className='gz-text'>
                {n.text}
              </Html>
              <Html tag='span' className='gz-meta'>
                {n.byName} · {formatTime(n.at)}
              </Html>
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有内部备注。
        </Html>
      )}
      {children}
    </Html>
  );
}
