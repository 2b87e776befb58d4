/**
 * Ballots under contention, checked on the stored items: 500 members each trying twice at once (1,000 concurrent
 * attempts) leave exactly 500 ballot items and an exact count; with changes allowed, still one item per member;
 * ballots racing the close are either counted or refused, never stored uncounted; deciders racing each other
 * store one outcome. The request path runs in a process of its own (the gateway and every handler, as in
 * idempotency-crash.test.ts) and the store in this one, so the two share the machine's cores as they would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import type { SeatRole } from '../../shared/council/seats';
import { db } from '../../functions/src/db/client';
import { ensureTables } from '../../functions/src/db/setup';
import { tableName } from '../../functions/src/db/tables';
import { issueToken } from '../../functions/src/http/auth';
import { newTokenPrivateKeyPem } from '../../functions/src/http/token-keys';
import { keys, putNewCouncil, type SeatItem } from '../../functions/src/council/store';
import { closeDueMotions } from '../../functions/src/council/jobs/close-due-motions';
import { startStore, type LocalStore } from '../../functions/local/store';
import { COMMUNITY, day, openNow, passTime, storedMotion } from './council-fixtures';

const { council } = api;
const ROOT = join(__dirname, '../..');
// one token key for this process (which signs) and the gateway's (which verifies); the ballot key derives from it
process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();

/**
 * The attempts are all sent at once and are all in flight together; they reach the server over at most this many
 * connections at a time (a thousand fresh connections at once overflow a listening socket's queue, which in AWS is
 * API Gateway's affair).
 */
// (no keep-alive: a kept socket the server closes after its idle timeout fails the request that reuses it)
const agent = new Agent({ keepAlive: false, maxSockets: 200 });
let store: LocalStore;
let gateway: { child: ChildProcess; url: string };

beforeAll(async () => {
  store = await startStore();
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
  await ensureTables();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/gateway-process.ts'), store.endpoint], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  // its errors, without the SDK's notes that its 50 sockets to the store are busy (they are meant to be)
  createInterface({ input: child.stderr! }).on('line', (l) => {
    if (!/socket usage at capacity|node-configuring-maxsockets|socketAcquisitionWarningTimeout/.test(l)) process.stderr.write(`${l}\n`);
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`gateway exited (${code})`)));
  });
  gateway = { child, url: (JSON.parse(line) as { url: string }).url.replace('localhost', '127.0.0.1') };
}, 60_000);
afterAll(async () => {
  agent.destroy();
  gateway?.child.kill('SIGTERM');
  await store?.close();
});

/** One request to the gateway over the shared connections: its status and parsed answer. */
const send = (method: string, path: string, token: string, body?: unknown) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const { hostname, port } = new URL(gateway.url);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (text) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    const req = request({ hostname, port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(text);
  });
const cast = (token: string, motionId: string, choice: string) => send('POST', council.castBallot.path.replace('{id}', motionId), token, { choice });
const expectStatus = (r: { status: number; body: unknown }, status: number) => {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as any;
};

interface Member {
  userId: string;
  seatId: string;
  token: string;
}

/** A council of `size` members in five parties (the first its chair), written straight to the store. */
const bigCouncil = async (size: number): Promise<{ id: string; members: Member[] }> => {
  const parties = ['两委', '红色小管家', '妇联', '舞队', '居民代表'].map((name) => ({ name, seats: Math.ceil(size / 5) }));
  const at = new Date(Date.now() - 60_000).toISOString();
  const members: Member[] = [];
  const seats: SeatItem[] = [];
  for (let i = 0; i < size; i++) {
    const userId = randomUUID();
    const seatId = randomUUID();
    const name = `成员${String(i).padStart(3, '0')}`;
    seats.push({ id: seatId, party: parties[i % 5]!.name, name, role: (i === 0 ? 'chair' : 'member') as SeatRole, termStart: day(-30), termEnd: day(365), userId, seatedAt: at, seatedByName: '测试' });
    members.push({ userId, seatId, token: await issueToken({ userId, communityId: COMMUNITY, name, roles: ['resident'] }) });
  }
  const id = randomUUID();
  await putNewCouncil({ id, communityId: COMMUNITY, name: `大议事会${id.slice(0, 4)}`, purpose: '并发测试', parties, seats, version: 1, createdAt: at, updatedAt: at });
  return { id, members };
};

const openMotion = async (c: { id: string; members: Member[] }, rules: Record<string, unknown> = {}) => {
  const m = expectStatus(
    await send('POST', council.proposeMotion.path.replace('{id}', c.id), c.members[1]!.token, { title: '并发表决', background: '测试', proposedDecision: '通过' }),
    201,
  );
  return expectStatus(await send('POST', council.scheduleMotion.path.replace('{id}', m.id), c.members[0]!.token, openNow(m.version, rules)), 200);
};

/** Each member's choice: a fixed spread, so the expected count is known. */
const CHOICES = ['yes', 'yes', 'no', 'abstain', 'yes'] as const;
const choiceOf = (i: number) => CHOICES[i % CHOICES.length]!;
const expected = (n: number) => {
  const all = Array.from({ length: n }, (_, i) => choiceOf(i));
  const k = (c: string) => all.filter((x) => x === c).length;
  return { yes: k('yes'), no: k('no'), abstain: k('abstain') };
};

/** The motion's ballot items as stored. */
const ballotItems = async (id: string) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName('council'),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :b)',
        ExpressionAttributeValues: { ':p': keys.motion(COMMUNITY, id).pk, ':b': 'BALLOT#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items as { sk: string; seatId?: string; choice?: string; sealed?: boolean }[];
};

describe('500 members, each trying twice at once', () => {
  it('leave exactly 500 ballots and an exact count (no changes allowed: every second try refused)', async () => {
    const c = await bigCouncil(500);
    const m = await openMotion(c);
    const started = Date.now();
    const answers = await Promise.all(
      c.members.flatMap((p, i) => [0, 1].map(() => cast(p.token, m.id, choiceOf(i)))),
    );
    const ms = Date.now() - started;
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(500);
    expect(statuses.filter((s) => s === 409)).toHaveLength(500);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.type === 'urn:gongzhi:problem:already-voted')).toBe(true);
    // one accepted try per member
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.seatId)).size).toBe(500);

    const stored = await ballotItems(m.id);
    expect(stored).toHaveLength(500);
    expect(new Set(stored.map((b) => b.sk)).size).toBe(500);
    expect(new Set(stored.map((b) => b.seatId))).toEqual(new Set(c.members.map((p) => p.seatId)));

    await passTime(m.id, 2 * 3600_000);
    expect(await closeDueMotions(new Date())).toBeGreaterThanOrEqual(1);
    const { outcome } = await storedMotion(m.id);
    const want = expected(500);
    expect(outcome!.counts).toEqual({
      rollSize: 500,
      cast: 500,
      abstain: want.abstain,
      notVoted: 0,
      options: [
        { id: 'yes', label: '同意', votes: want.yes },
        { id: 'no', label: '反对', votes: want.no },
      ],
    });
    expect(outcome!.result).toBe('passed');
    // every key sealed, none added: still 500 ballot items
    expect(await ballotItems(m.id)).toHaveLength(500);
    console.log(`council race: 1,000 concurrent ballot attempts from 500 members in ${ms} ms`);
  }, 180_000);

  it('with changes allowed: every try accepted, still one secret ballot per member, and the same count', async () => {
    const c = await bigCouncil(500);
    const m = await openMotion(c, { allowBallotChange: true, secret: true });
    const answers = await Promise.all(
      c.members.flatMap((p, i) => [0, 1].map(() => cast(p.token, m.id, choiceOf(i)))),
    );
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.type])).toEqual([]);
    // per member: one try made the ballot, the other replaced it
    expect(answers.filter((a) => a.body.changed === false)).toHaveLength(500);
    expect(answers.filter((a) => a.body.changed === true)).toHaveLength(500);
    const stored = await ballotItems(m.id);
    expect(stored).toHaveLength(500);
    expect(JSON.stringify(stored)).not.toMatch(/seatId|castAt/);

    await passTime(m.id, 2 * 3600_000);
    const read = expectStatus(await send('GET', council.getMotion.path.replace('{id}', m.id), c.members[7]!.token), 200);
    const want = expected(500);
    expect(read.outcome.counts).toMatchObject({ cast: 500, abstain: want.abstain, options: [{ votes: want.yes }, { votes: want.no }] });
  }, 180_000);
});

describe('racing the close', () => {
  it('every ballot accepted is counted, every one after the seal refused: none stored uncounted', async () => {
    const c = await bigCouncil(120);
    const m = await openMotion(c, { quorumPercent: 1 });
    // half vote; then the other half vote while deciders close the motion
    await Promise.all(c.members.slice(0, 60).map((p) => cast(p.token, m.id, 'yes')));
    const late = c.members.slice(60).map((p) => cast(p.token, m.id, 'no'));
    await passTime(m.id, 2 * 3600_000);
    const deciders = Array.from({ length: 5 }, (_, i) => (i % 2 ? closeDueMotions(new Date()) : send('GET', council.getMotion.path.replace('{id}', m.id), c.members[i]!.token)));
    const answers = await Promise.all(late);
    await Promise.all(deciders);
    const accepted = answers.filter((a) => a.status === 201).length;
    // any other answer is named in the failure
    expect(answers.filter((a) => a.status !== 201 && a.body?.type !== 'urn:gongzhi:problem:voting-closed').map((a) => [a.status, a.body?.type])).toEqual([]);

    const stored = await storedMotion(m.id);
    expect(stored.history.filter((e) => e.act === 'decide')).toHaveLength(1);
    expect(stored.outcome!.counts.cast).toBe(60 + accepted);
    expect(stored.outcome!.counts.options.find((o) => o.id === 'no')!.votes).toBe(accepted);
    // every roll member's key is a ballot or a seal; the ballots with a choice are exactly those counted
    const ballots = await ballotItems(m.id);
    expect(ballots).toHaveLength(120);
    expect(ballots.filter((b) => 'choice' in b)).toHaveLength(60 + accepted);
    expect(ballots.every((b) => 'sealed' in b)).toBe(true);
  }, 120_000);
});
