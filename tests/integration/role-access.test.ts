/**
 * Positive role tests, generated from the route table (issue 11): every role a route lists succeeds on its own
 * object, admin included, and what it changes is signed with that role. (access.test.ts proves the refusals.)
 * Each caller holds exactly one role, so no other role can be what lets it through.
 *
 * Every identity and feedback route has a recipe below: what "its own object" is for that route and the answer
 * that counts as success. A route of these contexts without one (one being written) still gets the weaker check
 * that the access layer lets each listed role through (neither 401 nor 403).
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { ROLES, type Role } from '../../shared/roles';
import type { Route } from '../../functions/src/http/route';
import { allRoutes } from '../../functions/src/routes';
import { issueToken } from '../../functions/src/http/auth';
import { createUserWithLogin } from '../../functions/src/identity/store';
import { aFeedback, Harness, type Answer } from '../support/harness';

const { feedback, identity } = api;
const CID = 'baogong-qingnian';
const CONTEXTS = ['identity', 'feedback'];

let h: Harness;
/** One person per role, each holding that role alone. */
const people = {} as Record<Role, { id: string; name: string; token: string }>;
let committee: string;

beforeAll(async () => {
  h = await Harness.start();
  for (const role of ROLES) {
    const id = randomUUID();
    const name = `只有${role}`;
    await createUserWithLogin({ id, communityId: CID, name, roles: [role], createdAt: new Date().toISOString() }, { kind: 'wx', name: `o-${role}-${id}` });
    people[role] = { id, name, token: await issueToken({ userId: id, communityId: CID, name, roles: [role] }) };
  }
  committee = people.committee.token;
}, 30_000);
afterAll(() => h.close());

// fixtures: feedback in the state a recipe needs, reported by the caller when it must be their own
const submitAs = async (token: string, title = '角色测试') => {
  const r = await h.call(feedback.submitFeedback, { token, body: aFeedback({ title }) });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
};
const move = async (id: string, to: string, version: number, note?: string) => {
  const r = await h.call(feedback.transitionFeedback, { token: committee, params: { id }, body: { to, version, ...(note ? { note } : {}) } });
  expect(r.status).toBe(200);
  return r.body as { id: string; version: number };
};
const accepted = async (token = people.resident.token) => {
  const f = await submitAs(token);
  return move(f.id, 'accepted', f.version);
};
const resolvedOwn = async (token: string) => {
  const a = await accepted(token);
  return move(a.id, 'resolved', a.version, '已处理好了');
};
const assignedTo = async (steward: { id: string; name: string }) => {
  const a = await accepted();
  const r = await h.call(feedback.assignFeedback, { token: committee, params: { id: a.id }, body: { steward: { id: steward.id, name: steward.name } } });
  expect(r.status).toBe(200);
  return r.body as { id: string; version: number };
};
const staffRole = (role: Role) => (role === 'admin' ? 'admin' : 'committee');
const month = new Date().toISOString().slice(0, 7);

type Caller = { role: Role; id: string; name: string; token: string };
type Recipe = (c: Caller) => Promise<Answer>;

/** For each route: the caller acts on their own object; the recipe checks what a success must show. */
const RECIPES: Record<string, Recipe> = {
  // identity
  me: async (c) => {
    const r = await h.call(identity.me, { token: c.token });
    expect(r.body).toEqual({ id: c.id, communityId: CID, name: c.name, roles: [c.role] });
    return r;
  },
  listSignInThrottles: (c) => h.call(identity.listSignInThrottles, { token: c.token }),
  unlockSignIn: async (c) => {
    const r = await h.call(identity.unlockSignIn, { token: c.token, body: { username: 'nobody-locked' } });
    expect(r.body).toEqual({ cleared: 0 });
    return r;
  },
  listBranches: async (c) => {
    const r = await h.call(identity.listBranches, { token: c.token });
    expect(r.body.items).toHaveLength(17);
    return r;
  },
  listStewards: async (c) => {
    const r = await h.call(identity.listStewards, { token: c.token });
    expect(r.body.items).toContainEqual({ id: people.steward.id, name: people.steward.name });
    return r;
  },
  listCompounds: async (c) => {
    const r = await h.call(identity.listCompounds, { token: c.token });
    expect(r.body.names).toContain('青年新苑');
    return r;
  },
  updateCompounds: async (c) => {
    const now = (await h.call(identity.listCompounds, { token: c.token })).body;
    const r = await h.call(identity.updateCompounds, { token: c.token, body: { names: now.names, version: now.version } });
    expect(r.body).toEqual({ names: now.names, version: now.version + 1 });
    return r;
  },
  listAuditTrail: (c) => h.call(identity.listAuditTrail, { token: c.token }),
  // feedback: the reporter's own
  submitFeedback: async (c) => {
    const r = await h.call(feedback.submitFeedback, { token: c.token, body: aFeedback({ title: `${c.role} 的反馈` }) });
    expect(r.body).toMatchObject({ status: 'submitted', reporterName: c.name, history: [{ from: null, to: 'submitted', byRole: c.role, byName: c.name }] });
    return r;
  },
  createFeedbackPhotoUpload: async (c) => {
    const r = await h.call(feedback.createFeedbackPhotoUpload, { token: c.token });
    expect(r.body.key).toMatch(new RegExp(`^incoming/${CID}/${c.id}/`));
    return r;
  },
  listMyFeedback: async (c) => {
    const own = await submitAs(c.token);
    const r = await h.call(feedback.listMyFeedback, { token: c.token, query: { limit: 50 } });
    expect(r.body.items.map((i: { id: string }) => i.id)).toContain(own.id);
    return r;
  },
  countMyUnreadFeedback: async (c) => {
    const own = await submitAs(c.token);
    await move(own.id, 'accepted', own.version);
    const r = await h.call(feedback.countMyUnreadFeedback, { token: c.token });
    expect(r.body.count).toBeGreaterThanOrEqual(1);
    return r;
  },
  getFeedback: async (c) => {
    // a reporter's own report; for staff, any report of their community
    const own = c.role === 'resident' || c.role === 'steward' ? await submitAs(c.token) : await submitAs(people.resident.token);
    const r = await h.call(feedback.getFeedback, { token: c.token, params: { id: own.id } });
    expect(r.body.id).toBe(own.id);
    return r;
  },
  withdrawFeedback: async (c) => {
    const own = await submitAs(c.token);
    const r = await h.call(feedback.withdrawFeedback, { token: c.token, params: { id: own.id }, body: { version: own.version } });
    expect(r.body.status).toBe('withdrawn');
    expect(r.body.history.at(-1)).toMatchObject({ from: 'submitted', to: 'withdrawn', byRole: c.role, byName: c.name });
    return r;
  },
  rateFeedback: async (c) => {
    const own = await resolvedOwn(c.token);
    const r = await h.call(feedback.rateFeedback, { token: c.token, params: { id: own.id }, body: { resolved: true, stars: 5, version: own.version } });
    expect(r.body).toMatchObject({ status: 'closed', rating: { resolved: true, stars: 5 } });
    expect(r.body.history.at(-1)).toMatchObject({ from: 'resolved', to: 'closed', byRole: c.role, byName: c.name });
    return r;
  },
  // feedback: the assigned steward's own
  listAssignedToMe: async (c) => {
    const mine = await assignedTo(c);
    const r = await h.call(feedback.listAssignedToMe, { token: c.token, query: { limit: 50 } });
    expect(r.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    return r;
  },
  progressAssignedFeedback: async (c) => {
    const mine = await assignedTo(c);
    const r = await h.call(feedback.progressAssignedFeedback, { token: c.token, params: { id: mine.id }, body: { to: 'in_progress', version: mine.version } });
    expect(r.body.history.at(-1)).toMatchObject({ from: 'accepted', to: 'in_progress', byRole: 'steward', byName: c.name });
    return r;
  },
  // feedback: staff, on their community's
  listFeedbackQueue: async (c) => {
    const f = await submitAs(people.resident.token);
    const r = await h.call(feedback.listFeedbackQueue, { token: c.token, query: { limit: 50, q: '角色测试' } });
    expect(r.body.items.map((i: { id: string }) => i.id)).toContain(f.id);
    return r;
  },
  transitionFeedback: async (c) => {
    const f = await submitAs(people.resident.token);
    const r = await h.call(feedback.transitionFeedback, { token: c.token, params: { id: f.id }, body: { to: 'accepted', version: f.version } });
    expect(r.body.history.at(-1)).toMatchObject({ from: 'submitted', to: 'accepted', byRole: staffRole(c.role), byName: c.name });
    return r;
  },
  countFeedbackByStatus: async (c) => {
    const r = await h.call(feedback.countFeedbackByStatus, { token: c.token });
    expect(r.body.counts.submitted).toBeGreaterThanOrEqual(1);
    return r;
  },
  assignFeedback: async (c) => {
    const f = await accepted();
    const r = await h.call(feedback.assignFeedback, { token: c.token, params: { id: f.id }, body: { steward: { id: people.steward.id, name: people.steward.name } } });
    expect(r.body.assignment).toMatchObject({ steward: { id: people.steward.id }, byName: c.name });
    return r;
  },
  assignFeedbackInBulk: async (c) => {
    const f = await accepted();
    const r = await h.call(feedback.assignFeedbackInBulk, { token: c.token, body: { ids: [f.id], steward: { id: people.steward.id, name: people.steward.name } } });
    expect(r.body).toEqual({ assigned: [f.id], refused: [] });
    return r;
  },
  addInternalNote: async (c) => {
    const f = await submitAs(people.resident.token);
    const r = await h.call(feedback.addInternalNote, { token: c.token, params: { id: f.id }, body: { text: `${c.role} 的备注` } });
    expect(r.body.notes.at(-1)).toMatchObject({ byName: c.name, text: `${c.role} 的备注` });
    return r;
  },
  feedbackStats: (c) => h.call(feedback.feedbackStats, { token: c.token, query: { from: month, to: month } }),
  exportFeedbackStats: async (c) => {
    const r = await h.call(feedback.exportFeedbackStats, { token: c.token, query: { from: month, to: month } });
    expect(r.body.csv.charCodeAt(0)).toBe(0xfeff);
    return r;
  },
};

const routes = allRoutes().filter((r) => CONTEXTS.includes(r.context) && r.endpoint.access !== 'public');
const rolesOf = (r: Route): readonly Role[] => (r.endpoint.access === 'signed-in' ? ROLES : (r.endpoint.access as readonly Role[]));
const cases = routes.flatMap((r) => rolesOf(r).map((role) => [`${r.endpoint.method} ${r.endpoint.path}`, role, r] as const));

describe('every role a route lists succeeds on its own object', () => {
  it('the recipes name only routes of the table', () => {
    const names = new Set(routes.map((r) => r.name));
    expect(Object.keys(RECIPES).filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(cases)('%s as %s', async (_, role, route) => {
    const caller = { role, ...people[role] };
    const recipe = RECIPES[route.name];
    if (!recipe) {
      const r = await h.call(route.endpoint, { token: caller.token, params: { id: randomUUID() }, ...(route.endpoint.body ? { body: {} } : {}) });
      expect([401, 403]).not.toContain(r.status);
      return;
    }
    const r = await recipe(caller);
    expect([r.status, r.body?.type]).toEqual([route.endpoint.successStatus ?? 200, undefined]);
  });
});

describe('who is recorded', () => {
  it('an admin’s move is signed “admin” in the history and the audit trail, a committee member’s “committee”', async () => {
    const f = await submitAs(people.resident.token);
    const byAdmin = await h.call(feedback.transitionFeedback, { token: people.admin.token, params: { id: f.id }, body: { to: 'accepted', version: f.version } });
    const byCommittee = await h.call(feedback.transitionFeedback, {
      token: people.committee.token,
      params: { id: f.id },
      body: { to: 'resolved', note: '已修好', version: byAdmin.body.version },
    });
    expect(byCommittee.body.history.map((e: { to: string; byRole: string; byName: string }) => [e.to, e.byRole, e.byName])).toEqual([
      ['submitted', 'resident', people.resident.name],
      ['accepted', 'admin', people.admin.name],
      ['resolved', 'committee', people.committee.name],
    ]);
    const trail = await h.call(identity.listAuditTrail, { token: people.admin.token, query: { limit: 50 } });
    const moves = trail.body.items
      .filter((e: { target?: { id: string } }) => e.target?.id === f.id)
      .map((e: { actorId: string; actorRoles: string[]; change: string }) => [e.actorId, e.actorRoles, e.change]);
    expect(moves).toEqual([
      [people.committee.id, ['committee'], 'accepted → resolved'],
      [people.admin.id, ['admin'], 'submitted → accepted'],
    ]);
  });

  it('someone who is both committee and admin signs as the committee', async () => {
    const id = randomUUID();
    const token = await issueToken({ userId: id, communityId: CID, name: '两个角色', roles: ['committee', 'admin'] });
    const f = await submitAs(people.resident.token);
    const r = await h.call(feedback.transitionFeedback, { token, params: { id: f.id }, body: { to: 'accepted', version: f.version } });
    expect(r.body.history.at(-1)).toMatchObject({ byRole: 'committee', byName: '两个角色' });
  });

  it('an admin reads any report of the community, with its phone number whole', async () => {
    const f = await h.call(feedback.submitFeedback, { token: people.resident.token, body: aFeedback({ phone: '13812345678' }) });
    const r = await h.call(feedback.getFeedback, { token: people.admin.token, params: { id: f.body.id } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: f.body.id, phone: '13812345678' });
  });
});
