/**
 * Issue 5, defect 7: keyed submits, the server killed (SIGKILL) in the middle, every request retried with its
 * key against a new server on the same store. Each key must end up as exactly one feedback item. The request
 * path runs in a child process of its own, so the kill is a real one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { keys } from '../../functions/src/feedback/store';
import { newTokenPrivateKeyPem } from '../../functions/src/http/token-keys';
import { startStore, type LocalStore } from '../../functions/local/store';
import { aFeedback } from '../support/harness';

const ROOT = join(__dirname, '../..');
const TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
const REQUESTS = 60;

const startGateway = async (storeEndpoint: string): Promise<{ child: ChildProcess; url: string }> => {
  // node itself with tsx's loader (not the tsx CLI, which would run the server in a grandchild that SIGKILL misses)
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/gateway-process.ts'), storeEndpoint], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TOKEN_PRIVATE_KEY },
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`gateway exited (${code})`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
};

const submit = async (url: string, token: string, i: number) => {
  const res = await fetch(`${url}${api.feedback.submitFeedback.path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `crash-test-key-${i}` },
    body: JSON.stringify(aFeedback({ title: `崩溃重试 ${i}` })),
  });
  return { status: res.status, body: (await res.json()) as { id: string } };
};

let store: LocalStore;
beforeAll(async () => {
  store = await startStore();
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
});
afterAll(() => store.close());

it('every keyed submit is stored exactly once across a kill -9 and a retry of all of them', async () => {
  let gateway = await startGateway(store.endpoint);
  const login = await fetch(`${gateway.url}/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'dev:崩溃测试居民' }),
  });
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };

  // First round: 8 at a time; the server is killed as soon as half of them have been answered.
  const firstAnswers = new Map<number, string>();
  let next = 0;
  let killSent = false;
  const killed = once(gateway.child, 'exit');
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      // no new request after the kill: at most the 8 in flight can still be answered, so some never are
      while (next < REQUESTS && !killSent) {
        const i = next++;
        try {
          const r = await submit(gateway.url, token, i);
          if (r.status === 201) firstAnswers.set(i, r.body.id);
          if (firstAnswers.size >= REQUESTS / 2 && !killSent) {
            killSent = true;
            gateway.child.kill('SIGKILL');
          }
        } catch {
          // connection reset by the kill: this request's fate is unknown to the client, as on a phone
        }
      }
    }),
  );
  await killed;
  expect(firstAnswers.size).toBeGreaterThanOrEqual(REQUESTS / 2);
  expect(firstAnswers.size).toBeLessThan(REQUESTS);

  // Second round: a new server on the same store; every request retried with its own key.
  gateway = await startGateway(store.endpoint);
  try {
    const retries = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => submit(gateway.url, token, i)));
    expect(retries.map((r) => r.status)).toEqual(Array(REQUESTS).fill(201));
    for (const [i, id] of firstAnswers) expect(retries[i]!.body.id).toBe(id);

    const stored: { title: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName('feedback'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': keys.byReporter('baogong-qingnian', user.id) },
          ExclusiveStartKey: start,
        }),
      );
      stored.push(...((page.Items ?? []) as { title: string }[]));
      start = page.LastEvaluatedKey;
    } while (start);
    const titles = stored.map((s) => s.title).sort();
    expect(titles).toEqual(Array.from({ length: REQUESTS }, (_, i) => `崩溃重试 ${i}`).sort());
  } finally {
    gateway.child.kill('SIGTERM');
    await once(gateway.child, 'exit');
  }
}, 60_000);
