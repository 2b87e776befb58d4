/**
 * `npm run bench`: figures, not assertions. Measures in one run on this machine:
 *  1. POST /v1/feedback and GET /v1/feedback/mine through the local gateway (HTTP → v2 event → middy → dynalite),
 *     beside the same DynamoDB operations sent straight to the same dynalite with the SDK: the ratio shows
 *     what the request path costs on top of the store. Caller, request path and store run in three processes
 *     (on a 2-core machine they still share the cores, so the ratio is a lower bound for AWS);
 *  2. the minified bundle of each Lambda function (the same esbuild settings CDK uses);
 *  3. the weapp main package (what every WeChat user downloads first).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { api } from '../../shared/api';
import { db } from '../../functions/src/db/client';
import { tableName } from '../../functions/src/db/tables';
import { keys, newFeedbackRecord } from '../../functions/src/feedback/store';
import { newFeedbackItem } from '../../functions/src/feedback/submit';
import { routeTable } from '../../functions/src/routes';
import type { ContextName } from '../../shared/api';
import { esbuildOptionsFor } from '../../infra/lib/bundling';
import { APP_BUILDS, ensureAppBuild } from '../../functions/local/app-build';
import { mainPackageBytes } from '../support/weapp';

const ROOT = join(__dirname, '../..');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 800);
/** Each phase stops after this long even if it has not sent all its requests. */
const PHASE_LIMIT_MS = 30_000;
/** The report both paths write: the same form, the same item. */
const FORM = { category: 'environment', title: '压测反馈', description: '用于测量提交反馈的吞吐量与延迟。', compound: '青年新苑', building: '1栋' } as const;

interface Figures {
  name: string;
  count: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `op` REQUESTS times, CONCURRENCY at once, after a short warm-up. */
const measure = async (name: string, op: (i: number) => Promise<boolean>): Promise<Figures> => {
  for (let i = 0; i < 30; i++) await op(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = Date.now() + PHASE_LIMIT_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS && Date.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, count: latencies.length, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
};

/** Starts one bench process (`store`, or `gateway` in front of a store) and reads its address. */
const startProcess = async <T>(...args: string[]): Promise<T & { stop: () => void }> => {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'serve.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench process ${args[0]} exited (${code})`)));
  });
  return { ...(JSON.parse(line) as T), stop: () => child.kill('SIGTERM') };
};

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const requestPath = async (url: string) => {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = async (name: string) => ((await (await post(api.identity.wechatLogin.path, { code: `dev:${name}` })).json()) as { token: string }).token;
  const writer = await login('压测居民甲');
  const reader = await login('压测居民乙');
  for (let i = 0; i < 60; i++) await post(api.feedback.submitFeedback.path, FORM, reader);

  const submit = await measure('POST /v1/feedback (gateway)', async () => (await post(api.feedback.submitFeedback.path, FORM, writer)).status === 201);
  const listMine = await measure('GET /v1/feedback/mine (gateway)', async () => {
    const r = await fetch(`${url}${api.feedback.listMyFeedback.path}?limit=20`, { headers: { authorization: `Bearer ${reader}` } });
    await r.arrayBuffer();
    return r.status === 200;
  });
  return { submit, listMine };
};

/** The same DynamoDB operations the two routes issue, sent straight to the same dynalite. */
const rawStore = async (storeEndpoint: string) => {
  process.env.DYNAMODB_ENDPOINT = storeEndpoint;
  const cid = 'baogong-qingnian';
  const reporter = { communityId: cid, userId: randomUUID(), name: '压测', role: 'resident' as const };
  const put = await measure('PutItem (SDK → dynalite)', async () => {
    const item = newFeedbackItem(reporter, FORM, new Date().toISOString());
    await db().send(
      new PutCommand({ TableName: tableName('feedback'), Item: newFeedbackRecord(item), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  });
  const query = await measure('Query gsi1, Limit 20 (SDK → dynalite)', async () => {
    const out = await db().send(
      new QueryCommand({
        TableName: tableName('feedback'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.byReporter(cid, reporter.userId) },
        ScanIndexForward: false,
        Limit: 20,
      }),
    );
    return (out.Items?.length ?? 0) > 0;
  });
  return { put, query };
};

const bundleSizes = async () => {
  const out = mkdtempSync(join(tmpdir(), 'gongzhi-bundle-'));
  const sizes: { context: string; bytes: number }[] = [];
  try {
    for (const context of Object.keys(routeTable) as ContextName[]) {
      const outfile = join(out, `${context}.mjs`);
      await build(esbuildOptionsFor(context, outfile));
      sizes.push({ context, bytes: statSync(outfile).size });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return sizes;
};

const weappMainPackage = (): number => {
  ensureAppBuild('weapp');
  return mainPackageBytes(APP_BUILDS.weapp.dir);
};

const main = async () => {
  console.log(`Gongzhi bench — ${REQUESTS} requests per phase, ${CONCURRENCY} at once, node ${process.version}\n`);
  // Three processes, as in AWS: the caller, the request path (gateway + middy + handlers), and the store.
  const store = await startProcess<{ storeEndpoint: string }>('store');
  const server = await startProcess<{ url: string }>('gateway', store.storeEndpoint);
  try {
    const gw = await requestPath(server.url);
    const raw = await rawStore(store.storeEndpoint);
    const rows = [gw.submit, raw.put, gw.listMine, raw.query];
    console.log('| operation | requests | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.count} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} |`);
    console.log(`\nRequest path vs raw store (throughput ratio, gateway ÷ SDK):`);
    console.log(`  submit feedback: ${fmt(gw.submit.rps / raw.put.rps, 2)}×   (p50 ${fmt(gw.submit.p50)} ms vs ${fmt(raw.put.p50)} ms)`);
    console.log(`  my feedback:     ${fmt(gw.listMine.rps / raw.query.rps, 2)}×   (p50 ${fmt(gw.listMine.p50)} ms vs ${fmt(raw.query.p50)} ms)`);
  } finally {
    server.stop();
    store.stop();
  }
  console.log('\nLambda bundles (esbuild, minified ESM, as CDK builds them):');
  for (const b of await bundleSizes()) console.log(`  ${b.context.padEnd(10)} ${kb(b.bytes)}`);
  const weapp = weappMainPackage();
  console.log(`\nweapp main package (WeChat's limit is 2048 KB): ${kb(weapp)}`);
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
