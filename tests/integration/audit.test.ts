/** Every staff act leaves an entry an admin can read: who, when, what, from where — and nothing personal. */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { hashPassword } from '../../functions/src/identity/passwords';
import { createUserWithLogin, putCommunity } from '../../functions/src/identity/store';
import { aFeedback, Harness, isProblem } from '../support/harness';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await Harness.start();
  admin = await h.staff('admin', 'Admin@2026');
});
afterAll(() => h.close());

const trail = async (query: Record<string, string | number> = { limit: 50 }) => {
  const r = await h.call(api.identity.listAuditTrail, { token: admin, query });
  expect(r.status).toBe(200);
  return r.body.items as { action: string; actorName: string; target?: { kind: string; id: string }; change?: string; sourceIp: string; at: string }[];
};

it("records a staff member's sign-in with who and from where", async () => {
  await h.call(api.identity.staffLogin, { body: { username: 'committee', password: 'Qingnian@2026' }, from: '127.0.0.31' });
  const [latest] = await trail();
  expect(latest).toMatchObject({ action: 'staff-sign-in', actorName: '社区工作人员 陈静', sourceIp: '127.0.0.31' });
});

it('records a feedback transition with its target and the change, and no resident data', async () => {
  const resident = await h.resident('审计测试居民');
  const f = (await h.call(api.feedback.submitFeedback, { token: resident, body: aFeedback({ title: '审计里不该出现的标题' }) })).body;
  const committee = await h.staff();
  await h.call(api.feedback.transitionFeedback, { token: committee, params: { id: f.id }, body: { to: 'accepted', version: 1, note: '收到，马上安排' } });
  const entries = await trail();
  const entry = entries.find((e) => e.target?.id === f.id);
  expect(entry).toMatchObject({ action: 'feedback-transition', actorName: '社区工作人员 陈静', target: { kind: 'feedback', id: f.id }, change: 'submitted → accepted' });
  expect(JSON.stringify(entries)).not.toMatch(/审计里不该出现的标题|审计测试居民|马上安排/);
});

it('records an admin lifting a sign-in slow-down', async () => {
  await h.call(api.identity.unlockSignIn, { token: admin, body: { username: 'committee' } });
  const [latest] = await trail();
  expect(latest).toMatchObject({ action: 'sign-in-unlock', actorName: '系统管理员', target: { kind: 'account', id: 'committee' } });
});

it('lists newest first, a page at a time, one month at a time', async () => {
  const first = await h.call(api.identity.listAuditTrail, { token: admin, query: { limit: 2 } });
  expect(first.body.items).toHaveLength(2);
  expect(first.body.items[0].at >= first.body.items[1].at).toBe(true);
  const second = await h.call(api.identity.listAuditTrail, { token: admin, query: { limit: 2, cursor: first.body.nextCursor } });
  expect(second.body.items.map((e: { at: string }) => e.at).every((at: string) => at <= first.body.items[1].at)).toBe(true);
  expect(await trail({ month: '2020-01' })).toEqual([]);
  expect(isProblem(await h.call(api.identity.listAuditTrail, { token: admin, query: { month: '2026-13' } }), 400)).toBe(true);
});

it("an admin of another community sees none of this community's trail", async () => {
  await putCommunity({ id: 'audit-elsewhere', name: '别的社区', subdistrict: '某街道', district: '某区' });
  await createUserWithLogin(
    { id: randomUUID(), communityId: 'audit-elsewhere', name: '外社区管理员', roles: ['admin'], createdAt: new Date().toISOString() },
    { kind: 'staff', name: 'outside-admin', passwordHash: await hashPassword('Outside@2026') },
  );
  const outsider = (await h.call(api.identity.staffLogin, { body: { username: 'outside-admin', password: 'Outside@2026', communityId: 'audit-elsewhere' } })).body.token;
  const r = await h.call(api.identity.listAuditTrail, { token: outsider, query: { limit: 50 } });
  expect(r.body.items.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([['staff-sign-in', '外社区管理员']]);
});
