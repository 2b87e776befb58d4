import { VenueBody } from '@shared/api/teams';
import { MONTHS } from '@shared/teams/venues';
import { Notice } from '../../../components/States';
import { Button, Form, Html, MultiChoiceGroup, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { newSeasonDraft, rangeErrors, type RangeDraft, type SeasonDraft, type VenueDraft } from './venueForm';

const NAME_MAX = VenueBody.shape.name.maxLength ?? undefined;
const SEASON_NAME_MAX = VenueBody.shape.seasonalRules.unwrap().element.shape.name.maxLength ?? undefined;
const NOTE_MAX = VenueBody.shape.note.unwrap().maxLength ?? undefined;
/** The server takes at most 4 ranges per list and 4 seasonal rules. */
const MAX_RANGES = 4;
const MAX_SEASONS = 4;
const CAPACITY_OPTIONS = Array.from({ length: 20 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 支` }));
const MONTH_OPTIONS = MONTHS.map((m) => ({ value: String(m), label: `${m}月` }));

/** One list of allowed time ranges (the venue's own, or a season's): start and end per row, rows added and removed. */
function RangeRows({
  idPrefix,
  path,
  what,
  ranges,
  onChange,
  errors,
  disabled,
}: {
  idPrefix: string;
  /** The field path the schema names its rows by: `allowedHours`, `seasonalRules.0.allowedHours`. */
  path: string;
  /** Said in each row's labels, so every field has a name of its own: `第 1 段`. */
  what: string;
  ranges: RangeDraft[];
  onChange: (next: RangeDraft[]) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) {
  const set = (i: number, part: Partial<RangeDraft>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...part } : r)));
  return (
    <>
      {errors[path] ? <Notice kind='error'>{errors[path]}</Notice> : null}
      <Html tag='ol' className='gz-list'>
        {ranges.map((r, i) => {
          const e = rangeErrors(errors, path, i);
          const label = `${what}第 ${i + 1} 段`;
          return (
            <Html tag='li' className='gz-venue-range' key={i}>
              <Html tag='div' className='gz-venue-range-fields'>
                <TextField id={`${idPrefix}-${i}-start`} label={`${label}开始`} value={r.start} onChange={(v) => set(i, { start: v })} placeholder='07:00' error={e.start} disabled={disabled} />
                <TextField id={`${idPrefix}-${i}-end`} label={`${label}结束`} value={r.end} onChange={(v) => set(i, { end: v })} placeholder='21:00' error={e.end ?? e.row} disabled={disabled} />
              </Html>
              {ranges.length > 1 ? (
                <Button inline variant='plain' disabled={disabled} onClick={() => onChange(ranges.filter((_, j) => j !== i))} accessibleName={`删除${label}`}>
                  删除
                </Button>
              ) : null}
            </Html>
          );
        })}
      </Html>
      {ranges.length < MAX_RANGES ? (
        <Button inline variant='plain' disabled={disabled} onClick={() => onChange([...ranges, { start: '', end: '' }])} accessibleName={`${what}添加一段时间`}>
          添加一段时间
        </Button>
      ) : null}
    </>
  );
}

/**
 * Adding or changing a venue: its name, how many teams may dance there at once, the hours music is allowed (one or
 * more ranges; outside them are quiet hours), seasonal rules that replace those hours in their months, and a note.
 * Enter in a field saves. `errors` are by field path, from the schema or the server.
 */
export function VenueForm({
  title,
  draft,
  onChange,
  errors,
  saving,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  draft: VenueDraft;
  onChange: (next: VenueDraft) => void;
  errors: Record<string, string>;
  saving: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const titleId = useUniqueId('venue-form-title');
  const id = useUniqueId('venue');
  const set = (part: Partial<VenueDraft>) => onChange({ ...draft, ...part });
  const setSeason = (i: number, part: Partial<SeasonDraft>) => set({ seasons: draft.seasons.map((s, j) => (j === i ? { ...s, ...part } : s)) });

  return (
    <Html tag='section' className='gz-card gz-venue-form' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {title}
      </Html>
      <Form onSubmit={onSubmit}>
        <TextField id={`${id}-name`} label='场地名称' value={draft.name} onChange={(v) => set({ name: v })} placeholder='例如：青年新苑中心广场' maxLength={NAME_MAX} error={errors.name} disabled={saving} />
        <SelectField
          id={`${id}-capacity`}
          label='可同时容纳的队伍数'
          value={draft.capacity}
          options={CAPACITY_OPTIONS}
          onChange={(v) => v && set({ capacity: v })}
          hint='同一时间最多有几支队伍在这里活动。'
          error={errors.capacity}
          disabled={saving}
        />

        <Html tag='p' className='gz-label'>
          允许活动的时间
        </Html>
        <Html tag='p' className='gz-hint gz-hint--above'>
          这些时间以外是安静时段，不能放音乐。可以分几段，例如 07:00–11:30 和 14:30–20:30（中午休息）。
        </Html>
        <RangeRows
          idPrefix={`${id}-hours`}
          path='allowedHours'
          what='允许时间'
          ranges={draft.hours}
          onChange={(hours) => set({ hours })}
          errors={errors}
          disabled={saving}
        />

        <Html tag='p' className='gz-label gz-section-gap-top'>
          季节规则
        </Html>
        <Html tag='p' className='gz-hint gz-hint--above'>
          在所选月份里代替上面的时间，例如夏季晚上延长到 21:30、冬季提前到 20:30 结束。
        </Html>
        {errors.seasonalRules ? <Notice kind='error'>{errors.seasonalRules}</Notice> : null}
        {draft.seasons.map((s, i) => {
          const path = `seasonalRules.${i}`;
          const label = s.name.trim() || `第 ${i + 1} 条季节规则`;
          return (
            <Html tag='div' className='gz-venue-season' key={i}>
              <TextField
                id={`${id}-season-${i}-name`}
                label={`第 ${i + 1} 条季节规则的名称`}
                value={s.name}
                onChange={(v) => setSeason(i, { name: v })}
                placeholder='例如：夏季'
                maxLength={SEASON_NAME_MAX}
                error={errors[`${path}.name`]}
                disabled={saving}
              />
              <MultiChoiceGroup
                id={`${id}-season-${i}-months`}
                legend={`${label}适用的月份`}
                options={MONTH_OPTIONS}
                value={s.months.map(String)}
                onChange={(ms) => setSeason(i, { months: ms.map(Number) })}
                error={errors[`${path}.months`]}
                disabled={saving}
              />
              <RangeRows
                idPrefix={`${id}-season-${i}-hours`}
                path={`${path}.allowedHours`}
                what={label}
                ranges={s.hours}
                onChange={(hours) => setSeason(i, { hours })}
                errors={errors}
                disabled={saving}
              />
              <Button variant='danger' className='gz-section-gap-top' disabled={saving} onClick={() => set({ seasons: draft.seasons.filter((_, j) => j !== i) })} accessibleName={`删除季节规则「${label}」`}>
                删除季节规则
              </Button>
            </Html>
          );
        })}
        {draft.seasons.length < MAX_SEASONS ? (
          <Button variant='plain' disabled={saving} onClick={() => set({ seasons: [...draft.seasons, newSeasonDraft()] })}>
            添加季节规则
          </Button>
        ) : null}

        <Html tag='div' className='gz-section-gap' />
        <TextField
          id={`${id}-note`}
          label='备注'
          optional
          multiline
          value={draft.note}
          onChange={(v) => set({ note: v })}
          placeholder='例如：靠近 3 栋住户，20:30 后请调低音量'
          maxLength={NOTE_MAX}
          error={errors.note}
          disabled={saving}
        />
        <Html tag='div' className='gz-button-row'>
          <Button type='submit' variant='primary' inline loading={saving}>
            {saving ? '正在保存…' : submitLabel}
          </Button>
          <Button inline variant='plain' disabled={saving} onClick={onCancel}>
            取消
          </Button>
        </Html>
      </Form>
    </Html>
  );
}
