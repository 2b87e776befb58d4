/**
 * Red stewards' work through the API (issue 12): the committee puts households on stewards' lists; a steward
 * records visits and help for their own households and links feedback logged from a visit's needs; "overdue" and
 * coverage follow the committee's interval. Each route: valid, bad input, no token, the wrong role, another
 * steward's household, another community. The store is checked, not only the replies.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { api } from '../../shared/api';
import type { UploadTicket } from '../../shared/api/uploads';
import { s3, uploadsBucket } from '../../functions/src/uploads/client';
import { aFeedback, Harness, isProblem } from '../support/harness';
import { expectStatus, person, type Person } from './council-fixtures';

const { stewards } = api;
let h: Harness;
let committee: string;
let zhao: Person;
let qian: Person;
let resident: Person;

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await Harness.start();
  committee = await h.staff();
  [zhao, qian, resident] = await Promise.all([person('赵红梅', ['steward']), person('钱卫国', ['steward']), person('孙居民')]);
}, 60_000);
afterAll(() => h.close());

const problem = (r: { status: number; body: any; headers: Headers }, status: number, type?: string) => {
  expect(isProblem(r as never, status)).toBe(true);
  if (type) expect(r.body.type).toBe(`urn:gongzhi:problem:${type}`);
};

const aHousehold = (stewardId: string, overrides: Record<string, unknown> = {}) => ({
  compound: '青年新苑',
  building: '12栋',
  unit: '2单元',
  room: '301',
  name: '张桂兰',
  labels: ['living-alone'],
  stewardId,
  ...overrides,
});

const newHousehold = async (stewardId: string, overrides: Record<string, unknown> = {}) =>
  expectStatus(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(stewardId, overrides) }), 201);

const aVisit = (overrides: Record<string, unknown> = {}) => ({ date: today(), metWith: '本人', discussed: '身体还好，冬天暖气不热。', needs: '暖气片需要检修', ...overrides });

/** The stewards table's items as stored (without index keys). */
const storedItems = async () => ((await h.snapshot()).stewards ?? []) as Record<string, { S?: string; N?: string; SS?: string[] }>[];

describe('households', () => {
  it('the committee puts a household on a steward’s list; it waits for its first visit from today', async () => {
    const made = await newHousehold(zhao.userId);
    expect(made).toMatchObject({
      compound: '青年新苑',
      address: '12栋 2单元 301',
      name: '张桂兰',
      labels: ['living-alone'],
      steward: { id: zhao.userId, name: '赵红梅' },
      visitCount: 0,
      daysWaiting: 0,
      overdue: false,
      version: 1,
    });
    // the committee's list masks the name; the steward's has it
    const listed = expectStatus(await h.call(stewards.listHouseholds, { token: committee, query: { stewardId: zhao.userId } }), 200);
    expect(listed.items.find((i: { id: string }) => i.id === made.id)).toMatchObject({ name: '张**', labels: ['living-alone'] });
    const mine = expectStatus(await h.call(stewards.listMyHouseholds, { token: zhao.token }), 200);
    expect(mine.items.find((i: { id: string }) => i.id === made.id)).toMatchObject({ name: '张桂兰' });
    // and not on another steward's list
    expect(expectStatus(await h.call(stewards.listMyHouseholds, { token: qian.token }), 200).items.map((i: { id: string }) => i.id)).not.toContain(made.id);
  });

  it('refuses a steward who is not one, bad input, the wrong roles — and writes nothing', async () => {
    const before = (await storedItems()).length;
    problem(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(resident.userId) }), 422, 'unknown-steward');
    problem(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(zhao.userId, { name: '', labels: ['rich'] }) }), 400);
    problem(await h.call(stewards.createHousehold, { body: aHousehold(zhao.userId) }), 401);
    problem(await h.call(stewards.createHousehold, { token: zhao.token, body: aHousehold(zhao.userId) }), 403);
    problem(await h.call(stewards.createHousehold, { token: resident.token, body: aHousehold(zhao.userId) }), 403);
    expect((await storedItems()).length).toBe(before);
  });

  it('names and labels at their limits: 20 characters of name fit, 21 do not', async () => {
    expectStatus(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(zhao.userId, { name: '张'.repeat(20) }) }), 201);
    problem(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(zhao.userId, { name: '张'.repeat(21) }) }), 400);
    problem(await h.call(stewards.createHousehold, { token: committee, body: aHousehold(zhao.userId, { labels: ['hardship', 'hardship'] }) }), 400);
  });

  it('the committee moves a household to another steward, with the version read; a stale version changes nothing', async () => {
    const made = await newHousehold(zhao.userId, { name: '李奶奶' });
    const moved = expectStatus(
      await h.call(stewards.updateHousehold, { token: committee, params: { id: made.id }, body: { ...aHousehold(qian.userId, { name: '李奶奶', unit: '' }), version: 1 } }),
      200,
    );
    expect(moved).toMatchObject({ steward: { id: qian.userId, name: '钱卫国' }, address: '12栋 301', version: 2 });
    expect(moved.unit).toBeUndefined();
    problem(await h.call(stewards.updateHousehold, { token: committee, params: { id: made.id }, body: { ...aHousehold(zhao.userId), version: 1 } }), 409, 'stale-version');
    // the old steward no longer finds it; the new one does
    problem(await h.call(stewards.getHousehold, { token: zhao.token, params: { id: made.id } }), 404);
    expect(expectStatus(await h.call(stewards.getHousehold, { token: qian.token, params: { id: made.id } }), 200).household.name).toBe('李奶奶');
  });
});

describe('visits and help', () => {
  it('its steward records a visit: the household counts it and its wait starts again', async () => {
    const made = await newHousehold(zhao.userId, { name: '王大爷' });
    const record = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit() }), 201);
    expect(record.household).toMatchObject({ lastVisitDate: today(), visitCount: 1, daysWaiting: 0, overdue: false });
    expect(record.visits).toEqual([expect.objectContaining({ metWith: '本人', needs: '暖气片需要检修', stewardName: '赵红梅', feedbackIds: [] })]);

    // a visit recorded late counts, but does not move the last visit back
    const late = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ date: daysAgo(10), needs: '' }) }), 201);
    expect(late.household).toMatchObject({ lastVisitDate: today(), visitCount: 2 });
    expect(late.visits.map((v: { date: string }) => v.date)).toEqual([today(), daysAgo(10)]);
  });

  it('a retry with the same Idempotency-Key records the visit once', async () => {
    const made = await newHousehold(zhao.userId, { name: '周奶奶' });
    const headers = { 'idempotency-key': 'visit-retry-0001' };
    const [a, b] = await Promise.all([0, 1].map(() => h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit(), headers })));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    const record = expectStatus(await h.call(stewards.getHousehold, { token: zhao.token, params: { id: made.id } }), 200);
    expect(record.visits).toHaveLength(1);
    expect(record.household.visitCount).toBe(1);
  });

  it('refuses a visit in the future, another steward’s household, residents, staff and no token — writing nothing', async () => {
    const made = await newHousehold(zhao.userId, { name: '吴爷爷' });
    const before = (await storedItems()).length;
    problem(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ date: daysAgo(-1) }) }), 422, 'date-in-future');
    problem(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ metWith: '' }) }), 400);
    problem(await h.call(stewards.recordVisit, { token: qian.token, params: { id: made.id }, body: aVisit() }), 404);
    problem(await h.call(stewards.recordVisit, { token: resident.token, params: { id: made.id }, body: aVisit() }), 403);
    problem(await h.call(stewards.recordVisit, { token: committee, params: { id: made.id }, body: aVisit() }), 403);
    problem(await h.call(stewards.recordVisit, { params: { id: made.id }, body: aVisit() }), 401);
    expect((await storedItems()).length).toBe(before);
  });

  it('its steward records help with hours (counted in half hours); limits at 24 and 24.5', async () => {
    const made = await newHousehold(zhao.userId, { name: '郑阿姨', labels: ['hardship'] });
    const help = { kind: 'mediation', date: today(), whatWasDone: '调解楼上楼下漏水纠纷', hours: 1.2 };
    const record = expectStatus(await h.call(stewards.recordHelp, { token: zhao.token, params: { id: made.id }, body: help }), 201);
    expect(record.help).toEqual([expect.objectContaining({ kind: 'mediation', hours: 1, whatWasDone: '调解楼上楼下漏水纠纷' })]);
    expectStatus(await h.call(stewards.recordHelp, { token: zhao.token, params: { id: made.id }, body: { ...help, hours: 24 } }), 201);
    problem(await h.call(stewards.recordHelp, { token: zhao.token, params: { id: made.id }, body: { ...help, hours: 24.5 } }), 400);
    problem(await h.call(stewards.recordHelp, { token: zhao.token, params: { id: made.id }, body: { ...help, kind: 'gossip' } }), 400);
    problem(await h.call(stewards.recordHelp, { token: qian.token, params: { id: made.id }, body: help }), 404);
  });

  it('a need found on a visit, logged as feedback for the resident, is linked to the visit — only the steward’s own', async () => {
    const made = await newHousehold(zhao.userId, { name: '冯奶奶' });
    const visited = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit() }), 201);
    const visitId = visited.visits[0].id as string;
    const logged = expectStatus(
      await h.call(api.feedback.submitFeedback, { token: zhao.token, body: aFeedback({ title: '暖气片需要检修', onBehalf: { channel: 'visit' } }) }),
      201,
    );
    const linked = expectStatus(await h.call(stewards.linkVisitFeedback, { token: zhao.token, params: { id: made.id }, body: { visitId, feedbackId: logged.id } }), 200);
    expect(linked.visits[0].feedbackIds).toEqual([logged.id]);
    // twice is once
    expectStatus(await h.call(stewards.linkVisitFeedback, { token: zhao.token, params: { id: made.id }, body: { visitId, feedbackId: logged.id } }), 200);

    const someoneElses = expectStatus(await h.call(api.feedback.submitFeedback, { token: resident.token, body: aFeedback() }), 201);
    problem(await h.call(stewards.linkVisitFeedback, { token: zhao.token, params: { id: made.id }, body: { visitId, feedbackId: someoneElses.id } }), 422, 'unknown-feedback');
    problem(await h.call(stewards.linkVisitFeedback, { token: qian.token, params: { id: made.id }, body: { visitId, feedbackId: logged.id } }), 404);
    problem(await h.call(stewards.linkVisitFeedback, { token: zhao.token, params: { id: made.id }, body: { visitId: '00000000-0000-4000-8000-000000000000', feedbackId: logged.id } }), 404);
    expect(expectStatus(await h.call(stewards.getHousehold, { token: zhao.token, params: { id: made.id } }), 200).visits[0].feedbackIds).toEqual([logged.id]);
  });
});

describe('photos on a visit', () => {
  const jpeg = (size = 20_000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]), randomBytes(size - 6)]);
  const ticket = async (token: string): Promise<UploadTicket> => expectStatus(await h.call(stewards.createVisitPhotoUpload, { token }), 201);
  /** What the phone sends: the ticket's fields, then the file as `file`; the key to send with the visit. */
  const uploaded = async (token: string, bytes = jpeg()): Promise<string> => {
    const t = await ticket(token);
    const form = new FormData();
    for (const [k, v] of Object.entries(t.fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)]), 'photo');
    expect((await fetch(t.url.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', body: form })).status).toBe(204);
    return t.key;
  };
  const exists = async (key: string) => {
    try {
      await s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: key }));
      return true;
    } catch {
      return false;
    }
  };
  const storedKeyOf = (incoming: string) => `stored/${incoming.split('/')[1]}/visit-photo/${incoming.split('/')[3]}`;
  const fetched = async (url: string) => {
    const r = await fetch(url.replace('//localhost:', '//127.0.0.1:'));
    return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
  };

  it('a ticket is the steward’s own, for a visit photo; residents, staff and no token get none', async () => {
    const t = await ticket(zhao.token);
    expect(t.key).toMatch(new RegExp(`^incoming/baogong-qingnian/${zhao.userId}/[0-9a-f-]{36}$`));
    expect(t).toMatchObject({ maxBytes: 5 * 1024 * 1024, allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] });
    problem(await h.call(stewards.createVisitPhotoUpload, { token: resident.token }), 403);
    problem(await h.call(stewards.createVisitPhotoUpload, { token: committee }), 403);
    problem(await h.call(stewards.createVisitPhotoUpload, {}), 401);
  });

  it('its steward attaches a photo; it is moved to stored/ and shown as a signed URL to the steward and staff', async () => {
    const made = await newHousehold(zhao.userId, { name: '钟奶奶' });
    const bytes = jpeg();
    const key = await uploaded(zhao.token, bytes);
    const record = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ photos: [key] }) }), 201);
    expect(record.visits[0].photos).toEqual([{ url: expect.stringContaining('/s3/gongzhi-uploads/stored/baogong-qingnian/visit-photo/'), contentType: 'image/jpeg' }]);
    expect(await exists(key)).toBe(false);
    expect(await exists(storedKeyOf(key))).toBe(true);
    // the stored visit keeps the stored key, never a URL; the key drops the steward's id
    const visit = (await storedItems()).find((i) => i.id?.S === record.visits[0].id)!;
    expect(JSON.stringify(visit)).toContain(storedKeyOf(key));
    expect(JSON.stringify(visit)).not.toContain('X-Amz');

    for (const token of [zhao.token, committee]) {
      const seen = expectStatus(await h.call(stewards.getHousehold, { token, params: { id: made.id } }), 200);
      const url = new URL(seen.visits[0].photos[0].url);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
      expect(url.pathname).not.toContain(zhao.userId);
      const got = await fetched(seen.visits[0].photos[0].url);
      expect(got).toMatchObject({ status: 200, type: 'image/jpeg' });
      expect(got.bytes.equals(bytes)).toBe(true);
    }
    // a visit without photos has none; lists carry none
    const plain = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ date: daysAgo(1) }) }), 201);
    expect(plain.visits.find((v: { date: string }) => v.date === daysAgo(1)).photos).toEqual([]);
    const mine = expectStatus(await h.call(stewards.listMyHouseholds, { token: zhao.token, query: { limit: 50 } }), 200);
    expect(JSON.stringify(mine)).not.toContain('/s3/');
  });

  it('a retry with the same Idempotency-Key and photos records the visit once, photos and all', async () => {
    const made = await newHousehold(zhao.userId, { name: '蒋爷爷' });
    const keys = await Promise.all([uploaded(zhao.token), uploaded(zhao.token)]);
    const headers = { 'idempotency-key': `visit-photos-${randomUUID()}` };
    const first = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ photos: keys }), headers }), 201);
    const again = expectStatus(await h.call(stewards.recordVisit, { token: zhao.token, params: { id: made.id }, body: aVisit({ photos: keys }), headers }), 201);
    expect(again.visits).toHaveLength(1);
    expect(again.visits[0].id).toBe(first.visits[0].id);
    expect(again.visits[0].photos).toHaveLength(2);
    expect(again.household.visitCount).toBe(1);
  });

  /** Records a visit that must be refused with 400 naming `photos.<i>`: nothing written, nothing moved. */
  const refused = async (token: string, householdId: string, photos: string[], paths: string[], stillIncoming: string[]) => {
    const before = await h.snapshot();
    const r = await h.call(stewards.recordVisit, { token, params: { id: householdId }, body: aVisit({ photos }) });
    problem(r, 400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await h.snapshot()).toEqual(before);
    for (const key of stillIncoming) {
      expect(await exists(key)).toBe(true);
      expect(await exists(storedKeyOf(key))).toBe(false);
    }
  };

  it('refuses another user’s upload, a key nothing was uploaded with, a text file, a bad key, four photos — writing nothing, moving nothing', async () => {
    const made = await newHousehold(zhao.userId, { name: '沈奶奶' });
    const own = await uploaded(zhao.token);
    const theirs = await uploaded(qian.token);
    await refused(zhao.token, made.id, [own, theirs], ['photos.1'], [own, theirs]);
    const { key: empty } = await ticket(zhao.token);
    await refused(zhao.token, made.id, [empty], ['photos.0'], []);
    const text = await uploaded(zhao.token, Buffer.from('这不是照片。'.repeat(50)));
    await refused(zhao.token, made.id, [text], ['photos.0'], [text]);
    await refused(zhao.token, made.id, [own, own], ['photos.1'], [own]);
    await refused(zhao.token, made.id, ['stored/baogong-qingnian/visit-photo/00000000-0000-4000-8000-000000000000'], ['photos.0'], [own]);
    await refused(zhao.token, made.id, [own, own, own, own], ['photos'], [own]);
    // another steward's household: 404 before any photo is looked at
    const own2 = await uploaded(qian.token);
    const snap = await h.snapshot();
    problem(await h.call(stewards.recordVisit, { token: qian.token, params: { id: made.id }, body: aVisit({ photos: [own2] }) }), 404);
    expect(await h.snapshot()).toEqual(snap);
    expect(await exists(own2)).toBe(true);
  });

  it('another community: its steward’s own upload does not reach a household here, and their key is refused here', async () => {
    const made = await newHousehold(zhao.userId, { name: '韩奶奶' });
    const outsider = await person('外社区小管家', ['steward'], 'other-community');
    const t = expectStatus(await h.call(stewards.createVisitPhotoUpload, { token: outsider.token }), 201);
    expect(t.key).toMatch(/^incoming\/other-community\//);
    const form = new FormData();
    for (const [k, v] of Object.entries(t.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(jpeg())]), 'photo');
    expect((await fetch(t.url.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', body: form })).status).toBe(204);
    const snap = await h.snapshot();
    problem(await h.call(stewards.recordVisit, { token: outsider.token, params: { id: made.id }, body: aVisit({ photos: [t.key] }) }), 404);
    expect(await h.snapshot()).toEqual(snap);
    // the key of the other community, sent by a steward here, is not theirs
    await refused(zhao.token, made.id, [t.key], ['photos.0'], [t.key]);
    problem(await h.call(stewards.getHousehold, { token: outsider.token, params: { id: made.id } }), 404);
  });
});

describe('records, privacy and the audit trail', () => {
  it('staff read a household’s record, and each read is on the audit trail; another community finds nothing', async () => {
    const made = await newHousehold(zhao.userId, { name: '何奶奶', labels: ['disability'] });
    const record = expectStatus(await h.call(stewards.getHousehold, { token: committee, params: { id: made.id } }), 200);
    expect(record.household).toMatchObject({ name: '何奶奶', labels: ['disability'] });
    const month = new Date().toISOString().slice(0, 7);
    const admin = await h.staff('admin', 'Admin@2026');
    const trail = expectStatus(await h.call(api.identity.listAuditTrail, { token: admin, query: { month } }), 200);
    const reads = trail.items.filter((e: { action: string; target?: { id: string } }) => e.action === 'household-read' && e.target?.id === made.id);
    expect(reads).toHaveLength(1);
    // the trail names the act and the household's id, never who lives there or why
    expect(JSON.stringify(trail.items)).not.toContain('何奶奶');

    const outsider = await person('外社区工作人员', ['committee'], 'other-community');
    problem(await h.call(stewards.getHousehold, { token: outsider.token, params: { id: made.id } }), 404);
    problem(await h.call(stewards.updateHousehold, { token: outsider.token, params: { id: made.id }, body: { ...aHousehold(zhao.userId), version: 1 } }), 404);
    expect(expectStatus(await h.call(stewards.listHouseholds, { token: outsider.token }), 200).items).toEqual([]);
  });
});

describe('overdue, the steward’s month and coverage', () => {
  it('follow the committee’s interval; coverage adds up per steward and per compound', async () => {
    const settings = expectStatus(await h.call(stewards.getStewardSettings, { token: committee }), 200);
    expect(settings.intervalDays).toBe(30);
    // a long-visited household: its last visit 20 days ago (not overdue at 30 days, overdue at 14)
    const old = await newHousehold(qian.userId, { compound: '测试小区', name: '陈爷爷' });
    expectStatus(await h.call(stewards.recordVisit, { token: qian.token, params: { id: old.id }, body: aVisit({ date: daysAgo(20) }) }), 201);
    expectStatus(await h.call(stewards.recordHelp, { token: qian.token, params: { id: old.id }, body: { kind: 'livelihood', date: today(), whatWasDone: '代购药品', hours: 1.5 } }), 201);
    expect(expectStatus(await h.call(stewards.getHousehold, { token: qian.token, params: { id: old.id } }), 200).household).toMatchObject({ daysWaiting: 20, overdue: false });

    problem(await h.call(stewards.updateStewardSettings, { token: committee, body: { intervalDays: 6, version: settings.version } }), 400);
    problem(await h.call(stewards.updateStewardSettings, { token: committee, body: { intervalDays: 181, version: settings.version } }), 400);
    problem(await h.call(stewards.updateStewardSettings, { token: zhao.token, body: { intervalDays: 14, version: settings.version } }), 403);
    const changed = expectStatus(await h.call(stewards.updateStewardSettings, { token: committee, body: { intervalDays: 14, version: settings.version } }), 200);
    expect(changed).toEqual({ intervalDays: 14, version: settings.version + 1 });
    problem(await h.call(stewards.updateStewardSettings, { token: committee, body: { intervalDays: 7, version: settings.version } }), 409, 'stale-version');

    expect(expectStatus(await h.call(stewards.getHousehold, { token: qian.token, params: { id: old.id } }), 200).household).toMatchObject({ daysWaiting: 20, overdue: true });
    const overdue = expectStatus(await h.call(stewards.listHouseholds, { token: committee, query: { overdue: 'true', stewardId: qian.userId } }), 200);
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([old.id]);

    const summary = expectStatus(await h.call(stewards.getMyStewardSummary, { token: qian.token }), 200);
    expect(summary).toMatchObject({ overdue: 1, intervalDays: 14 });
    expect(summary.thisMonth.help).toBe(1);
    expect(summary.thisMonth.helpHours).toBe(1.5);

    const coverage = expectStatus(await h.call(stewards.getStewardCoverage, { token: committee }), 200);
    const rowOf = (id: string) => coverage.stewards.find((s: { steward: { id: string } }) => s.steward.id === id);
    expect(rowOf(qian.userId)).toMatchObject({ overdue: 1, lastVisitDate: daysAgo(20) });
    const sum = (k: 'households' | 'overdue') => coverage.stewards.reduce((n: number, s: Record<string, number>) => n + s[k]!, 0);
    expect(sum('households')).toBe(coverage.totals.households);
    expect(sum('overdue')).toBe(coverage.totals.overdue);
    expect(coverage.compounds.find((c: { compound: string }) => c.compound === '测试小区')).toMatchObject({ households: 1, overdue: 1, help: 1 });

    const file = expectStatus(await h.call(stewards.exportStewardCoverage, { token: committee }), 200);
    expect(file.csv.startsWith('\uFEFF红色小管家,负责户数,超过 14 天未走访')).toBe(true);
    expect(file.csv).toContain('钱卫国');
    expect(file.csv).not.toContain('陈爷爷');
    problem(await h.call(stewards.getStewardCoverage, { token: zhao.token }), 403);
    // back to the usual interval for the tests after this one
    expectStatus(await h.call(stewards.updateStewardSettings, { token: committee, body: { intervalDays: 30, version: changed.version } }), 200);
  });
});

describe('the demo', () => {
  it('has the 20 red stewards each looking after three households, visited about monthly, a few overdue', async () => {
    const coverage = expectStatus(await h.call(stewards.getStewardCoverage, { token: committee }), 200);
    const demo = coverage.stewards.filter((s: { steward: { id: string } }) => ![zhao.userId, qian.userId].includes(s.steward.id));
    expect(demo).toHaveLength(20);
    expect(demo.every((s: { households: number }) => s.households === 3)).toBe(true);
    const overdue = demo.reduce((n: number, s: { overdue: number }) => n + s.overdue, 0);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(20);
    // and a steward signs in to their own households, names whole
    const liu = await h.resident('刘玉兰');
    const mine = expectStatus(await h.call(stewards.listMyHouseholds, { token: liu }), 200);
    expect(mine.items).toHaveLength(3);
    expect(mine.items.every((i: { name: string }) => !i.name.includes('*'))).toBe(true);
    const record = expectStatus(await h.call(stewards.getHousehold, { token: liu, params: { id: mine.items[0].id } }), 200);
    expect(record.visits.length).toBe(3);
  });
});

