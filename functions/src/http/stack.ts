import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { routeKey } from '../../../shared/api/endpoint';
import { authenticate, type Principal } from './auth';
import { IdempotencyHeaders } from '../../../shared/api/common';
import { logger } from './logger';
import { forbidden, HttpProblem, internalError, notFound, problemResponse, toProblem } from './problem';
import type { Job, Route } from './route';
import { validateParts } from './validate';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
type Request = middy.Request<Event, Result, Error, Context>;

/** What the stack learns about a request on its way down, in order (kept on the Lambda context, as middy does). */
type RequestState = {
  requestId: string;
  startedAt: number;
  principal?: Principal;
  input?: Record<'params' | 'query' | 'body', unknown>;
  idempotencyKey?: string;
};
type StackContext = Context & { gongzhi?: RequestState };

/** Request headers a browser may send cross-origin; the CDK API's CORS preflight allows the same. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key'] as const;

/**
 * Headers on every API answer, errors included: JSON is never sniffed as something else, never framed, never
 * cached (answers carry tokens and personal data).
 */
export const API_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;

/** The browser origins allowed to call the API cross-origin (`CORS_ORIGINS`, comma-separated); none when unset. */
export const corsOrigins = (): string[] =>
  (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o && o !== '*');

/** Bodies above this are refused before parsing (413): every form here is a few KB at most. */
export const MAX_BODY_BYTES = 16 * 1024;

const state = (request: Request): RequestState => {
  const context = request.context as StackContext;
  context.gongzhi ??= { requestId: 'unknown', startedAt: Date.now() };
  return context.gongzhi;
};

const header = (event: Event, name: string): string | undefined => {
  const headers = event.headers ?? {};
  return headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
};

/** 1. Request id and one structured log line per request (route, status, time; no personal data). */
const requestLog = (route: Route): middy.MiddlewareObj<Event, Result> => {
  const key = routeKey(route.endpoint);
  const done = (request: Request) => {
    const s = state(request);
    const status = request.response?.statusCode ?? 500;
    const line = { route: key, status, durationMs: Date.now() - s.startedAt, requestId: s.requestId, roles: s.principal?.roles };
    if (status >= 500) logger.error('request failed', { ...line, error: request.error });
    else logger.info('request', line);
  };
  return {
    before: (request) => {
      const s = state(request as Request);
      s.requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId ?? 'local';
      s.startedAt = Date.now();
    },
    after: (request) => done(request as Request),
    onError: (request) => done(request as Request),
  };
};

/** 7. Every error becomes RFC 9457 problem details; unknown ones become a bare 500 with the request id. */
const problemDetails = (): middy.MiddlewareObj<Event, Result> => ({
  onError: (request) => {
    const problem = toProblem(request.error) ?? internalError();
    request.response = problemResponse(problem, state(request as Request).requestId);
  },
});

/** Answers differ by Origin (the CORS allow-list), so caches must keep them apart. */
const withSecurityHeaders = (request: Request) => {
  if (!request.response) return;
  const headers: Record<string, string | number | boolean> = { ...request.response.headers, ...API_SECURITY_HEADERS };
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'vary')) headers.vary = 'Origin';
  request.response.headers = headers;
};
const securityHeaders = (): middy.MiddlewareObj<Event, Result> => ({
  after: (request) => withSecurityHeaders(request as Request),
  onError: (request) => withSecurityHeaders(request as Request),
});

/** 2a. Size limit before any parsing. */
const bodyLimit = (): middy.MiddlewareObj<Event, Result> => ({
  before: ({ event }) => {
    if (!event.body) return;
    const bytes = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
    if (bytes > MAX_BODY_BYTES)
      throw new HttpProblem(413, 'payload-too-large', '内容过长', `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB`);
  },
});

/** 3 + 4. Bearer JWT, then the roles the route table names. Object-level checks stay in the handlers. */
const access = (route: Route): middy.MiddlewareObj<Event, Result> => ({
  before: async (request) => {
    const { access: allowed } = route.endpoint;
    if (allowed === 'public') return;
    const principal = await authenticate(header(request.event, 'authorization'));
    if (allowed !== 'signed-in' && !principal.roles.some((r) => allowed.includes(r))) throw forbidden();
    state(request as Request).principal = principal;
  },
});

/** 5. zod validation of path, query and body, all at once (and of the `Idempotency-Key` where one is honoured). */
const validation = (route: Route): middy.MiddlewareObj<Event, Result> => ({
  before: (request) => {
    const { event } = request;
    const { params, query, body, idempotent } = route.endpoint;
    const s = state(request as Request);
    const input = validateParts({
      params: { schema: params, value: event.pathParameters ?? {} },
      query: { schema: query, value: event.queryStringParameters ?? {} },
      body: { schema: body, value: body ? (event.body as unknown) ?? {} : undefined },
      headers: { schema: idempotent ? IdempotencyHeaders : undefined, value: { 'idempotency-key': header(event, 'idempotency-key') } },
    });
    s.input = input;
    s.idempotencyKey = (input.headers as { 'idempotency-key'?: string } | undefined)?.['idempotency-key'];
  },
});

/**
 * Builds the full middy stack for one route; the handler inside sees validated input and the caller only. The CORS
 * allow-list is read when the stack is built (the context handler reads it once for all its routes).
 */
export const makeRouteHandler = (route: Route, origins: string[] = corsOrigins()) => {
  const { endpoint } = route;
  const core = async (event: Event, context: Context): Promise<Result> => {
    const s = (context as StackContext).gongzhi!;
    const ctx = {
      principal: s.principal,
      requestId: s.requestId,
      now: new Date(),
      sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
      ...(s.idempotencyKey ? { idempotencyKey: s.idempotencyKey } : {}),
    };
    const input = s.input as Parameters<Route['handler']>[0];
    const result = await route.handler(input, ctx as never);
    const parsed = endpoint.response.safeParse(result);
    if (!parsed.success) {
      logger.error('response does not match its contract', { route: routeKey(endpoint), issues: parsed.error.issues.map((i) => i.path.join('.')) });
      throw internalError();
    }
    return {
      statusCode: endpoint.successStatus ?? 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(parsed.data),
    };
  };

  // `after` and `onError` run in reverse order: the security headers go on last, so they see CORS's `Vary`.
  const stack = middy<Event, Result, Error, Context>()
    .use(requestLog(route))
    .use(securityHeaders())
    .use(
      httpCors({
        origins,
        headers: CORS_ALLOW_HEADERS.join(','),
        exposeHeaders: 'retry-after',
        maxAge: 600,
      }),
    )
    .use(problemDetails())
    .use(bodyLimit());
  if (endpoint.body) stack.use(httpJsonBodyParser({ disableContentTypeError: false }));
  stack
    .use(access(route))
    .use(validation(route));
  return stack.handler(core);
};

export type LambdaHandler = (event: Event, context: Context) => Promise<Result>;

/** The event a schedule sends to run one of a context's jobs. */
export interface JobEvent {
  job: string;
}
export const isJobEvent = (event: unknown): event is JobEvent =>
  typeof event === 'object' && event !== null && typeof (event as JobEvent).job === 'string' && !('routeKey' in event);

/**
 * One Lambda per bounded context: it serves that context's routes and dispatches on `routeKey`, exactly as
 * API Gateway HTTP APIs send it (the local gateway sends the same); a scheduled `{ job }` event runs that job.
 * Each route's middy stack is built on its first request, not at cold start: a cold request needs only its own
 * (building all of a context's, up to 40, took ~3 ms of every cold start).
 */
export const makeContextHandler = (routes: readonly Route[], jobs: readonly Job[] = []): LambdaHandler => {
  const origins = corsOrigins();
  const routesByKey = new Map(routes.map((r) => [routeKey(r.endpoint), r]));
  const built = new Map<string, LambdaHandler>();
  const handlerFor = (key: string): LambdaHandler | undefined => {
    let handler = built.get(key);
    const route = handler ? undefined : routesByKey.get(key);
    if (route) built.set(key, (handler = makeRouteHandler(route, origins)));
    return handler;
  };
  const jobsByName = new Map(jobs.map((j) => [j.name, j]));
  return async (event, context) => {
    if (isJobEvent(event)) {
      const job = jobsByName.get(event.job);
      if (!job) throw new Error(`unknown job ${event.job}`);
      const changed = await job.run(new Date());
      logger.info('job done', { job: job.name, changed });
      return { statusCode: 200, body: JSON.stringify({ job: job.name, changed }) };
    }
    const handler = handlerFor(event.routeKey);
    if (handler) return handler(event, context);
    const r = problemResponse(notFound('没有这个接口'), event.requestContext?.requestId ?? context.awsRequestId);
    return { ...r, headers: { ...r.headers, ...API_SECURITY_HEADERS } };
  };
};
