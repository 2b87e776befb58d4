import { FEEDBACK_CATEGORIES } from '../../../shared/feedback/categories';
import { RESPONSE_TARGET_HOURS, hoursWaiting, isOverdue } from '../../../shared/feedback/targets';

const sent = '2026-11-20T08:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(sent) + hours * 3_600_000);

describe('how long a report has waited for its first answer', () => {
  it.each([
    [0, 0],
    [0.99, 0],
    [1, 1],
    [25.5, 25],
    [-3, 0],
  ])('after %s hours it has waited %s whole hours', (h, expected) => {
    expect(hoursWaiting(sent, after(h))).toBe(expected);
  });

  it.each(FEEDBACK_CATEGORIES.map((c) => [c, RESPONSE_TARGET_HOURS[c]] as const))(
    '%s is overdue from %s hours on, not a minute before',
    (category, target) => {
      expect(isOverdue(category, sent, after(target - 1 / 60))).toBe(false);
      expect(isOverdue(category, sent, after(target))).toBe(true);
    },
  );

  it('safety comes first: its target is the shortest', () => {
    expect(Math.min(...Object.values(RESPONSE_TARGET_HOURS))).toBe(RESPONSE_TARGET_HOURS.safety);
  });
});
