/**
 * `npm run bench`: figures against the performance goals (issue 10), never assertions. Phases:
 *  1. in-process: the feedback Lambda's handler called in this process with API Gateway v2 events, beside the very
 *     store calls it made (captured, replayed with fresh ids) sent straight to the same dynalite through the same
 *     client. Their ratio is what our stack (middy, token check, zod, use case) costs on top of the store, without
 *     the local HTTP hop. The same phase counts the store calls of each route (an SDK middleware);
 *  2. http: the requests as the mini-program sends them (token, JSON, `Idempotency-Key` on creates) through the
 *     local gateway, beside the same store calls from this process, with the CPU per request of every process;
 *  3. list at scale: a reporter and a status queue holding BENCH_LIST_ITEMS items (100k) against ones with 1k;
 *  4. cold init: each Lambda bundle (built as CDK builds it) imported by a fresh Node process, against a bare one;
 *  5. app: the weapp main package, the H5 first load (JS as sent, gzip) and whether the local server compresses;
 *  6. ballots: the council's race — BENCH_COUNCIL_MEMBERS (500) members each casting twice at once through the local
 *     gateway: time until all are answered, latency, gateway CPU, and exactly one stored ballot per member.
 * Each side of a comparison runs several times, interleaved with its counterpart (alternating which goes first), and
 * the figures are medians with their spread over those rounds. The output ends with one `goal …` line per goal.
 *
 * Knobs: BENCH_PHASES=inprocess,http,list,ballots,cold,app (default all); BENCH_SKIP_APP=1 leaves out phase 5 (it builds
 * the app when the build is stale); BENCH_ROUNDS, BENCH_BATCH_MS, BENCH_REQUESTS (per batch, at most),
 * BENCH_CONCURRENCY (http), BENCH_LIST_ITEMS, BENCH_COLD_RUNS. Traffic goes to 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { api } from '../../shared/api';
import type { Endpoint } from '../../shared/api/endpoint';
import { issueToken, type Principal } from '../../functions/src/http/auth';
import { logger } from '../../functions/src/http/logger';
import { db } from '../../functions/src/db/client';
import { ensureTables } from '../../functions/src/db/setup';
import { newTokenPrivateKeyPem } from '../../functions/src/http/token-keys';
import { handler as feedbackHandler } from '../../functions/src/feedback/lambda';
import { h5FirstLoad, weappMainPackageBytes, type FirstLoad } from './app';
import { buildBundles, coldStarts, REFERENCES } from './cold';
import { ballotRace } from './council';
import { apiEvent, freshCopy, instrumentStore, invoke, isWrite, type CountedCall, type StoreCall } from './inprocess';
import { fmt, interleave, median, ratios, runBatch, selfCpu, spread, summary, table, type CpuSource, type Pair } from './stats';

logger.setLogLevel('SILENT');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// one token key for this process (which signs the ballot race's members in) and the gateway's (which verifies)
process.env.TOKEN_PRIVATE_KEY ??= newTokenPrivateKeyPem();

const ROOT = join(__dirname, '../..');
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = num('BENCH_ROUNDS', 7);
/** A batch (one side of one round) runs BATCH_MS, or REQUESTS requests if those finish first. */
const BATCH_MS = num('BENCH_BATCH_MS', 1000);
const REQUESTS = num('BENCH_REQUESTS', 400);
const HTTP_CONCURRENCY = num('BENCH_CONCURRENCY', 8);
/** A Lambda instance serves one event at a time: the in-process phase does the same. */
const INPROCESS_CONCURRENCY = num('BENCH_INPROCESS_CONCURRENCY', 1);
const LIST_ITEMS = num('BENCH_LIST_ITEMS', 100_000);
/** Requests a batch when the store is answered from memory (each takes a fraction of a millisecond). */
const STACK_REQUESTS = 1_000;
const LIST_SMALL = 1_000;
const COLD_RUNS = num('BENCH_COLD_RUNS', 21);
const COUNCIL_MEMBERS = num('BENCH_COUNCIL_MEMBERS', 500);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'inprocess,http,list,ballots,cold,app').split(',').map((p) => p.trim()));
const SKIP_APP = process.env.BENCH_SKIP_APP === '1';
if (SKIP_APP) PHASES.delete('app');
/** No untimed batch runs longer than this, and the whole bench no longer than the second: it always ends by itself. */
const BATCH_LIMIT_MS = 20_000;
const BENCH_LIMIT_MS = 15 * 60_000;

/** The report every submit sends: the mini-program's form. */
const FORM = { category: 'environment', title: '压测反馈', description: '用于测量提交反馈的吞吐量与延迟。', compound: '青年新苑', building: '1栋' } as const;

const section = (title: string) => console.log(`\n## ${title}\n`);
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ── Child processes ──────────────────────────────────────────────────────────────────────────────────────────

interface Child<T> {
  address: T;
  cpu: CpuSource;
  stop: () => void;
}

/** Starts `serve.ts <role>` as its own Node process with an IPC channel (address, CPU); it dies with the channel. */
const startChild = async <T>(name: string, ...args: string[]): Promise<Child<T>> => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'serve.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  const waiting: ((ms: number) => void)[] = [];
  const address = await new Promise<T>((resolve, reject) => {
    child.on('message', (m: { address?: T; cpuMs?: number }) => {
      if (m.address) resolve(m.address);
      if (m.cpuMs !== undefined) waiting.shift()?.(m.cpuMs);
    });
    child.once('exit', (code) => reject(new Error(`bench process ${name} exited (${code})`)));
  });
  return {
    address,
    cpu: { name, cpuMs: () => new Promise<number>((resolve) => (waiting.push(resolve), child.send('cpu'))) },
    stop: () => {
      if (child.connected) child.disconnect();
      child.kill('SIGTERM');
    },
  };
};

// ── Goals ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Goal {
  name: string;
  measured: string;
  target: string;
  met: boolean | 'skipped';
}
const goals: Goal[] = [];
const verdict = (g: Goal) => (g.met === 'skipped' ? 'skipped' : g.met ? 'met' : 'missed');

/** `PutItem (cond)`, `GetItem + UpdateItem (cond)`: the calls of one request, in order. */
const describeCalls = (calls: CountedCall[]) => calls.map((c) => `${c.operation}${c.conditional ? ' (cond)' : ''}`).join(' + ') || 'none';

// ── The routes under test, probed once in-process ────────────────────────────────────────────────────────────

type Side = (i: number) => Promise<boolean>;
type Store = Child<{ storeEndpoint: string }>;

interface Probed {
  counted: CountedCall[];
  captured: StoreCall[];
  body: { id?: string };
}

/**
 * Principals and tokens, the reader's items, and one request of each hot route run with its store calls watched:
 * counted (goal 4) and captured (the raw side replays them). Runs in this process, against the shared store.
 */
const probeRoutes = async () => {
  const store = instrumentStore();
  const community = `bench-${randomUUID().slice(0, 8)}`;
  const principal = (name: string, roles: Principal['roles']): Principal => ({ userId: randomUUID(), communityId: community, name, roles });
  const writer = principal('压测居民甲', ['resident']);
  const reader = principal('压测居民乙', ['resident']);
  const staff = principal('压测工作人员', ['committee']);
  const [writerToken, readerToken, staffToken] = await Promise.all([issueToken(writer), issueToken(reader), issueToken(staff)]);
  const keep = new Set([writer.userId, reader.userId, staff.userId]);

  const submitEvent = (token: string) => apiEvent(api.feedback.submitFeedback, { token, body: FORM, headers: { 'idempotency-key': randomUUID() } });
  let readerItem = '';
  for (let i = 0; i < 40; i++) {
    const r = await invoke(feedbackHandler, submitEvent(readerToken));
    if (r.statusCode !== 201) throw new Error(`setup: submit answered ${r.statusCode}: ${r.body}`);
    readerItem ||= (JSON.parse(r.body!) as { id: string }).id;
  }
  keep.add(readerItem);

  const watch = async (e: ReturnType<typeof apiEvent>, status: number): Promise<Probed> => {
    const w = await store.watch(() => invoke(feedbackHandler, e));
    if (w.result.statusCode !== status) throw new Error(`${e.routeKey} answered ${w.result.statusCode}: ${w.result.body}`);
    if (w.captured.length !== w.counted.length)
      throw new Error(`${e.routeKey}: ${w.counted.length} store calls counted, ${w.captured.length} captured (one bypassed the document client)`);
    return { counted: w.counted, captured: w.captured, body: JSON.parse(w.result.body ?? 'null') as { id?: string } };
  };
  const submit = await watch(submitEvent(writerToken), 201);
  const submittedId = submit.body.id!;
  const put = submit.captured.find((c) => (c.input as { Item?: unknown }).Item)?.input as { TableName: string; Item: Record<string, unknown> } | undefined;
  if (!put) throw new Error('the probed submit stored no item');
  /**
   * Writes `ids.length` new items in `submitted`, each a copy of the item the probed submit stored (the same
   * attributes and index keys), for `reporterId` of `to` (default: the writer, here): what transitions move and
   * what long lists are made of. BatchWriteItem, 25 at a time, 4 batches in flight.
   */
  const seed = async (ids: string[], to = { community, reporterId: writer.userId }) => {
    const template = JSON.stringify(put.Item).split(community).join(to.community).split(writer.userId).join(to.reporterId);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < ids.length) {
          const batch = ids.slice(next, (next += 25));
          let requests: unknown[] | undefined = batch.map((id) => ({ PutRequest: { Item: JSON.parse(template.split(submittedId).join(id)) as unknown } }));
          while (requests?.length) {
            const out: { UnprocessedItems?: Record<string, unknown[]> } = await db().send(
              new BatchWriteCommand({ RequestItems: { [put.TableName]: requests as never } }),
            );
            requests = out.UnprocessedItems?.[put.TableName];
          }
        }
      }),
    );
    return ids;
  };
  const fresh = (n: number) => Array.from({ length: n }, () => randomUUID());
  const listEvent = () => apiEvent(api.feedback.listMyFeedback, { token: readerToken, query: { limit: '20' } });
  const getEvent = () => apiEvent(api.feedback.getFeedback, { token: readerToken, params: { id: readerItem } });
  const transitionEvent = (id: string) => apiEvent(api.feedback.transitionFeedback, { token: staffToken, params: { id }, body: { to: 'accepted', version: 1 } });
  const list = await watch(listEvent(), 200);
  const get = await watch(getEvent(), 200);
  const [moved] = await seed(fresh(1));
  const transition = await watch(transitionEvent(moved!), 200);

  return {
    store,
    keep,
    seed,
    fresh,
    routes: {
      submit: { ...submit, route: 'POST /v1/feedback', kind: 'create' as const, event: () => submitEvent(writerToken), status: 201 },
      list: { ...list, route: 'GET /v1/feedback/mine', kind: 'read' as const, event: listEvent, status: 200 },
      get: { ...get, route: 'GET /v1/feedback/{id}', kind: 'read' as const, event: getEvent, status: 200 },
      transition: { ...transition, route: 'POST /v1/admin/feedback/{id}/transitions', kind: 'transition' as const, target: moved!, event: transitionEvent, status: 200 },
    },
  };
};
type Probe = Awaited<ReturnType<typeof probeRoutes>>;

// ── 1. In-process ────────────────────────────────────────────────────────────────────────────────────────────

const inProcess = async (probe: Probe, store: Store) => {
  section('1. In-process: the Lambda handler (v2 events) vs the same store calls made directly');
  const { routes, keep } = probe;
  const expect = (status: number) => async (p: Promise<{ statusCode?: number }>) => (await p).statusCode === status;
  const ops: { name: keyof Probe['routes']; prepare: (n: number) => Promise<{ ours: Side; raw: Side }> }[] = [
    {
      name: 'submit',
      prepare: async (n) => {
        const events = Array.from({ length: n }, routes.submit.event);
        const raws = Array.from({ length: n }, () => freshCopy(routes.submit.captured, keep));
        return { ours: (i) => expect(201)(invoke(feedbackHandler, events[i]!)), raw: (i) => probe.store.replay(raws[i]!) };
      },
    },
    {
      name: 'list',
      prepare: async (n) => {
        const events = Array.from({ length: n }, routes.list.event);
        return { ours: (i) => expect(200)(invoke(feedbackHandler, events[i]!)), raw: () => probe.store.replay(routes.list.captured) };
      },
    },
    {
      name: 'get',
      prepare: async (n) => {
        const events = Array.from({ length: n }, routes.get.event);
        return { ours: (i) => expect(200)(invoke(feedbackHandler, events[i]!)), raw: () => probe.store.replay(routes.get.captured) };
      },
    },
    {
      name: 'transition',
      prepare: async (n) => {
        const events = (await probe.seed(probe.fresh(n))).map(routes.transition.event);
        const raws = (await probe.seed(probe.fresh(n))).map((id) => freshCopy(routes.transition.captured, keep, new Map([[routes.transition.target, id]])));
        return { ours: (i) => expect(200)(invoke(feedbackHandler, events[i]!)), raw: (i) => probe.store.replay(raws[i]!) };
      },
    },
  ];
  const cpu = [selfCpu, store.cpu];
  const batch = (side: Side) => runBatch(side, { n: REQUESTS, concurrency: INPROCESS_CONCURRENCY, limitMs: BATCH_MS, cpu });
  const pairs: Pair[] = [];
  const alone = new Map<string, number>();
  for (const op of ops) {
    // The stack alone: the same requests with every store call answered from memory (the answers the store gave
    // one real request), so only our code runs. Free of the store's noise, this is the figure to optimise against.
    const { ours: real } = await op.prepare(1);
    const answers = await probe.store.answersTo(() => real(0));
    const stackAlone: number[] = [];
    for (let b = 0; b < 3; b++) {
      const { ours } = await op.prepare(STACK_REQUESTS);
      const r = await probe.store.answering(answers, STACK_REQUESTS, () =>
        runBatch(ours, { n: STACK_REQUESTS, concurrency: 1, limitMs: BATCH_LIMIT_MS, cpu: [selfCpu] }),
      );
      if (r.errors) throw new Error(`${op.name}: ${r.errors} errors with the store answered from memory`);
      if (b > 0) stackAlone.push(r.cpu.caller! * 1000);
    }
    alone.set(op.name, median(stackAlone));
    const warm = await op.prepare(30);
    for (let i = 0; i < 30; i++) await warm.ours(i), await warm.raw(i);
    pairs.push(
      await interleave(op.name, ROUNDS, {
        ours: async () => batch((await op.prepare(REQUESTS)).ours),
        raw: async () => batch((await op.prepare(REQUESTS)).raw),
      }),
    );
  }
  console.log(
    `${ROUNDS} rounds of ${BATCH_MS / 1000} s (at most ${REQUESTS} requests) a side, ${INPROCESS_CONCURRENCY} at a time (as one Lambda instance); dynalite in its own process.`,
  );
  console.log('Stack CPU = CPU per request of this process, handler minus raw: what middy, the token check, zod and the use case add;');
  console.log('stack alone = CPU per request of the handler with every store call answered from memory (no store, no noise from it).\n');
  console.log(
    table(
      ['route', 'store calls', 'req/s handler / raw', 'ratio (median, rounds min–max)', 'p50 ms handler / raw', 'stack CPU ms/req', 'stack alone µs/req', 'store CPU ms/req handler / raw', 'errors'],
      pairs.map((p) => {
        const r = routes[p.name as keyof Probe['routes']];
        const o = summary(p.ours);
        const w = summary(p.raw);
        const rs = ratios(p);
        return [
          r.route,
          describeCalls(r.counted),
          `${fmt(o.rps, 0)} / ${fmt(w.rps, 0)}`,
          `${fmt(median(rs), 2)} (${spread(rs)})`,
          `${fmt(o.p50, 2)} / ${fmt(w.p50, 2)}`,
          fmt(o.cpu('caller') - w.cpu('caller'), 2),
          fmt(alone.get(p.name)!, 0),
          `${fmt(o.cpu('store'), 2)} / ${fmt(w.cpu('store'), 2)}`,
          `${o.errors} / ${w.errors}`,
        ];
      }),
    ),
  );
  for (const p of pairs) {
    const rs = ratios(p);
    // judged on the value as printed: a line saying 0.90× never says missed
    goals.push({
      name: `inprocess-${p.name}`,
      measured: `${fmt(median(rs), 2)}× (rounds ${spread(rs)}; stack alone ${fmt(alone.get(p.name)!, 0)} µs/req)`,
      target: '≥ 0.90× raw store calls',
      met: Number(fmt(median(rs), 2)) >= 0.9,
    });
  }
};

/** Goal 4, from the probes: one call per read; one conditional write, and no other write, per create and transition. */
const storeCallGoal = (probe: Probe) => {
  section('Store calls per request (counted on the shared DynamoDB client)');
  const rows = Object.values(probe.routes).map((r) => {
    const writes = r.counted.filter(isWrite);
    const ok = r.kind === 'read' ? r.counted.length <= 1 : writes.length <= 1 && writes.every((w) => w.conditional);
    return { r, writes, ok };
  });
  console.log(
    table(
      ['route', 'calls', 'writes', 'in order', 'goal'],
      rows.map(({ r, writes, ok }) => [r.route, r.counted.length, writes.length, describeCalls(r.counted), ok ? 'met' : 'missed']),
    ),
  );
  goals.push({
    name: 'store-calls',
    measured: rows.map(({ r, writes }) => `${r.route.replace('/v1/', '')}: ${plural(r.counted.length, 'call')}, ${plural(writes.length, 'write')}`).join('; '),
    target: '≤ 1 call per read, 1 conditional write per create/transition',
    met: rows.every((x) => x.ok),
  });
};

// ── 2. HTTP ──────────────────────────────────────────────────────────────────────────────────────────────────

const httpPhase = async (probe: Probe, store: Store) => {
  section('2. HTTP: the request as the mini-program sends it, through the local gateway, vs the same store calls');
  const gateway = await startChild<{ url: string }>('gateway', 'gateway', store.address.storeEndpoint);
  try {
    const url = gateway.address.url;
    const send = async (endpoint: Endpoint, o: { token?: string; body?: unknown; params?: Record<string, string>; query?: string; key?: boolean }) => {
      const path = endpoint.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(o.params?.[p] ?? ''));
      const headers: Record<string, string> = {};
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      if (o.key) headers['idempotency-key'] = randomUUID();
      const r = await fetch(`${url}${path}${o.query ?? ''}`, { method: endpoint.method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const login = async (name: string) => (await send(api.identity.wechatLogin, { body: { code: `dev:${name}` } })).body.token as string;
    const writer = await login(`压测居民甲${randomUUID().slice(0, 6)}`);
    const reader = await login(`压测居民乙${randomUUID().slice(0, 6)}`);
    let readerItem = '';
    for (let i = 0; i < 40; i++) readerItem ||= (await send(api.feedback.submitFeedback, { token: reader, body: FORM, key: true })).body.id as string;
    const { routes, keep } = probe;
    const ops: { name: string; route: string; ours: Side; raw: (n: number) => Side }[] = [
      {
        name: 'submit',
        route: routes.submit.route,
        ours: async () => (await send(api.feedback.submitFeedback, { token: writer, body: FORM, key: true })).status === 201,
        raw: (n) => {
          const raws = Array.from({ length: n }, () => freshCopy(routes.submit.captured, keep));
          return (i) => probe.store.replay(raws[i]!);
        },
      },
      {
        name: 'list',
        route: routes.list.route,
        ours: async () => (await send(api.feedback.listMyFeedback, { token: reader, query: '?limit=20' })).status === 200,
        raw: () => () => probe.store.replay(routes.list.captured),
      },
      {
        name: 'get',
        route: routes.get.route,
        ours: async () => (await send(api.feedback.getFeedback, { token: reader, params: { id: readerItem } })).status === 200,
        raw: () => () => probe.store.replay(routes.get.captured),
      },
    ];
    const n = REQUESTS * 2;
    const batch = (side: Side, cpu: CpuSource[]) => runBatch(side, { n, concurrency: HTTP_CONCURRENCY, limitMs: BATCH_MS, cpu });
    const results: { op: (typeof ops)[number]; pair: Pair }[] = [];
    for (const op of ops) {
      for (let i = 0; i < 30; i++) await op.ours(i), await op.raw(1)(0);
      const pair = await interleave(op.name, ROUNDS, {
        ours: () => batch(op.ours, [selfCpu, gateway.cpu, store.cpu]),
        raw: () => batch(op.raw(n), [selfCpu, store.cpu]),
      });
      results.push({ op, pair });
    }
    console.log(
      `${ROUNDS} rounds of ${BATCH_MS / 1000} s (at most ${n} requests) a side, ${HTTP_CONCURRENCY} at a time. Three processes (caller, gateway + handlers, store) against two (caller, store).\n`,
    );
    console.log(
      table(
        ['route', 'req/s gateway / raw', 'ratio (median, min–max)', 'p50 ms gateway / raw', 'p99 ms gateway / raw', 'CPU ms/req caller · gateway · store', 'raw CPU ms/req caller · store', 'errors'],
        results.map(({ op, pair }) => {
          const o = summary(pair.ours);
          const w = summary(pair.raw);
          const rs = ratios(pair);
          return [
            op.route,
            `${fmt(o.rps, 0)} / ${fmt(w.rps, 0)}`,
            `${fmt(median(rs), 2)} (${spread(rs)})`,
            `${fmt(o.p50, 2)} / ${fmt(w.p50, 2)}`,
            `${fmt(o.p99, 1)} / ${fmt(w.p99, 1)}`,
            `${fmt(o.cpu('caller'), 2)} · ${fmt(o.cpu('gateway'), 2)} · ${fmt(o.cpu('store'), 2)}`,
            `${fmt(w.cpu('caller'), 2)} · ${fmt(w.cpu('store'), 2)}`,
            `${o.errors} / ${w.errors}`,
          ];
        }),
      ),
    );
  } finally {
    gateway.stop();
  }
};

// ── 3. Lists at scale ────────────────────────────────────────────────────────────────────────────────────────

const listPhase = async (probe: Probe) => {
  section(`3. Lists at scale: ${LIST_ITEMS.toLocaleString('en')} items against ${LIST_SMALL.toLocaleString('en')}, in-process`);
  const sides = await Promise.all(
    [LIST_SMALL, LIST_ITEMS].map(async (count) => {
      const community = `bench-list-${count}-${randomUUID().slice(0, 6)}`;
      const reporter: Principal = { userId: randomUUID(), communityId: community, name: '压测居民', roles: ['resident'] };
      const staff: Principal = { userId: randomUUID(), communityId: community, name: '压测工作人员', roles: ['committee'] };
      return { count, community, reporter, staff, reporterToken: await issueToken(reporter), staffToken: await issueToken(staff) };
    }),
  );
  const t0 = performance.now();
  for (const s of sides) await probe.seed(probe.fresh(s.count), { community: s.community, reporterId: s.reporter.userId });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`Filled in ${fmt(seconds, 0)} s (${fmt((LIST_SMALL + LIST_ITEMS) / seconds, 0)} items/s, BatchWriteItem).\n`);

  const lists = [
    {
      name: 'my feedback',
      route: 'GET /v1/feedback/mine',
      event: (s: (typeof sides)[number]) => apiEvent(api.feedback.listMyFeedback, { token: s.reporterToken, query: { limit: '20' } }),
    },
    {
      name: 'committee queue',
      route: 'GET /v1/admin/feedback',
      event: (s: (typeof sides)[number]) => apiEvent(api.feedback.listFeedbackQueue, { token: s.staffToken, query: { status: 'submitted', limit: '20' } }),
    },
  ];
  const rows: (string | number)[][] = [];
  let worst = 0;
  let calls = 0;
  for (const l of lists) {
    const [small, large] = sides.map((s) => async () => {
      const r = await invoke(feedbackHandler, l.event(s));
      return r.statusCode === 200 && (JSON.parse(r.body!) as { items: unknown[] }).items.length === 20;
    });
    for (const s of sides) calls = Math.max(calls, (await probe.store.count(() => invoke(feedbackHandler, l.event(s)))).length);
    for (let i = 0; i < 30; i++) await small!(), await large!();
    const batch = (side: Side) => runBatch(side, { n: REQUESTS, concurrency: INPROCESS_CONCURRENCY, limitMs: BATCH_MS, cpu: [selfCpu] });
    const pair = await interleave(l.name, ROUNDS, { ours: () => batch(large!), raw: () => batch(small!) });
    const p50s = pair.ours.map((b, i) => b.p50 / pair.raw[i]!.p50);
    worst = Math.max(worst, median(p50s));
    const o = summary(pair.ours);
    const w = summary(pair.raw);
    rows.push([
      l.route,
      `${fmt(w.p50, 2)} / ${fmt(o.p50, 2)}`,
      `${fmt(median(p50s), 2)} (${spread(p50s)})`,
      `${fmt(w.rps, 0)} / ${fmt(o.rps, 0)}`,
      `${w.errors} / ${o.errors}`,
    ]);
  }
  console.log(table(['list (20 a page)', `p50 ms ${LIST_SMALL / 1000}k / ${LIST_ITEMS / 1000}k`, 'p50 ratio (median, min–max)', 'req/s 1k / large', 'errors'], rows));
  goals.push({
    name: 'list-at-scale',
    measured: `p50 at ${LIST_ITEMS / 1000}k ÷ 1k: ${fmt(worst, 2)}× (worst list), ${plural(calls, 'store call')} a page`,
    target: '≤ 1.10×, 1 Query per page',
    met: worst <= 1.1 && calls === 1,
  });
};

// ── 4. Cold init ─────────────────────────────────────────────────────────────────────────────────────────────

const coldPhase = async () => {
  section('4. Cold init: importing each Lambda bundle in a fresh Node process vs bare Node');
  const { bundles, references, done } = await buildBundles();
  try {
    const measured = [...bundles.map((b) => ({ name: b.context as string, file: b.file, bytes: b.bytes })), ...references];
    const { bare, bundles: figures } = await coldStarts(measured, COLD_RUNS);
    const range = (s: { median: number; p25: number; p75: number }) => `${fmt(s.median, 0)} (${fmt(s.p25, 0)}–${fmt(s.p75, 0)})`;
    console.log(`${COLD_RUNS} runs each, round-robin; node --input-type=module -e "await import(bundle)" with the Lambda environment. ms median (p25–p75).\n`);
    console.log(
      table(
        ['process', 'bundle', 'wall ms', '× bare', 'CPU ms', '× bare'],
        [
          ['bare node', '-', range(bare.wall), '1.00', range(bare.cpu), '1.00'],
          ...figures.map((f) => {
            const b = measured.find((x) => x.name === f.name)!;
            return [f.name, kb(b.bytes), range(f.wall), fmt(f.wallRatio, 2), range(f.cpu), fmt(f.cpuRatio, 2)];
          }),
        ],
      ),
    );
    console.log('\nLargest parts of each bundle (minified bytes):');
    for (const b of bundles) console.log(`  ${b.context.padEnd(9)} ${b.packages.slice(0, 7).map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`);
    console.log(`  (references: ${Object.keys(REFERENCES).join(', ')} are parts every bundle holds, bundled alone the same way)`);
    for (const f of figures.filter((x) => bundles.some((b) => b.context === x.name)))
      goals.push({
        name: `cold-init-${f.name}`,
        measured: `${fmt(f.wallRatio, 2)}× bare (wall ${fmt(f.wall.median, 0)} vs ${fmt(bare.wall.median, 0)} ms; CPU ${fmt(f.cpuRatio, 2)}×)`,
        target: '≤ 1.50× bare Node',
        met: f.wallRatio <= 1.5,
      });
  } finally {
    done();
  }
};

// ── 5. The app ───────────────────────────────────────────────────────────────────────────────────────────────

const appPhase = async () => {
  section('5. Mini-program: what a phone downloads first');
  const weapp = weappMainPackageBytes();
  let h5: FirstLoad | undefined;
  let h5Error = '';
  try {
    h5 = await h5FirstLoad();
  } catch (err) {
    h5Error = (err as Error).message.split('\n')[0]!;
  }
  console.log(`weapp main package: ${kb(weapp)} (WeChat's limit 2048 KB)`);
  if (h5) {
    console.log(`H5 first load: ${kb(h5.js.wire)} of JS as sent (${kb(h5.js.raw)} as files), ${kb(h5.total.wire)} in all (${kb(h5.total.raw)} as files)`);
    for (const f of h5.js.files) console.log(`  ${f.path} ${kb(f.wire)}`);
  } else console.log(`H5 first load: not measured (${h5Error})`);
  goals.push({ name: 'weapp-main-package', measured: kb(weapp), target: '≤ 1024 KB', met: weapp <= 1024 * 1024 });
  goals.push({
    name: 'h5-first-load-js',
    measured: h5 ? `${kb(h5.js.wire)} gzip (${h5.js.files.length} scripts)` : `not measured (${h5Error})`,
    target: '≤ 150 KB gzip',
    met: h5 ? h5.js.wire <= 150 * 1024 : false,
  });
  goals.push({
    name: 'local-server-gzip',
    measured: !h5
      ? 'not measured'
      : h5.uncompressed.length
        ? `uncompressed: ${h5.uncompressed.join(', ')}`
        : `every text answer ≥ 1 KB gzipped (${kb(h5.total.raw)} sent as ${kb(h5.total.wire)})`,
    target: 'text answers compressed',
    met: h5 ? h5.uncompressed.length === 0 : false,
  });
};

const skippedApp = () => {
  for (const [name, target] of [
    ['weapp-main-package', '≤ 1024 KB'],
    ['h5-first-load-js', '≤ 150 KB gzip'],
    ['local-server-gzip', 'text answers compressed'],
  ] as const)
    goals.push({ name, measured: SKIP_APP ? 'not measured (BENCH_SKIP_APP=1)' : 'not measured (phase not selected)', target, met: 'skipped' });
};

const ballotsPhase = async (store: Child<{ storeEndpoint: string }>) => {
  section(`6. Ballots: ${COUNCIL_MEMBERS} council members each casting twice at once, through the local gateway`);
  const gateway = await startChild<{ url: string }>('gateway', 'gateway', store.address.storeEndpoint);
  try {
    const r = await ballotRace(gateway.address.url, gateway.cpu, COUNCIL_MEMBERS);
    console.log(
      table(
        ['attempts', 'accepted', 'refused (already voted)', 'other', 'stored ballots', 'count exact', 'all answered in', 'p50', 'p95', 'gateway CPU / attempt'],
        [[r.attempts, r.accepted, r.refusedAsDuplicate, r.other, r.storedBallots, r.exact ? 'yes' : 'NO', `${fmt(r.seconds, 2)} s`, `${fmt(r.p50, 0)} ms`, `${fmt(r.p95, 0)} ms`, `${fmt(r.gatewayCpuMsPerAttempt, 2)} ms`]],
      ),
    );
    goals.push({
      name: 'council-ballot-race',
      measured: `${r.storedBallots} ballots from ${r.attempts} attempts, count ${r.exact ? 'exact' : 'NOT exact'}, ${fmt(r.seconds, 2)} s`,
      target: `exactly ${r.members} ballots and an exact count`,
      met: r.exact && r.other === 0,
    });
  } finally {
    gateway.stop();
  }
};

const timed = async (phase: () => Promise<void>) => {
  const t0 = performance.now();
  await phase();
  console.log(`\n(${fmt((performance.now() - t0) / 1000, 0)} s)`);
};

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────────────────

const main = async () => {
  const started = performance.now();
  console.log(`# Gongzhi bench — node ${process.version}, ${ROUNDS} rounds a comparison; phases: ${[...PHASES].join(', ')}`);
  if (PHASES.has('inprocess') || PHASES.has('http') || PHASES.has('list') || PHASES.has('ballots')) {
    const store = await startChild<{ storeEndpoint: string }>('store', 'store');
    try {
      process.env.DYNAMODB_ENDPOINT = store.address.storeEndpoint;
      await ensureTables();
      const probe = await probeRoutes();
      storeCallGoal(probe);
      if (PHASES.has('inprocess')) await timed(() => inProcess(probe, store));
      if (PHASES.has('http')) await timed(() => httpPhase(probe, store));
      if (PHASES.has('list')) await timed(() => listPhase(probe));
      if (PHASES.has('ballots')) await timed(() => ballotsPhase(store));
    } finally {
      store.stop();
    }
  }
  if (PHASES.has('cold')) await timed(coldPhase);
  if (PHASES.has('app')) await timed(appPhase);
  else skippedApp();

  section('Summary');
  console.log(table(['goal', 'measured', 'target', 'verdict'], goals.map((g) => [g.name, g.measured, g.target, verdict(g)])));
  console.log(`\nbench took ${fmt((performance.now() - started) / 1000, 0)} s\n`);
  for (const g of goals) console.log(`goal ${g.name}: ${g.measured} (target ${g.target}) ${verdict(g)}`);
};

setTimeout(() => {
  console.error(`bench: still running after ${BENCH_LIMIT_MS / 60_000} min, stopping`);
  process.exit(2);
}, BENCH_LIMIT_MS).unref();

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

