import * as z from 'zod';
import { api, endpoint, OpenApiDocument } from '../../../shared/api';
import { openApiDocument, type OpenApiDoc, type OpenApiOperation } from '../../../shared/api/openapi';
import { allRoutes, routeTable } from '../../../functions/src/routes';
import type { Route } from '../../../functions/src/http/route';

const doc = openApiDocument(api);
const routes = allRoutes();
const label = (r: Route) => `${r.endpoint.method} ${r.endpoint.path}`;
const op = (r: Route): OpenApiOperation =>
  doc.paths[r.endpoint.path]![r.endpoint.method.toLowerCase() as 'get' | 'post']!;

/** Follows a local `$ref` (`#/components/...`) through the document. */
const resolve = <T>(node: unknown): T => {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], doc) as T;
};

/** Every `$ref` anywhere in a value. */
const refsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
};

type Param = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
const paramsOf = (r: Route): Param[] => (op(r).parameters ?? []).map((p) => resolve<Param>(p));

describe('the OpenAPI document covers the route table', () => {
  it('has one tag per bounded context, named as the context', () => {
    expect(doc.tags.map((t) => t.name)).toEqual(Object.keys(routeTable));
  });

  it.each(routes.map((r) => [label(r), r] as const))('%s is documented with its operationId and tag', (_, r) => {
    const o = op(r);
    expect(o).toBeDefined();
    expect(o.operationId).toBe(r.name);
    expect(o.tags).toEqual([r.context]);
    expect(o.summary).toBe(r.endpoint.summary);
  });

  it('documents nothing the route table lacks, and names each operation once', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.map(label).sort());
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((o) => o!.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents each use case's own outcomes from its contract", () => {
    for (const r of routes)
      for (const [status, why] of Object.entries(r.endpoint.outcomes ?? {}))
        expect([label(r), status, doc.paths[r.endpoint.path]![r.endpoint.method.toLowerCase() as 'get']!.responses[status]?.description]).toEqual([
          label(r),
          status,
          expect.stringContaining(why!),
        ]);
  });

  it('gives a new context its own tag', () => {
    const teams = { listTeams: endpoint({ method: 'GET', path: '/v1/teams', access: 'signed-in', response: z.object({}), summary: 'Teams' }) };
    const d = openApiDocument({ ...api, teams });
    expect(d.tags.map((t) => t.name)).toContain('teams');
    expect(d.paths['/v1/teams']!.get!.tags).toEqual(['teams']);
  });

  it('refuses two contracts for one method and path', () => {
    const twin = { again: { ...api.identity.health } };
    expect(() => openApiDocument({ ...api, twin })).toThrow(/GET \/v1\/health/);
  });
});

describe('access, idempotency and problems', () => {
  it('declares bearer JWT auth, and puts it on every route but the public ones', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect((doc as { security?: unknown }).security).toBeUndefined();
    for (const r of routes) {
      if (r.endpoint.access === 'public') expect([label(r), op(r).security]).toEqual([label(r), undefined]);
      else expect([label(r), op(r).security]).toEqual([label(r), [{ bearerAuth: [] }]]);
    }
  });

  it('says who may call: x-roles for role lists, 401 when guarded, 403 only for role lists', () => {
    for (const r of routes) {
      const o = op(r);
      const { access } = r.endpoint;
      expect(o.description).toMatch(/^Who may call: /);
      if (Array.isArray(access)) {
        expect(o['x-access']).toBe('roles');
        expect(o['x-roles']).toEqual([...access]);
        expect(o.responses['403']).toBeDefined();
      } else {
        expect(o['x-access']).toBe(access);
        expect(o['x-roles']).toBeUndefined();
        expect([label(r), o.responses['403']]).toEqual([label(r), undefined]);
      }
      if (access !== 'public') expect(o.responses['401']).toBeDefined();
    }
  });

  it('documents the Idempotency-Key header on idempotent routes only (8–128 of [A-Za-z0-9_-])', () => {
    for (const r of routes) {
      const header = paramsOf(r).find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      if (!r.endpoint.idempotent) {
        expect([label(r), header]).toEqual([label(r), undefined]);
        continue;
      }
      expect(header).toMatchObject({ required: false, schema: { type: 'string' } });
      const pattern = new RegExp(header!.schema.pattern as string);
      for (const ok of ['abcd-123', 'A_b-9'.padEnd(128, 'x')]) expect(pattern.test(ok)).toBe(true);
      for (const bad of ['short', 'x'.repeat(129), 'has space!', '密钥密钥密钥密钥']) expect(pattern.test(bad)).toBe(false);
      expect(op(r).responses['422']).toBeDefined();
    }
  });

  it('answers success with the contract status and JSON, and every problem as application/problem+json', () => {
    for (const r of routes) {
      const o = op(r);
      const success = o.responses[String(r.endpoint.successStatus ?? 200)];
      expect(success?.content?.['application/json']?.schema).toBeDefined();
      for (const [status, response] of Object.entries(o.responses).filter(([s]) => Number(s) >= 400)) {
        const problem = response.content?.['application/problem+json']?.schema;
        // API Gateway's stage throttle answers 429 in its own JSON before any function runs.
        if (status === '429' && !problem) expect(response.content?.['application/json']).toBeDefined();
        else expect([label(r), status, problem]).toEqual([label(r), status, { $ref: '#/components/schemas/Problem' }]);
      }
      for (const status of ['413', '429', '500']) expect([label(r), status, o.responses[status]]).toEqual([label(r), status, expect.anything()]);
      const hasInput = Boolean(r.endpoint.params || r.endpoint.query || r.endpoint.body || r.endpoint.idempotent);
      expect([label(r), Boolean(o.responses['400'])]).toEqual([label(r), hasInput || Boolean(r.endpoint.outcomes?.[400])]);
      expect([label(r), Boolean(o.responses['415'])]).toEqual([label(r), Boolean(r.endpoint.body)]);
      if (r.endpoint.params) expect(o.responses['404']).toBeDefined();
    }
  });

  it('describes problems with the shared Problem schema', () => {
    const problem = doc.components.schemas.Problem!;
    expect(problem).toMatchObject({ type: 'object', required: expect.arrayContaining(['type', 'title', 'status']) });
    expect(Object.keys(problem.properties as object)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']));
  });
});

describe('inputs come from the zod schemas', () => {
  it('has a required path parameter for every {name} in a path, and no other', () => {
    for (const r of routes) {
      const inPath = [...r.endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const documented = paramsOf(r).filter((p) => p.in === 'path');
      expect([label(r), documented.map((p) => p.name).sort()]).toEqual([label(r), inPath.sort()]);
      for (const p of documented) expect(p.required).toBe(true);
    }
  });

  it('describes query parameters as clients send them: coerced numbers as integers, defaults optional', () => {
    const limit = paramsOf(routes.find((r) => r.name === 'listFeedbackQueue')!).find((p) => p.name === 'limit')!;
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } });
    const status = paramsOf(routes.find((r) => r.name === 'listFeedbackQueue')!).find((p) => p.name === 'status')!;
    expect(status.schema).toMatchObject({ default: 'submitted', enum: expect.arrayContaining(['submitted', 'accepted']) });
  });

  it('has a required JSON body where the contract has one, with required visible text as minLength 1', () => {
    for (const r of routes) {
      const body = op(r).requestBody;
      expect([label(r), Boolean(body)]).toEqual([label(r), Boolean(r.endpoint.body)]);
      if (body) expect(body).toMatchObject({ required: true, content: { 'application/json': { schema: { type: 'object' } } } });
    }
    const schema = op(routes.find((r) => r.name === 'submitFeedback')!).requestBody!.content['application/json']!.schema as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect([...schema.required].sort()).toEqual(['category', 'compound', 'description', 'title']);
    expect(schema.properties.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 40 });
    expect(schema.properties.building!.minLength).toBeUndefined();
  });
});

describe('the document is OpenAPI 3.1 in shape', () => {
  const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

  it('has the required top-level fields', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(OpenApiDocument.safeParse(doc).success).toBe(true);
  });

  it('survives JSON unchanged (no undefined, functions or zod objects inside)', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('has well-formed paths, operations, parameters and responses', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/[^?#]*$/);
      for (const [method, o] of Object.entries(item)) {
        expect(METHODS).toContain(method);
        expect(Object.keys(o!.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(o!.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(typeof response.description).toBe('string');
          for (const media of Object.keys(response.content ?? {})) expect(media).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
        }
        const params = (o!.parameters ?? []).map((p) => resolve<Param>(p));
        for (const p of params) {
          expect(['path', 'query', 'header', 'cookie']).toContain(p.in);
          expect(typeof p.name).toBe('string');
          expect(p.schema).toBeDefined();
        }
        expect(new Set(params.map((p) => `${p.in}:${p.name}`)).size).toBe(params.length);
      }
    }
  });

  it('has every $ref resolvable, component names as OpenAPI allows, and no JSON Schema $schema inside', () => {
    for (const ref of refsIn(doc)) {
      expect(ref).toMatch(/^#\/components\/(schemas|parameters|responses|securitySchemes)\/[A-Za-z0-9._-]+$/);
      expect([ref, resolve({ $ref: ref })]).toEqual([ref, expect.anything()]);
    }
    for (const group of Object.values(doc.components)) for (const name of Object.keys(group)) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('is a pure function of the contracts (and takes info overrides)', () => {
    expect(openApiDocument(api)).toEqual(doc);
    const d: OpenApiDoc = openApiDocument(api, { title: 'T', version: '9', servers: [{ url: 'https://api.example.cn' }] });
    expect(d.info).toMatchObject({ title: 'T', version: '9' });
    expect(d.servers).toEqual([{ url: 'https://api.example.cn' }]);
  });

  it('moves recursive schemas (their $defs, or themselves) into components, so every $ref still resolves', () => {
    type Node = { name: string; children: Node[] };
    const Tree: z.ZodType<Node> = z.object({ name: z.string(), children: z.array(z.lazy(() => Tree)) });
    const d = openApiDocument({
      demo: {
        tree: endpoint({ method: 'GET', path: '/v1/tree', access: 'public', response: Tree, summary: 'A tree' }),
        forest: endpoint({ method: 'GET', path: '/v1/forest', access: 'public', response: z.object({ a: Tree, b: Tree }), summary: 'Two' }),
      },
    });
    const refs = refsIn(d);
    expect(refs).toEqual(expect.arrayContaining(['#/components/schemas/tree_response']));
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\//);
      expect([ref, ref.slice(2).split('/').reduce<any>((at, k) => at?.[k], d)]).toEqual([ref, expect.anything()]);
    }
    expect(JSON.stringify(d)).not.toContain('$defs');
  });
});
