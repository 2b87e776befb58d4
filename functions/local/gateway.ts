import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { routeKey, type HttpMethod } from '../../shared/api/endpoint';
import type { ContextName } from '../../shared/api';
import { badRequest, problemResponse, HttpProblem, notFound, type FieldError } from '../src/http/problem';
import { API_SECURITY_HEADERS, CORS_ALLOW_HEADERS, corsOrigins, makeContextHandler, type LambdaHandler } from '../src/http/stack';
import { routeTable } from '../src/routes';
import { decodeSegment, requestTarget } from './target';

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  /** Each `{param}` and the index of its segment in the path. */
  params: { name: string; segment: number }[];
  context: ContextName;
}

type Headers = Record<string, string | number | boolean>;

/** API Gateway's own limit is 10 MB; the functions refuse much less themselves. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** How long a refused upload is still read (and dropped) after the 413, at most, before the connection closes. */
const LINGER_MS = 2000;

const compile = (method: string, path: string, context: ContextName): CompiledRoute => {
  const params: CompiledRoute['params'] = [];
  const source = path
    .split('/')
    .map((seg, segment) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      params.push({ name: m[1]!, segment });
      return '[^/]+';
    })
    .join('/');
  return { key: routeKey({ method: method as HttpMethod, path }), method, pattern: new RegExp(`^${source}$`), params, context };
};

const send = (res: ServerResponse, status: number, headers: Headers, body?: string) => {
  res.writeHead(status, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])));
  res.end(body);
};

/**
 * Reads the body up to MAX_REQUEST_BYTES. Past it, resolves undefined at once and drops whatever still arrives
 * (the stream keeps flowing, so the client is not left writing into a full socket).
 */
const readBody = (req: IncomingMessage) =>
  new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
      else {
        over = true;
        chunks.length = 0;
        resolve(undefined);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * Answers a refused upload (413) and closes the connection politely: the body is not kept, the answer goes out
 * at once, and what the client still sends is read and dropped until it stops (or LINGER_MS), and only then the
 * connection closes. Closing while data is still arriving resets the connection, and a reset can throw away the
 * answer on the client's side before it has read it.
 */
const refuseBody = (req: IncomingMessage, res: ServerResponse, status: number, headers: Headers, body: string) => {
  // With its length given, the answer is complete for the client before the connection closes.
  const all: Headers = { ...headers, 'content-length': Buffer.byteLength(body), connection: 'close' };
  res.writeHead(status, Object.fromEntries(Object.entries(all).map(([k, v]) => [k, String(v)])));
  res.write(body);
  let timer: NodeJS.Timeout | undefined;
  const close = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  if (req.complete || req.destroyed) {
    close();
    return;
  }
  timer = setTimeout(close, LINGER_MS).unref();
  req.once('end', close);
  req.once('close', close);
  req.resume();
};

/**
 * The local stand-in for API Gateway HTTP APIs: matches the route table, builds the same v2 event and a Lambda
 * context, and calls the same context handler that AWS calls. Literal routes win over `{param}` ones, as in AWS.
 * What API Gateway answers itself is answered here too, before any handler runs: a malformed path (400), an
 * unknown path (404), a method the path does not serve (405), CORS preflight, and bodies over the limit (413).
 * `CORS_ORIGINS` is read when the gateway is made, as the handlers read it when they are built.
 */
export const makeGateway = () => {
  const routes: CompiledRoute[] = [];
  const handlers = new Map<ContextName, LambdaHandler>();
  for (const [context, list] of Object.entries(routeTable) as [ContextName, (typeof routeTable)[ContextName]][]) {
    handlers.set(context, makeContextHandler(list));
    for (const r of list) routes.push(compile(r.endpoint.method, r.endpoint.path, context));
  }
  routes.sort((a, b) => a.params.length - b.params.length);
  const allowedOrigins = new Set(corsOrigins());

  /** CORS on the gateway's own answers: the origin echoed only when it is on the allow-list. */
  const cors = (origin: string | undefined): Headers =>
    origin && allowedOrigins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };

  /** Serves one `/v1/...` request. */
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = req.headers.origin;
    const own = (extra: Headers = {}): Headers => ({ ...API_SECURITY_HEADERS, ...cors(origin), 'apigw-requestid': requestId, ...extra });
    const answer = (problem: HttpProblem, extra: Headers = {}) => {
      const r = problemResponse(problem, requestId);
      send(res, r.statusCode ?? problem.status, { ...r.headers, ...own(extra) }, r.body);
    };

    const target = requestTarget(req.url);
    if (!target) return answer(badRequest('请求地址无效'));
    const decoded = target.path.split('/').map(decodeSegment);
    const candidates = routes.filter((r) => r.pattern.test(target.path));

    // A malformed escape (`%ZZ`, `%`, bytes that are not UTF-8) is the client's error wherever it is: 400, naming
    // the path parameter when it is in one.
    const bad = decoded.flatMap((d, i) => (d === undefined ? [i] : []));
    if (bad.length) {
      const route = candidates.find((r) => r.method === method) ?? candidates[0];
      const errors: FieldError[] = (route?.params ?? [])
        .filter((p) => bad.includes(p.segment))
        .map((p) => ({ location: 'params', path: p.name, message: '不是有效的 URL 编码' }));
      return answer(badRequest('请求路径含有无效的 URL 编码', errors.length ? errors : undefined));
    }
    if (candidates.length === 0) return answer(notFound('没有这个接口'));

    const allow = [...new Set([...candidates.map((r) => r.method), 'OPTIONS'])].sort().join(', ');
    if (method === 'OPTIONS') {
      const preflight = origin !== undefined && req.headers['access-control-request-method'] !== undefined;
      if (!preflight) return send(res, 204, own({ allow }));
      // An origin not on the list gets 204 without allow-origin rather than 403: the browser refuses the real
      // request either way, and its page never sees the preflight's status.
      if (!allowedOrigins.has(origin)) return send(res, 204, own());
      return send(
        res,
        204,
        own({
          'access-control-allow-methods': allow,
          'access-control-allow-headers': CORS_ALLOW_HEADERS.join(','),
          'access-control-max-age': 600,
        }),
      );
    }
    const route = candidates.find((r) => r.method === method);
    if (!route) return answer(new HttpProblem(405, 'method-not-allowed', '不支持此请求方法', `此接口支持 ${allow}`), { allow });

    // An honest length above the limit is refused before reading; with `Expect: 100-continue`, before it is sent.
    const tooLarge = () => {
      const r = problemResponse(new HttpProblem(413, 'payload-too-large', '内容过长', '请求体过大'), requestId);
      refuseBody(req, res, r.statusCode ?? 413, { ...r.headers, ...own() }, r.body ?? '');
    };
    if (Number(req.headers['content-length']) > MAX_REQUEST_BYTES) return tooLarge();
    if (/^100-continue$/i.test(req.headers.expect ?? '')) res.writeContinue();
    const body = await readBody(req);
    if (!body) return tooLarge();

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(target.query)) query[k] = k in query ? `${query[k]},${v}` : v;
    const pathParameters = Object.fromEntries(route.params.map((p) => [p.name, decoded[p.segment]!]));
    const now = new Date();
    const key = route.key;
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: key,
      rawPath: target.path,
      rawQueryString: target.query,
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: route.params.length ? pathParameters : undefined,
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: target.path,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: key,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
      },
    };
    const deadline = Date.now() + 29_000;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: `gongzhi-${route.context}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gongzhi-${route.context}`,
      memoryLimitInMB: '512',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/gongzhi-${route.context}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    const result = await handlers.get(route.context)!(event, context);
    send(res, result.statusCode ?? 200, { ...result.headers, 'apigw-requestid': requestId }, result.body);
  };
};
