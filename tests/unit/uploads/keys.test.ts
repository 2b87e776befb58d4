/**
 * Upload keys: whose an incoming key is (the check before the server touches an object), where a checked upload
 * is kept, and the IAM scopes that follow from both.
 */
import { IncomingKey, StoredKey, UPLOAD_CONTENT_TYPES } from '../../../shared/api/uploads';
import { incomingKey, isOwnIncomingKey, parseIncomingKey, storedKeyFor, uploadGrants } from '../../../functions/src/uploads/keys';
import { UPLOAD_PURPOSES, largestAllowed, rulesForType, type PurposeRules, type UploadPurpose } from '../../../functions/src/uploads/purposes';

const me = { communityId: 'baogong-qingnian', userId: '0b6f1c1e-3a52-4b8e-9d0f-6a1d2b3c4d5e' };
const id = '7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
const mine = `incoming/${me.communityId}/${me.userId}/${id}`;

describe('incoming keys', () => {
  it('are built from community, user and a uuid, and read back the same', () => {
    expect(incomingKey({ ...me, id })).toBe(mine);
    expect(parseIncomingKey(mine)).toEqual({ ...me, id });
    expect(IncomingKey.safeParse(mine).success).toBe(true);
  });

  it.each<[string, string, boolean]>([
    ['my own upload', mine, true],
    ["a neighbour's upload", `incoming/${me.communityId}/1a2b3c4d-0000-4000-8000-000000000000/${id}`, false],
    ['my user id in another community', `incoming/other-community/${me.userId}/${id}`, false],
    ['a stored object', `stored/${me.communityId}/feedback-photo/${id}`, false],
    ['a path that climbs out', `incoming/${me.communityId}/${me.userId}/../${id}`, false],
    ['a key one folder deeper', `incoming/${me.communityId}/${me.userId}/x/${id}`, false],
    ['no uuid', `incoming/${me.communityId}/${me.userId}/`, false],
    ['an upper-case uuid', `incoming/${me.communityId}/${me.userId}/${id.toUpperCase()}`, false],
    ['a leading slash', `/${mine}`, false],
    ['trailing text', `${mine}.jpg`, false],
    ['a URL instead of a key', `https://bucket.s3.amazonaws.com/${mine}`, false],
    ['nothing', '', false],
  ])('%s → owned: %s', (_, key, owned) => {
    expect(isOwnIncomingKey(key, me)).toBe(owned);
  });
});

describe('stored keys', () => {
  it('keep the upload’s uuid under its community and purpose, so a retry finds what it moved', () => {
    const stored = storedKeyFor({ ...me, id }, 'feedback-photo');
    expect(stored).toBe(`stored/${me.communityId}/feedback-photo/${id}`);
    expect(StoredKey.safeParse(stored).success).toBe(true);
    // …and drop the user id: a signed URL shows the key, and it should not name the reporter.
    expect(stored).not.toContain(me.userId);
  });

  it('are never incoming keys, nor the other way round', () => {
    expect(IncomingKey.safeParse(storedKeyFor({ ...me, id }, 'feedback-photo')).success).toBe(false);
    expect(StoredKey.safeParse(mine).success).toBe(false);
  });
});

describe('purposes', () => {
  it.each(Object.entries(UPLOAD_PURPOSES))('%s: a key folder name, limits, known types and a message per refusal', (name, rules) => {
    expect(StoredKey.safeParse(storedKeyFor({ ...me, id }, name as UploadPurpose)).success).toBe(true);
    expect(rules.maxBytes).toBeGreaterThan(0);
    const pdf: PurposeRules['pdf'] = 'pdf' in rules ? rules.pdf : undefined;
    for (const kind of [rules, ...(pdf ? [pdf] : [])]) {
      expect(kind.maxBytes).toBeGreaterThan(0);
      for (const type of kind.types) {
        expect(UPLOAD_CONTENT_TYPES).toContain(type);
        expect(type.startsWith(kind.declaredTypePrefix)).toBe(true);
      }
    }
    for (const message of Object.values(rules.messages)) expect(message).toMatch(/\p{Script=Han}/u);
  });

  it('feedback photos: JPEG, PNG, WebP and HEIC/HEIF, at most 5 MiB', () => {
    expect(UPLOAD_PURPOSES['feedback-photo']).toMatchObject({
      maxBytes: 5 * 1024 * 1024,
      types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    });
    expect(rulesForType(UPLOAD_PURPOSES['feedback-photo'], 'application/pdf')).toBeUndefined();
  });

  it('scoring evidence: photos up to 10 MiB, and PDF documents up to 20 MiB under their own limit', () => {
    const rules: PurposeRules = UPLOAD_PURPOSES['scoring-evidence'];
    expect(rulesForType(rules, 'image/jpeg')?.maxBytes).toBe(10 * 1024 * 1024);
    expect(rulesForType(rules, 'application/pdf')).toEqual({ maxBytes: 20 * 1024 * 1024, types: ['application/pdf'], declaredTypePrefix: 'application/pdf' });
    expect(largestAllowed(rules)).toBe(20 * 1024 * 1024);
    // the other purposes stay photos only
    for (const purpose of ['feedback-photo', 'visit-photo'] as const) expect(rulesForType(UPLOAD_PURPOSES[purpose], 'application/pdf')).toBeUndefined();
  });
});

describe('uploadGrants', () => {
  it('gives a context without purposes nothing', () => {
    expect(uploadGrants([])).toEqual([]);
  });

  it('gives incoming/* what checking and moving calls, and stored/*/<purpose>/* what copying and showing call', () => {
    expect(uploadGrants(['feedback-photo'])).toEqual([
      { actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], keyPattern: 'incoming/*' },
      { actions: ['s3:PutObject', 's3:GetObject'], keyPattern: 'stored/*/feedback-photo/*' },
    ]);
  });
});
