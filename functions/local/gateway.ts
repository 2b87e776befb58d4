import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { routeKey, type HttpMethod } from '../../shared/api/endpoint';
import type { ContextName } from '../../shared/api';
import { problemResponse, HttpProblem, notFound } from '../src/http/problem';
import { CORS_ALLOW_HEADERS, makeContextHandler, type LambdaHandler } from '../src/http/stack';
import { routeTable } from '../src/routes';

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  params: string[];
  context: ContextName;
}

/** API Gateway's own limit is 10 MB; the functions refuse much less themselves. */
const MAX_REQUEST_BYTES = 1024 * 1024;

const compile = (method: string, path: string, context: ContextName): CompiledRoute => {
  const params: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      params.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { key: routeKey({ method: method as HttpMethod, path }), method, pattern: new RegExp(`^${source}$`), params, context };
};

/**
 * The local stand-in for API Gateway HTTP APIs: matches the route table, builds the same v2 event and a Lambda
 * context, and calls the same context handler that AWS calls. Literal routes win over `{param}` ones, as in AWS.
 */
export const makeGateway = () => {
  const routes: CompiledRoute[] = [];
  const handlers = new Map<ContextName, LambdaHandler>();
  for (const [context, list] of Object.entries(routeTable) as [ContextName, (typeof routeTable)[ContextName]][]) {
    handlers.set(context, makeContextHandler(list));
    for (const r of list) routes.push(compile(r.endpoint.method, r.endpoint.path, context));
  }
  routes.sort((a, b) => a.params.length - b.params.length);

  const match = (method: string, path: string) => {
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const pathParameters = Object.fromEntries(r.params.map((p, i) => [p, decodeURIComponent(m[i + 1]!)]));
      return { route: r, pathParameters };
    }
    return undefined;
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_REQUEST_BYTES) {
          reject(new HttpProblem(413, 'payload-too-large', '内容过长', '请求体过大'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const send = (res: ServerResponse, status: number, headers: Record<string, string | number | boolean>, body?: string) => {
    res.writeHead(status, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])));
    res.end(body);
  };

  /** Serves one `/v1/...` request. */
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      send(res, 204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
        'access-control-allow-headers': CORS_ALLOW_HEADERS.join(','),
        'access-control-max-age': 600,
      });
      return;
    }
    const found = match(method, url.pathname);
    if (!found) {
      const r = problemResponse(notFound('没有这个接口'), requestId);
      send(res, r.statusCode ?? 404, r.headers ?? {}, r.body);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      const r = problemResponse(err as HttpProblem, requestId);
      send(res, r.statusCode ?? 413, { ...r.headers, connection: 'close' }, r.body);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const now = new Date();
    const key = found.route.key;
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: key,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: Object.keys(query).length ? query : undefined,
      pathParameters: found.route.params.length ? found.pathParameters : undefined,
      body: body.length ? body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method,
          path: url.pathname,
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
      functionName: `gongzhi-${found.route.context}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gongzhi-${found.route.context}`,
      memoryLimitInMB: '512',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/gongzhi-${found.route.context}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    const result = await handlers.get(found.route.context)!(event, context);
    send(res, result.statusCode ?? 200, { ...result.headers, 'apigw-requestid': requestId }, result.body);
  };
};
