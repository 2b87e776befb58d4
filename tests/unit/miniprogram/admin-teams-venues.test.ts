/** The venue form's content and body (miniprogram/src/packages/admin/venues/venueForm.ts). */
import { UpdateVenueBody, VenueBody, type Venue } from '../../../shared/api/teams';
import { toggleChoice } from '../../../miniprogram/src/components/ui/multiChoice';
import {
  draftChanged,
  newSeasonDraft,
  newVenueDraft,
  normalizeTime,
  rangeErrors,
  seasonText,
  venueBodyOf,
  venueDraftOf,
} from '../../../miniprogram/src/packages/admin/venues/venueForm';

const venue: Venue = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '青年新苑中心广场',
  capacity: 2,
  allowedHours: [{ start: '07:00', end: '21:00' }],
  seasonalRules: [{ name: '夏季', months: [6, 7, 8, 9], allowedHours: [{ start: '06:30', end: '21:30' }] }],
  note: '靠近3栋、5栋住户',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

it.each([
  ['07:00', '07:00'],
  ['7:00', '07:00'],
  ['7', '07:00'],
  [' 19:30 ', '19:30'],
  ['1930', '19:30'],
  ['19.30', '19:30'],
  ['19点', '19:00'],
  ['19点30', '19:30'],
  ['１９：３０', '19:30'],
  ['7:5', '7:5'],
  ['晚上', '晚上'],
])('normalizeTime(%j) → %j', (typed, expected) => expect(normalizeTime(typed)).toBe(expected));

it('reads a venue into the form and back into the same body', () => {
  const draft = venueDraftOf(venue);
  expect(draft.capacity).toBe('2');
  const { id, version, createdAt, updatedAt, ...fields } = venue;
  expect(venueBodyOf(draft)).toEqual(fields);
  expect(UpdateVenueBody.safeParse({ ...venueBodyOf(draft), version }).success).toBe(true);
  expect(draftChanged(draft, venueDraftOf(venue))).toBe(false);
  expect(draftChanged({ ...draft, note: '  靠近3栋、5栋住户 ' }, draft)).toBe(false);
  expect(draftChanged({ ...draft, capacity: '3' }, draft)).toBe(true);
});

it('a new venue starts valid once named; a season starts unnamed with no months', () => {
  const draft = newVenueDraft();
  expect(VenueBody.safeParse(venueBodyOf(draft)).success).toBe(false);
  expect(VenueBody.safeParse(venueBodyOf({ ...draft, name: '滨河小广场' })).success).toBe(true);
  expect(newSeasonDraft()).toEqual({ name: '', months: [], hours: [{ start: '07:00', end: '21:00' }] });
});

it('sends typed times normalised, months in order, a blank note as none', () => {
  const body = venueBodyOf({
    name: ' 滨河小广场 ',
    capacity: '1',
    hours: [
      { start: '7:00', end: '11:30' },
      { start: '14:30', end: '2030' },
    ],
    seasons: [{ name: '冬季', months: [12, 1, 2], hours: [{ start: '7:30', end: '20' }] }],
    note: '   ',
  });
  expect(body).toEqual({
    name: '滨河小广场',
    capacity: 1,
    allowedHours: [
      { start: '07:00', end: '11:30' },
      { start: '14:30', end: '20:30' },
    ],
    seasonalRules: [{ name: '冬季', months: [1, 2, 12], allowedHours: [{ start: '07:30', end: '20:00' }] }],
    note: undefined,
  });
  expect(VenueBody.safeParse(body).success).toBe(true);
});

it('finds the schema’s messages for a row of time ranges', () => {
  const parsed = VenueBody.safeParse(
    venueBodyOf({
      ...newVenueDraft(),
      name: '广场',
      hours: [
        { start: '07:00', end: '12:00' },
        { start: '11:00', end: '10:00' },
        { start: '08:00', end: '09:00' },
      ],
    }),
  );
  expect(parsed.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const i of parsed.error!.issues) errors[i.path.join('.')] ??= i.message;
  expect(rangeErrors(errors, 'allowedHours', 1).end).toBe('结束时间须晚于开始时间');
  expect(rangeErrors(errors, 'allowedHours', 2).row).toBe('与第 1 段时间重叠');
  expect(rangeErrors(errors, 'allowedHours', 0)).toEqual({ row: undefined, start: undefined, end: undefined });
});

it('words a seasonal rule', () => {
  expect(seasonText(venue.seasonalRules[0]!)).toBe('夏季：6、7、8、9月 06:30–21:30');
});

it('toggles a chip, keeping the options’ order', () => {
  const options = ['1', '2', '3', '12'].map((value) => ({ value, label: `${value}月` }));
  expect(toggleChoice(options, ['12', '1'], '3', true)).toEqual(['1', '3', '12']);
  expect(toggleChoice(options, ['1', '3'], '1', false)).toEqual(['3']);
  expect(toggleChoice(options, ['1'], '1', true)).toEqual(['1']);
});
