import type { SlotProblemSchema } from '@shared/api/teams';
import './teams.css';
import { slotProblemText, type SlotProblem } from '@shared/teams/capacity';
import { DAYS_OF_WEEK, DAY_LABELS } from '@shared/teams/slots';
import type { z } from 'zod';
import { QUARTER_TIMES } from '../../components/teams/teamText';
import { Button, Html, SelectField, useUniqueId } from '../../components/ui';

export interface SlotDraft {
  day: number;
  start: string;
  end: string;
}

const DAY_OPTIONS = DAYS_OF_WEEK.map((d) => ({ value: String(d), label: DAY_LABELS[d] }));
const TIME_OPTIONS = QUARTER_TIMES.map((t) => ({ value: t, label: t }));
/** The slots a form may hold (the contract's limit). */
export const MAX_SLOTS = 14;

/**
 * A team's weekly slots: each a day and a start and end on the quarter hour, with what stands in its way (quiet
 * hours, a full venue, another of its own slots) written under it as the leader edits — the same rule the
 * server applies on submission. Pickers, not typing: no time can be malformed.
 */
export function SlotEditor({
  slots,
  onChange,
  problems,
  errors,
}: {
  slots: readonly SlotDraft[];
  onChange: (slots: SlotDraft[]) => void;
  /** Per slot, from the server's check (or its refusal). */
  problems: ReadonlyArray<ReadonlyArray<z.infer<typeof SlotProblemSchema>>>;
  /** Form errors by path (`slots`, `slots.0`, `slots.0.end`). */
  errors: Record<string, string>;
}) {
  const id = useUniqueId('slot');
  const set = (i: number, patch: Partial<SlotDraft>) => onChange(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Html tag='section' className='gz-card' aria-labelledby={`${id}-title`}>
      <Html tag='h2' className='gz-h2' id={`${id}-title`}>
        每周活动时段
      </Html>
      {errors.slots ? (
        <Html tag='p' className='gz-error' role='alert'>
          {errors.slots}
        </Html>
      ) : null}
      <Html tag='ol' className='gz-list'>
        {slots.map((s, i) => {
          const said = [
            ...(problems[i] ?? []).map((p) => slotProblemText(p as SlotProblem)),
            ...[errors[`slots.${i}`], errors[`slots.${i}.start`], errors[`slots.${i}.end`], errors[`slots.${i}.day`]].filter((e): e is string => Boolean(e)),
          ];
          return (
            <Html tag='li' className='gz-slot' key={i}>
              <Html tag='h3' className='gz-h3'>{`时段 ${i + 1}`}</Html>
              <Html tag='div' className='gz-slot-fields'>
                <SelectField id={`${id}-${i}-day`} label='星期' value={String(s.day)} options={DAY_OPTIONS} onChange={(v) => v && set(i, { day: Number(v) })} />
                <SelectField id={`${id}-${i}-start`} label='开始' value={s.start} options={TIME_OPTIONS} onChange={(v) => v && set(i, { start: v })} />
                <SelectField id={`${id}-${i}-end`} label='结束' value={s.end} options={TIME_OPTIONS} onChange={(v) => v && set(i, { end: v })} />
              </Html>
              {said.length ? (
                <Html tag='ul' className='gz-slot-problems' aria-label={`时段 ${i + 1} 的问题`}>
                  {said.map((text) => (
                    <Html tag='li' className='gz-error' key={text}>
                      {text}
                    </Html>
                  ))}
                </Html>
              ) : null}
              {slots.length > 1 ? (
                <Button inline variant='plain' onClick={() => onChange(slots.filter((_, j) => j !== i))} accessibleName={`删除时段 ${i + 1}`}>
                  删除这个时段
                </Button>
              ) : null}
            </Html>
          );
        })}
      </Html>
      {slots.length < MAX_SLOTS ? (
        <Button
          inline
          onClick={() => {
            const last = slots.at(-1);
            onChange([...slots, { day: last ? (last.day % 7) + 1 : 1, start: last?.start ?? '19:00', end: last?.end ?? '20:30' }]);
          }}
        >
          添加时段
        </Button>
      ) : null}
    </Html>
  );
}
