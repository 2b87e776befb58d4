import { sortSlots, type WeeklySlot } from '@shared/teams/slots';
import { Html } from '../ui';
import { slotText } from './teamText';

/** A team's slots in week order, each kept on one line (`周二 19:00–20:30` never breaks inside). */
export function Slots({ slots }: { slots: readonly WeeklySlot[] }) {
  if (!slots.length) return <>未填写</>;
  return (
    <>
      {sortSlots(slots).map((s, i, all) => (
        // the 、 stays at the end of its line, as written Chinese breaks
        <Html tag='span' className='gz-nowrap' key={`${s.day}-${s.start}`}>
          {slotText(s)}
          {i < all.length - 1 ? '、' : ''}
        </Html>
      ))}
    </>
  );
}
