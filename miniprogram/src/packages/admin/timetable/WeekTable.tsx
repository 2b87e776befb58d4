import { DAY_LABELS, DAYS_OF_WEEK } from '@shared/teams/slots';
import { Html } from '../../../components/ui';
import { cellText, dayLists, weekRows, type WeekInput } from './weekTable';

/** The browser build draws the table too; CSS shows it at desktop width and the lists below that. */
const WITH_TABLE = process.env.TARO_ENV === 'h5';

/**
 * A venue's week: on a desktop one table, time down the side and the days across (each header announced with its
 * cells); on a phone and in WeChat a list per day. Both are in the page and CSS picks one by width. Every cell
 * says who dances, how many they are, and in words when that is more than the venue holds.
 */
export function WeekTable({ week, labelledBy, headingTag }: { week: WeekInput; labelledBy: string; headingTag: 'h3' }) {
  const rows = weekRows(week);
  const capacity = week.venue.capacity;
  return (
    <>
      {WITH_TABLE ? (
        <Html tag='table' className='gz-table gz-week gz-only-wide' aria-labelledby={labelledBy}>
          <Html tag='thead'>
            <Html tag='tr'>
              <Html tag='th' scope='col' className='gz-th'>
                时间
              </Html>
              {DAYS_OF_WEEK.map((d) => (
                <Html tag='th' scope='col' className='gz-th' key={d}>
                  {DAY_LABELS[d]}
                </Html>
              ))}
            </Html>
          </Html>
          <Html tag='tbody'>
            {rows.map((r) => (
              <Html tag='tr' key={r.start}>
                <Html tag='th' scope='row' className='gz-th gz-week-time'>
                  {`${r.start}–${r.end}`}
                </Html>
                {r.cells.map((c, i) => (
                  <Html tag='td' className={c ? (c.overCapacity ? 'gz-td gz-week-cell gz-week-over' : 'gz-td gz-week-cell') : 'gz-td gz-week-cell gz-muted'} key={i}>
                    {cellText(c, capacity)}
                  </Html>
                ))}
              </Html>
            ))}
          </Html>
        </Html>
      ) : null}
      <Html tag='div' className={WITH_TABLE ? 'gz-only-narrow' : undefined}>
        {dayLists(week).map((d) => (
          <Html tag='div' className='gz-week-day' key={d.day}>
            <Html tag={headingTag} className='gz-h3'>
              {d.label}
            </Html>
            {d.entries.length ? (
              <Html tag='ul' className='gz-list'>
                {d.entries.map((e) => (
                  <Html tag='li' className={e.overCapacity ? 'gz-week-entry gz-week-over' : 'gz-week-entry'} key={e.start}>
                    <Html tag='span' className='gz-week-entry-time'>
                      {`${e.start}–${e.end}`}
                    </Html>
                    {` ${e.text}`}
                  </Html>
                ))}
              </Html>
            ) : (
              <Html tag='p' className='gz-text gz-muted'>
                没有舞队活动
              </Html>
            )}
          </Html>
        ))}
      </Html>
    </>
  );
}
