import type { ReactNode } from 'react';
import { Html } from '../ui';
import './admin.css';

/**
 * List and detail side by side on a desktop (`wide`, from useWideLayout): the list on the left, the selected
 * item's detail on the right, scrolling on its own so it stays in view beside a long list (and reachable by
 * keyboard: tabIndex). Narrow: the list alone, and the list opens the detail as its own page. The list keeps its
 * place in the tree either way, so resizing the window does not rebuild it.
 */
export function SplitView({ wide, list, detail, detailLabel }: { wide: boolean; list: ReactNode; detail: ReactNode; detailLabel: string }) {
  return (
    <Html tag='div' className={wide ? 'gz-split' : undefined}>
      <Html tag='div' className='gz-split-list'>
        {list}
      </Html>
      {wide ? (
        <Html tag='section' className='gz-split-detail' aria-label={detailLabel} tabIndex={0}>
          {detail}
        </Html>
      ) : null}
    </Html>
  );
}
