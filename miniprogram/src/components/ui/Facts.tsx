import type { ReactNode } from 'react';
import { Html } from './Html';
import { VisuallyHidden } from './VisuallyHidden';

/** One fact: what it is, and its value (rows left out with `false`/`undefined`). */
export type Fact = readonly [term: string, value: ReactNode];

/**
 * Facts about one thing as a definition list: the term, a pause a screen reader reads as "：", the value. The
 * same markup for every detail (a team's filing, its ID card, the public check, a card in a DataTable).
 */
export function Facts({ rows }: { rows: ReadonlyArray<Fact | false | undefined> }) {
  return (
    <Html tag='dl' className='gz-dl'>
      {rows
        .filter((r): r is Fact => Boolean(r))
        .map(([term, value]) => (
          <Html tag='div' className='gz-dl-row' key={term}>
            <Html tag='dt' className='gz-dt'>
              {term}
              <VisuallyHidden>：</VisuallyHidden>
            </Html>
            <Html tag='dd' className='gz-dd'>
              {value}
            </Html>
          </Html>
        ))}
    </Html>
  );
}
