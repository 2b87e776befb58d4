/**
 * The Lambda handlers called in this process with API Gateway v2 events, as AWS calls them (no HTTP hop), and the
 * store calls they make, seen two ways on the one shared DynamoDB client:
 *  - counted by an SDK middleware (every call, whichever client object sent it), for the calls-per-route figures;
 *  - captured at the document client (command and input), so the raw side replays exactly the calls the handler
 *    made, with fresh ids, instead of a hand-written copy that drifts as the use cases change.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routeKey, type Endpoint } from '../../shared/api/endpoint';
import { db, dynamo } from '../../functions/src/db/client';
import type { LambdaHandler } from '../../functions/src/http/stack';

/** One store call as the handler sent it: the document-client command class and its input. */
export interface StoreCall {
  command: string;
  make: (input: unknown) => unknown;
  input: unknown;
}

/** What the counting middleware saw: the low-level operation and whether it carried a condition. */
export interface CountedCall {
  operation: string;
  conditional: boolean;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
export const isWrite = (c: CountedCall) => WRITES.has(c.operation);

/**
 * Instruments the shared client (functions/src/db/client.ts) once, for the endpoint already in
 * DYNAMODB_ENDPOINT. `watch(fn)` returns what `fn` sent; outside it, nothing is recorded.
 */
export const instrumentStore = () => {
  const client = dynamo();
  const doc = db();
  let counted: CountedCall[] | undefined;
  let captured: StoreCall[] | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ConditionExpression?: unknown };
      counted?.push({ operation: String(context.commandName).replace(/Command$/, ''), conditional: typeof input.ConditionExpression === 'string' });
      return next(args);
    },
    { step: 'initialize', name: 'benchStoreCalls', override: true },
  );
  const send = doc.send.bind(doc) as (command: unknown) => Promise<unknown>;
  /** While set, calls are answered from here, in order, instead of by the store. */
  let answers: { list: unknown[]; next: number } | undefined;
  let recorded: unknown[] | undefined;
  const watched = async (command: { input: unknown; constructor: new (input: never) => unknown }) => {
    if (answers) return answers.list[answers.next++];
    const Command = command.constructor;
    captured?.push({ command: Command.name, make: (input) => new Command(input as never), input: structuredClone(command.input) });
    const out = await send(command);
    recorded?.push(structuredClone(out));
    return out;
  };
  (doc as { send: unknown }).send = watched;
  return {
    /** Runs `fn`, recording the calls it makes (counted) and what it sent (captured). */
    watch: async <T>(fn: () => Promise<T>): Promise<{ result: T; counted: CountedCall[]; captured: StoreCall[] }> => {
      counted = [];
      captured = [];
      try {
        const result = await fn();
        return { result, counted, captured };
      } finally {
        counted = undefined;
        captured = undefined;
      }
    },
    /** Counts only (cheap enough to leave on for a whole batch). */
    count: async (fn: () => Promise<unknown>): Promise<CountedCall[]> => {
      const seen: CountedCall[] = [];
      counted = seen;
      try {
        await fn();
      } finally {
        counted = undefined;
      }
      return seen;
    },
    /** The store's answers to what `fn` sent, in order. */
    answersTo: async (fn: () => Promise<unknown>): Promise<unknown[]> => {
      recorded = [];
      try {
        await fn();
        return recorded;
      } finally {
        recorded = undefined;
      }
    },
    /**
     * Runs `fn` (`requests` requests) with every store call answered from `list`, the answers to one request, so
     * nothing but our own code runs: the request path's cost without the store and its noise. The copies the
     * requests get are made before `fn` starts.
     */
    answering: async <T>(list: unknown[], requests: number, fn: () => Promise<T>): Promise<T> => {
      answers = { list: Array.from({ length: requests }, () => structuredClone(list)).flat(), next: 0 };
      try {
        return await fn();
      } finally {
        answers = undefined;
      }
    },
    /** Sends prepared calls in order, straight to the store (through the same client): a request's raw counterpart. */
    replay: async (calls: StoreCall[]): Promise<boolean> => {
      for (const c of calls) await watched(c.make(c.input) as never);
      return true;
    },
  };
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The captured calls made fresh for one replay: every UUID in them (item ids, audit and message ids) becomes a new
 * one, consistently within the replay, except those in `keep` (the callers, the item a read reads) and those in
 * `to` (an item the handler changed → the item this replay changes).
 */
export const freshCopy = (calls: StoreCall[], keep: ReadonlySet<string>, to: ReadonlyMap<string, string> = new Map()): StoreCall[] => {
  const mapped = new Map<string, string>();
  const swap = (u: string) => {
    if (keep.has(u)) return u;
    const target = to.get(u);
    if (target) return target;
    let fresh = mapped.get(u);
    if (!fresh) mapped.set(u, (fresh = randomUUID()));
    return fresh;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(UUID, swap);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Set) return new Set([...v].map(walk));
    if (v && typeof v === 'object' && !(v instanceof Uint8Array))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return calls.map((c) => ({ ...c, input: walk(c.input) }));
};

export interface Call {
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The v2 event API Gateway (and the local gateway) sends for this endpoint and call. */
export const apiEvent = (endpoint: Endpoint, call: Call = {}): APIGatewayProxyEventV2 => {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(call.params?.[p] ?? ''));
  const rawQueryString = new URLSearchParams(call.query ?? {}).toString();
  const key = routeKey(endpoint);
  const now = new Date();
  const requestId = randomUUID();
  const headers: Record<string, string> = { host: '127.0.0.1', 'user-agent': 'gongzhi-bench', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  return {
    version: '2.0',
    routeKey: key,
    rawPath: path,
    rawQueryString,
    headers,
    queryStringParameters: call.query && Object.keys(call.query).length ? call.query : undefined,
    pathParameters: call.params,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: '127.0.0.1',
      domainPrefix: 'bench',
      http: { method: endpoint.method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'gongzhi-bench' },
      requestId,
      routeKey: key,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  };
};

const lambdaContext = (requestId: string): Context =>
  ({
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'gongzhi-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:gongzhi-bench',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/gongzhi-bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

/** Invokes a context's handler with one event, as the Lambda runtime would. */
export const invoke = async (handler: LambdaHandler, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  handler(event, lambdaContext(event.requestContext.requestId));
