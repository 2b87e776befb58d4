/**
 * The council's ballot race for `npm run bench` (issue 8): a council of `size` members, one motion open, every
 * member casting twice at once (2 × size attempts all in flight) through the local gateway process, as the
 * integration test does it — here timed: how long until every attempt is answered, the latency of each, the
 * gateway's CPU per attempt, and whether the store holds exactly one ballot per member and the count is exact.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import type { SeatRole } from '../../shared/council/seats';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { issueToken } from '../../functions/src/http/auth';
import { keys, putNewCouncil, type SeatItem } from '../../functions/src/council/store';
import { quantile, type CpuSource } from './stats';

const { council } = api;
const COMMUNITY = `bench-council-${randomUUID().slice(0, 8)}`;
const CHOICES = ['yes', 'yes', 'no', 'abstain', 'yes'] as const;

export interface BallotRace {
  members: number;
  attempts: number;
  accepted: number;
  refusedAsDuplicate: number;
  other: number;
  storedBallots: number;
  exact: boolean;
  seconds: number;
  p50: number;
  p95: number;
  gatewayCpuMsPerAttempt: number;
}

const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const ballotRace = async (url: string, gateway: CpuSource, size = 500): Promise<BallotRace> => {
  // a thousand fresh connections at once overflow a listening socket's queue: at most 200 at a time
  const agent = new Agent({ keepAlive: false, maxSockets: 200 });
  const { hostname, port } = new URL(url);
  const send = (method: string, path: string, token: string, body: unknown) =>
    new Promise<{ status: number; body: any; ms: number }>((resolve, reject) => {
      const t0 = performance.now();
      const text = JSON.stringify(body);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
      const req = request({ hostname, port, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), ms: performance.now() - t0 }));
      });
      req.on('error', reject);
      req.end(text);
    });

  try {
    // the council, written straight to the store: five parties, the first member its chair
    const parties = ['两委', '红色小管家', '妇联', '舞队', '居民代表'].map((name) => ({ name, seats: Math.ceil(size / 5) }));
    const at = new Date(Date.now() - 60_000).toISOString();
    const seats: SeatItem[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < size; i++) {
      const userId = randomUUID();
      const name = `成员${String(i).padStart(3, '0')}`;
      seats.push({ id: randomUUID(), party: parties[i % 5]!.name, name, role: (i === 0 ? 'chair' : 'member') as SeatRole, termStart: chinaDay(-30), termEnd: chinaDay(365), userId, seatedAt: at, seatedByName: '压测' });
      tokens.push(await issueToken({ userId, communityId: COMMUNITY, name, roles: ['resident'] }));
    }
    const councilId = randomUUID();
    await putNewCouncil({ id: councilId, communityId: COMMUNITY, name: '压测议事会', purpose: '压测', parties, seats, version: 1, createdAt: at, updatedAt: at });
    const proposed = await send('POST', council.proposeMotion.path.replace('{id}', councilId), tokens[1]!, { title: '压测表决', background: '压测', proposedDecision: '通过' });
    if (proposed.status !== 201) throw new Error(`propose answered ${proposed.status}: ${JSON.stringify(proposed.body)}`);
    const opened = await send('POST', council.scheduleMotion.path.replace('{id}', proposed.body.id), tokens[0]!, {
      votingOpensAt: new Date().toISOString(),
      votingClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
      version: proposed.body.version,
    });
    if (opened.status !== 200) throw new Error(`schedule answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    const motionId = opened.body.id as string;
    const path = council.castBallot.path.replace('{id}', motionId);

    const cpu0 = await gateway.cpuMs();
    const t0 = performance.now();
    const answers = await Promise.all(tokens.flatMap((token, i) => [0, 1].map(() => send('POST', path, token, { choice: CHOICES[i % CHOICES.length] }))));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = (await gateway.cpuMs()) - cpu0;

    const stored: { choice?: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({
          TableName: tableName('council'),
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :b)',
          ExpressionAttributeValues: { ':p': keys.motion(COMMUNITY, motionId).pk, ':b': 'BALLOT#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      stored.push(...((out.Items ?? []) as { choice?: string }[]));
      start = out.LastEvaluatedKey;
    } while (start);
    const count = (c: string) => stored.filter((b) => b.choice === c).length;
    const want = (c: string) => Array.from({ length: size }, (_, i) => CHOICES[i % CHOICES.length]).filter((x) => x === c).length;
    const accepted = answers.filter((a) => a.status === 201).length;
    const refusedAsDuplicate = answers.filter((a) => a.status === 409 && a.body.type === 'urn:gongzhi:problem:already-voted').length;
    const ms = answers.map((a) => a.ms);
    return {
      members: size,
      attempts: answers.length,
      accepted,
      refusedAsDuplicate,
      other: answers.length - accepted - refusedAsDuplicate,
      storedBallots: stored.length,
      exact: stored.length === size && accepted === size && ['yes', 'no', 'abstain'].every((c) => count(c) === want(c)),
      seconds,
      p50: quantile(ms, 0.5),
      p95: quantile(ms, 0.95),
      gatewayCpuMsPerAttempt: cpu / answers.length,
    };
  } finally {
    agent.destroy();
  }
};
