/** Reference numbers, call-back phones only the committee sees whole, and stewards logging for residents with consent. */
import { api } from '../../shared/api';
import { aFeedback, Harness, isProblem } from '../support/harness';

const { feedback, identity } = api;
let h: Harness;
let resident: string;
let steward: string;
let committee: string;
beforeAll(async () => {
  h = await Harness.start();
  [resident, steward, committee] = await Promise.all([h.resident('电话居民'), h.resident('杨秀珍'), h.staff()]);
});
afterAll(() => h.close());

const submit = (token: string, overrides: object) => h.call(feedback.submitFeedback, { token, body: { ...aFeedback(), ...overrides } });

describe('a reference number residents can quote', () => {
  it('numbers each report of the day in turn', async () => {
    const a = (await submit(resident, {})).body;
    const b = (await submit(resident, {})).body;
    expect(a.ref).toMatch(/^\d{8}-\d{3}$/);
    const [dayA, nA] = a.ref.split('-');
    const [dayB, nB] = b.ref.split('-');
    expect(dayB).toBe(dayA);
    expect(Number(nB)).toBeGreaterThan(Number(nA));
    const mine = await h.call(feedback.listMyFeedback, { token: resident, query: { limit: 5 } });
    expect(mine.body.items.find((i: { id: string }) => i.id === a.id).ref).toBe(a.ref);
  });
});

describe('a call-back phone', () => {
  it('is whole for the committee and masked for everyone else, its reporter included', async () => {
    const f = (await submit(resident, { phone: '13812345678' })).body;
    expect(f.phone).toBe('138****5678');
    expect((await h.call(feedback.getFeedback, { token: resident, params: { id: f.id } })).body.phone).toBe('138****5678');
    expect((await h.call(feedback.getFeedback, { token: committee, params: { id: f.id } })).body.phone).toBe('13812345678');
  });

  it.each(['1381234567', '138123456789', '23812345678', '1381234567x'])('%s is refused (400), nothing written', async (phone) => {
    const before = await h.snapshot();
    const r = await submit(resident, { phone });
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'phone', message: '请填写 11 位手机号码' })]);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('a red steward logs a problem heard face to face, for a resident', () => {
  it('records who (with consent) and how, marks it in the timeline, and masks the number for the steward', async () => {
    const r = await submit(steward, { onBehalf: { name: '赵奶奶', phone: '13912345678', channel: 'visit', consent: true } });
    expect(r.status).toBe(201);
    expect(r.body.onBehalf).toEqual({ name: '赵奶奶', phone: '139****5678', channel: 'visit', consentRecordedAt: r.body.createdAt });
    expect(r.body.history[0]).toMatchObject({ byRole: 'steward', byName: '杨秀珍', note: '代居民记录（走访入户）' });
    const staffView = await h.call(feedback.getFeedback, { token: committee, params: { id: r.body.id } });
    expect(staffView.body.onBehalf.phone).toBe('13912345678');
  });

  it('may leave the resident anonymous: no name, no number, no consent needed', async () => {
    const r = await submit(steward, { onBehalf: { channel: 'stand' } });
    expect(r.status).toBe(201);
    expect(r.body.onBehalf).toEqual({ channel: 'stand' });
  });

  it('refuses a name or number without the resident’s consent (400), writing nothing', async () => {
    const before = await h.snapshot();
    for (const onBehalf of [{ name: '赵奶奶', channel: 'visit' }, { phone: '13912345678', channel: 'phone', consent: false }]) {
      const r = await submit(steward, { onBehalf });
      expect(isProblem(r, 400)).toBe(true);
      expect(r.body.errors).toEqual([expect.objectContaining({ path: 'onBehalf.consent', message: '记录居民姓名或电话前，请先征得本人同意' })]);
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it('takes a name of 20 characters, not 21', async () => {
    expect((await submit(steward, { onBehalf: { name: '名'.repeat(20), channel: 'visit', consent: true } })).status).toBe(201);
    expect((await submit(steward, { onBehalf: { name: '名'.repeat(21), channel: 'visit', consent: true } })).status).toBe(400);
  });

  it('is for stewards only: a resident gets 403 and nothing is written', async () => {
    const before = await h.snapshot();
    const r = await submit(resident, { onBehalf: { channel: 'visit' } });
    expect(isProblem(r, 403)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('the steward finds it among their own reports', async () => {
    const r = await submit(steward, { title: '代记的问题', onBehalf: { channel: 'studio' } });
    const mine = await h.call(feedback.listMyFeedback, { token: steward, query: { limit: 10 } });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
    expect((await h.call(identity.me, { token: steward })).body.roles).toContain('steward');
  });
});
