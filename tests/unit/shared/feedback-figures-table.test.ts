/**
 * Feedback's figures as tables (issue 11): the duration bucket of every edge (an hour exactly is "1 小时内", a
 * minute more is not), the median bucket of counts row by row, the statistics CSV cell by cell, when a first
 * answer is due per category, a phone number as everyone but the committee sees it, and the reply templates.
 */
import { CSV_BOM } from '../../../shared/csv';
import { FEEDBACK_CATEGORIES } from '../../../shared/feedback/categories';
import { maskPhone } from '../../../shared/feedback/contact';
import { FEEDBACK_REPLY_TEMPLATES } from '../../../shared/feedback/replies';
import { bucketOf, DURATION_BUCKETS, medianBucket, statsCsv, type StatRow } from '../../../shared/feedback/stats';
import { RESPONSE_TARGET_HOURS, responseDueAt } from '../../../shared/feedback/targets';

describe('the duration bucket an hour count falls in', () => {
  // each bucket holds its upper edge; a minute past it is the next bucket
  it.each<[number, string]>([
    [0, '1 小时内'],
    [1, '1 小时内'],
    [1 + 1 / 60, '1–4 小时'],
    [4, '1–4 小时'],
    [4.01, '4–12 小时'],
    [12, '4–12 小时'],
    [12.01, '12–24 小时'],
    [24, '12–24 小时'],
    [24.01, '1–3 天'],
    [72, '1–3 天'],
    [72.01, '3–7 天'],
    [168, '3–7 天'],
    [168.01, '7 天以上'],
    [10_000, '7 天以上'],
  ])('%s hours: %s', (hours, label) => {
    expect(DURATION_BUCKETS[bucketOf(hours)]!.label).toBe(label);
  });
});

describe('the bucket holding the median', () => {
  it.each<[string, number[], string | undefined]>([
    ['no counts at all', [], undefined],
    ['only zeros', [0, 0, 0, 0, 0, 0, 0], undefined],
    ['one answer within the hour', [1], '1 小时内'],
    ['one answer in the last bucket', [0, 0, 0, 0, 0, 0, 1], '7 天以上'],
    // two counts split evenly: the lower half ends in the first bucket (seen × 2 = total counts)
    ['1 and 1: the first bucket holds half', [1, 1], '1 小时内'],
    ['1 and 2: the second bucket', [1, 2], '1–4 小时'],
    ['2, 1, 1: the first bucket holds half', [2, 1, 1], '1 小时内'],
    ['1, 1, 2: the second bucket reaches half', [1, 1, 2], '1–4 小时'],
    ['zeros before the counts are skipped', [0, 0, 3], '4–12 小时'],
    ['the middle of five', [1, 1, 1, 1, 1], '4–12 小时'],
  ])('%s', (_, counts, label) => {
    expect(medianBucket(counts)).toBe(label);
  });
});

describe('the statistics table as CSV', () => {
  const row: StatRow = {
    month: '2026-10',
    dimension: 'category',
    value: '噪音扰民',
    received: 12,
    resolved: 8,
    reopened: 1,
    reopenRate: 0.125,
    satisfaction: 4.25,
    ratings: 4,
    medianFirstResponse: '1–4 小时',
    medianResolution: '1–3 天',
  };

  it('has the Chinese headers, then one line per row with the rate in whole percent and the stars to one decimal', () => {
    expect(statsCsv([row])).toBe(
      `${CSV_BOM}月份,维度,名称,收到,已解决,重新处理,重新处理率,满意度（星）,评价数,首次响应中位,解决用时中位\r\n` +
        `2026-10,类别,噪音扰民,12,8,1,13%,4.3,4,1–4 小时,1–3 天\r\n`,
    );
  });

  it('leaves a rate, a satisfaction and medians empty when there are none (0 is a rate, not nothing)', () => {
    const bare: StatRow = { month: '2026-11', dimension: 'all', value: '全部', received: 3, resolved: 0, reopened: 0, ratings: 0 };
    const zero: StatRow = { ...bare, dimension: 'branch', value: '第一党支部', resolved: 2, reopenRate: 0 };
    const lines = statsCsv([bare, zero, { ...bare, dimension: 'compound', value: '青年新苑' }]).split('\r\n');
    expect(lines.slice(1)).toEqual(['2026-11,全部,全部,3,0,0,,,0,,', '2026-11,党支部,第一党支部,3,2,0,0%,,0,,', '2026-11,小区,青年新苑,3,0,0,,,0,,', '']);
  });
});

describe('when a first answer is due', () => {
  it.each(FEEDBACK_CATEGORIES.map((c) => [c, RESPONSE_TARGET_HOURS[c]] as const))('%s: %i hours after it was sent', (category, hours) => {
    expect(responseDueAt(category, '2026-11-20T08:00:00.000Z')).toBe(new Date(Date.UTC(2026, 10, 20, 8 + hours)).toISOString());
  });

  it('per category: safety 4 hours; environment, facilities and noise a day; property, neighbours and livelihood two; other three', () => {
    expect(RESPONSE_TARGET_HOURS).toEqual({ safety: 4, environment: 24, facilities: 24, noise: 24, property: 48, neighbours: 48, livelihood: 48, other: 72 });
  });
});

describe('a phone number as others see it', () => {
  it.each([
    ['13812345678', '138****5678'],
    // 7 characters are the fewest that keep a head and a tail apart
    ['1234567', '123****4567'],
    ['123456', '****'],
    ['', '****'],
  ])('%s → %s', (phone, shown) => {
    expect(maskPhone(phone)).toBe(shown);
  });
});

describe('reply templates', () => {
  it('offers two sentences for each status staff move into with a reply, and none for the others', () => {
    expect(Object.keys(FEEDBACK_REPLY_TEMPLATES).sort()).toEqual(['accepted', 'in_progress', 'rejected', 'resolved']);
    for (const templates of Object.values(FEEDBACK_REPLY_TEMPLATES)) {
      expect(templates).toHaveLength(2);
      // plain Chinese sentences a resident reads, ending in a full stop
      for (const t of templates!) expect(t).toMatch(/^\p{Script=Han}.{8,}。$/u);
    }
  });
});
