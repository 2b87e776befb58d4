import { decodeCursor, encodeCursor } from '../../../functions/src/db/cursor';
import { communityKey } from '../../../functions/src/db/keys';
import { keys as feedbackKeys } from '../../../functions/src/feedback/store';
import { keys as identityKeys } from '../../../functions/src/identity/store';
import { HttpProblem } from '../../../functions/src/http/problem';

describe('keys', () => {
  it('start with the community, so one deployment can serve many communities', () => {
    expect(communityKey('baogong-qingnian', 'FB', 'x')).toBe('C#baogong-qingnian#FB#x');
    expect(feedbackKeys.item('c1', 'f1').pk).toMatch(/^C#c1#/);
    expect(feedbackKeys.byReporter('c1', 'u1')).toMatch(/^C#c1#/);
    expect(feedbackKeys.byStatus('c1', 'submitted')).toMatch(/^C#c1#/);
    expect(identityKeys.user('c1', 'u1').pk).toMatch(/^C#c1#/);
    expect(identityKeys.login('c1', 'staff', 'admin').pk).toMatch(/^C#c1#/);
  });

  it('keep the two communities apart', () => {
    expect(feedbackKeys.byStatus('a', 'submitted')).not.toBe(feedbackKeys.byStatus('b', 'submitted'));
  });
});

describe('pagination cursors', () => {
  const expect_ = { attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition: { name: 'gsi1pk', value: 'C#c1#REPORTER#u1' } };
  const lastKey = { pk: 'C#c1#FB#1', sk: 'FB', gsi1pk: 'C#c1#REPORTER#u1', gsi1sk: '2026#1' };

  it('round-trip a DynamoDB key as an opaque URL-safe string', () => {
    const cursor = encodeCursor(lastKey)!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, expect_)).toEqual(lastKey);
  });

  it('say there is no next page when DynamoDB has no last key', () => {
    expect(encodeCursor(undefined)).toBeNull();
    expect(decodeCursor(undefined, expect_)).toBeUndefined();
  });

  it.each([
    ['garbage', 'bm90IGpzb24'],
    ['another list', encodeCursor({ ...lastKey, gsi1pk: 'C#c1#REPORTER#someone-else' })!],
    ['another community', encodeCursor({ ...lastKey, gsi1pk: 'C#c2#REPORTER#u1' })!],
    ['extra attributes', encodeCursor({ ...lastKey, admin: 'true' })!],
    ['non-string values', encodeCursor({ ...lastKey, sk: 5 })!],
    ['an array', encodeCursor([1] as never)!],
  ])('refuse %s with a 400', (_, cursor) => {
    expect(() => decodeCursor(cursor, expect_)).toThrow(HttpProblem);
  });
});
