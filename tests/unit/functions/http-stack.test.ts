import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { endpoint } from '../../../shared/api/endpoint';
import { issueToken } from '../../../functions/src/http/auth';
import { makeRouteHandler } from '../../../functions/src/http/stack';
import type { Route } from '../../../functions/src/http/route';

const event = (over: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: 'POST /v1/things/{id}',
    rawPath: '/v1/things/1',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: { requestId: 'req-123', http: { method: 'POST', path: '/v1/things/1' } },
    ...over,
  }) as APIGatewayProxyEventV2;

const context = { awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 3000 } as unknown as Context;

const thing = endpoint({
  method: 'POST',
  path: '/v1/things/{id}',
  access: 'public',
  params: z.object({ id: z.string().regex(/^\d+$/, '编号须为数字') }),
  query: z.object({ page: z.coerce.number().int().min(1, '页码须大于 0').optional() }),
  body: z.object({ name: z.string().min(1, '请填写名称') }),
  response: z.object({ id: z.string(), name: z.string() }),
  summary: 'test',
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test route takes any handler shape
const route = (handler: (input: any) => Promise<unknown>, e: Route['endpoint'] = thing): Route => ({
  name: 'thing',
  context: 'feedback',
  endpoint: e,
  handler: handler as Route['handler'],
});

describe('the request stack', () => {
  it('hands the handler validated input and answers JSON', async () => {
    const seen: unknown[] = [];
    const h = makeRouteHandler(
      route(async (input: { params: { id: string }; body: { name: string } }) => (seen.push(input), { id: input.params.id, name: input.body.name, extra: "dropped" })),
    );
    const r = await h(event({ pathParameters: { id: '7' }, queryStringParameters: { page: '2' }, body: '{"name":"甲"}' }), context);
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body!)).toEqual({ id: '7', name: '甲' }); // the response contract strips what it does not name
    expect(seen).toEqual([{ params: { id: '7' }, query: { page: 2 }, body: { name: '甲' } }]);
  });

  it('lists every field error of path, query and body in one 400', async () => {
    const h = makeRouteHandler(route(async () => ({ id: '1', name: 'x' })));
    const r = await h(event({ pathParameters: { id: 'abc' }, queryStringParameters: { page: '0' }, body: '{}' }), context);
    expect(r.statusCode).toBe(400);
    expect(r.headers?.['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(r.body!);
    expect(problem.errors.map((e: { location: string; path: string }) => `${e.location}:${e.path}`)).toEqual(['params:id', 'query:page', 'body:name']);
    expect(problem.detail).toMatch(/共 3 处/);
  });

  it('never calls the handler when validation fails', async () => {
    const handler = jest.fn();
    await makeRouteHandler(route(handler))(event({ pathParameters: { id: 'x' }, body: '{}' }), context);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns an unknown error into a 500 that carries the request id and nothing else', async () => {
    const h = makeRouteHandler(route(async () => {
      throw new Error('database password is hunter2 at /var/task/index.js:1');
    }));
    const r = await h(event({ pathParameters: { id: '1' }, body: '{"name":"x"}' }), context);
    expect(r.statusCode).toBe(500);
    const problem = JSON.parse(r.body!);
    expect(problem).toMatchObject({ status: 500, type: 'urn:gongzhi:problem:internal-error', requestId: 'req-123' });
    expect(r.body).not.toMatch(/hunter2|index\.js|stack/);
  });

  it('answers 500 rather than leak a response that breaks its contract', async () => {
    const h = makeRouteHandler(route(async () => ({ id: 1 }) as never));
    const r = await h(event({ pathParameters: { id: '1' }, body: '{"name":"x"}' }), context);
    expect(r.statusCode).toBe(500);
  });

  it('checks the token and the role before validating input', async () => {
    const guarded = { ...thing, access: ['committee'] as const };
    const h = makeRouteHandler(route(async () => ({ id: '1', name: 'x' }), guarded));
    const noToken = await h(event({ pathParameters: { id: 'bad' }, body: '{}' }), context);
    expect(noToken.statusCode).toBe(401);
    const resident = await issueToken({ userId: 'u', communityId: 'c', name: 'n', roles: ['resident'] });
    const wrongRole = await h(event({ headers: { 'content-type': 'application/json', authorization: `Bearer ${resident}` }, pathParameters: { id: 'bad' }, body: '{}' }), context);
    expect(wrongRole.statusCode).toBe(403);
  });
});
