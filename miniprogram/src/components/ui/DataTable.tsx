import type { ReactNode } from 'react';
import { Html } from './Html';
import { Facts } from './Facts';

export interface DataColumn<R> {
  label: string;
  cell: (row: R) => ReactNode;
  /** Short values (times, numbers, acts) stay on one line; the rest wrap. */
  short?: boolean;
  /** An address: room for IPv4 on one line, a long IPv6 one wraps. */
  address?: boolean;
}

export interface DataTableProps<R> {
  columns: ReadonlyArray<DataColumn<R>>;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The heading that names the table (and the list drawn in its place on a phone). */
  labelledBy: string;
  /** The column that titles each card on a phone (it is not repeated inside the card). */
  titleColumn?: number;
}

/** The browser build draws the table too; CSS shows it at desktop width and the cards below that. */
const WITH_TABLE = process.env.TARO_ENV === 'h5';

/**
 * Rows of values: a real table on a desktop (headers a screen reader announces per cell), a list of cards on a
 * phone and in WeChat. Both are in the page and CSS picks one by width, so resizing never shows a table too wide
 * and nothing typed elsewhere on the page is lost.
 */
export function DataTable<R>({ columns, rows, rowKey, labelledBy, titleColumn = 0 }: DataTableProps<R>) {
  const title = columns[titleColumn];
  const rest = columns.filter((_, i) => i !== titleColumn);
  return (
    <>
      {WITH_TABLE ? (
        <Html tag='table' className='gz-table gz-only-wide' aria-labelledby={labelledBy}>
          <Html tag='thead'>
            <Html tag='tr'>
              {columns.map((c) => (
                <Html tag='th' scope='col' className='gz-th' key={c.label}>
                  {c.label}
                </Html>
              ))}
            </Html>
          </Html>
          <Html tag='tbody'>
            {rows.map((r) => (
              <Html tag='tr' key={rowKey(r)}>
                {columns.map((c) => (
                  <Html tag='td' className={c.address ? 'gz-td gz-td--address' : c.short ? 'gz-td gz-td--short' : 'gz-td'} key={c.label}>
                    {c.cell(r)}
                  </Html>
                ))}
              </Html>
            ))}
          </Html>
        </Html>
      ) : null}
      <Html tag='ul' className={WITH_TABLE ? 'gz-list gz-only-narrow' : 'gz-list'} aria-labelledby={labelledBy}>
        {rows.map((r) => (
          <Html tag='li' className='gz-card' key={rowKey(r)}>
            {title ? (
              <Html tag='p' className='gz-item-title'>
                {title.cell(r)}
              </Html>
            ) : null}
            <Facts rows={rest.map((c) => [c.label, c.cell(r)] as const)} />
          </Html>
        ))}
      </Html>
    </>
  );
}
