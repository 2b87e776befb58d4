/** What the council suites share: people, a council with seated members, a motion brought to a stage, time moved. */
import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { issueToken } from '../../functions/src/http/auth';
import { createUserWithLogin } from '../../functions/src/identity/store';
import { keys, type MotionItem } from '../../functions/src/council/store';
import type { Harness } from '../support/harness';

const { council } = api;

export const COMMUNITY = 'baogong-qingnian';

export const expectStatus = (r: { status: number; body: unknown }, status: number) => {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as any;
};

/** A China date `days` from today. */
export const day = (days: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export interface Person {
  userId: string;
  name: string;
  token: string;
}

/** A person of the community with an account (seating by account checks it exists), signed in. */
export const person = async (name: string, roles: Role[] = ['resident'], communityId = COMMUNITY): Promise<Person> => {
  const userId = randomUUID();
  await createUserWithLogin({ id: userId, communityId, name, roles, createdAt: new Date().toISOString() }, { kind: 'wx', name: `test:${userId}` });
  return { userId, name, token: await issueToken({ userId, communityId, name, roles }) };
};

export const PARTIES = [
  { name: '两委', seats: 2 },
  { name: '红色小管家', seats: 3 },
  { name: '妇联', seats: 2 },
  { name: '舞队', seats: 2 },
  { name: '居民代表', seats: 3 },
];

export const aCouncil = (overrides: Record<string, unknown> = {}) => ({
  name: `测试议事会${randomUUID().slice(0, 6)}`,
  purpose: '围绕社区公共事务议事协商，表决后公示。',
  parties: PARTIES,
  ...overrides,
});

export const newCouncil = async (h: Harness, committee: string, overrides: Record<string, unknown> = {}) =>
  expectStatus(await h.call(council.createCouncil, { token: committee, body: aCouncil(overrides) }), 201);

/** Seats a person with an account; returns the new seat's id. */
export const seat = async (h: Harness, committee: string, councilId: string, p: Pick<Person, 'userId' | 'name'>, over: Record<string, unknown> = {}) => {
  const body = { party: '居民代表', name: p.name, role: 'member', termStart: day(-30), termEnd: day(365), userId: p.userId, ...over };
  const c = expectStatus(await h.call(council.seatCouncilMember, { token: committee, params: { id: councilId }, body }), 201);
  return (c.members as { id: string; name: string }[]).filter((m) => m.name === p.name).at(-1)!.id;
};

export interface SeatedCouncil {
  id: string;
  chair: Person & { seatId: string };
  members: (Person & { seatId: string })[];
}

/** A council with a chair (两委) and `members` more (居民代表, 红色小管家 …), each with an account. */
export const seatedCouncil = async (h: Harness, committee: string, members = 4): Promise<SeatedCouncil> => {
  // room for two more, for members seated later
  const parties = [{ name: '两委', seats: 2 }, { name: '居民代表', seats: members + 2 }];
  const c = await newCouncil(h, committee, { parties });
  const chair = await person(`召集人${randomUUID().slice(0, 4)}`);
  const chairSeat = await seat(h, committee, c.id, chair, { party: '两委', role: 'chair' });
  const seated = [];
  for (let i = 0; i < members; i++) {
    const p = await person(`成员${i}-${randomUUID().slice(0, 4)}`);
    seated.push({ ...p, seatId: await seat(h, committee, c.id, p) });
  }
  return { id: c.id, chair: { ...chair, seatId: chairSeat }, members: seated };
};

export const proposed = async (h: Harness, token: string, councilId: string, overrides: Record<string, unknown> = {}) =>
  expectStatus(
    await h.call(council.proposeMotion, {
      token,
      params: { id: councilId },
      body: { title: '中心广场晚间音乐时段', background: '居民反映晚间音乐影响休息。', proposedDecision: '晚间音乐 20:30 结束。', ...overrides },
    }),
    201,
  );

/** A schedule whose voting is open now, for an hour (discussion, if any, already over). */
export const openNow = (version: number, overrides: Record<string, unknown> = {}) => ({
  votingOpensAt: new Date().toISOString(),
  votingClosesAt: inMinutes(60),
  version,
  ...overrides,
});

/** A motion proposed by the council's first member and opened for voting by its chair. */
export const votingMotion = async (h: Harness, c: SeatedCouncil, rules: Record<string, unknown> = {}) => {
  const m = await proposed(h, c.members[0]!.token, c.id);
  return expectStatus(await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: openNow(m.version, rules) }), 200);
};

/** A motion in its discussion period (voting opens in a day). */
export const discussedMotion = async (h: Harness, c: SeatedCouncil) => {
  const m = await proposed(h, c.members[0]!.token, c.id);
  return expectStatus(
    await h.call(council.scheduleMotion, { token: c.chair.token, params: { id: m.id }, body: { votingOpensAt: inMinutes(24 * 60), votingClosesAt: inMinutes(48 * 60), version: m.version } }),
    200,
  );
};

export const storedMotion = async (id: string): Promise<MotionItem> =>
  (await db().send(new GetCommand({ TableName: tableName('council'), Key: keys.motion(COMMUNITY, id), ConsistentRead: true }))).Item as MotionItem;

/**
 * Moves a scheduled motion's times `ms` into the past, as if that much time had passed (the jobs' index too).
 * Tests cannot wait an hour for voting to close.
 */
export const passTime = async (id: string, ms: number) => {
  const m = await storedMotion(id);
  const back = (s: string) => new Date(Date.parse(s) - ms).toISOString();
  const times = { discussionStartsAt: back(m.times!.discussionStartsAt), votingOpensAt: back(m.times!.votingOpensAt), votingClosesAt: back(m.times!.votingClosesAt) };
  await db().send(
    new UpdateCommand({
      TableName: tableName('council'),
      Key: keys.motion(COMMUNITY, id),
      UpdateExpression: 'SET times = :t, gsi3sk = :due',
      ConditionExpression: 'attribute_exists(gsi3pk)',
      ExpressionAttributeValues: { ':t': times, ':due': `${times.votingClosesAt}#${COMMUNITY}#${id}` },
    }),
  );
};

/** The motion's items in the table: ballots, comments, reminders, the motion. */
export const motionItems = async (h: Harness, id: string) => {
  const snap = await h.snapshot();
  return (snap.council as { pk: { S: string }; sk: { S: string } }[]).filter((i) => i.pk.S === keys.motion(COMMUNITY, id).pk);
};
