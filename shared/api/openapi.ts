import * as z from 'zod';
import { ROLE_LABELS, type Role } from '../roles';
import { IdempotencyKey, Problem } from './common';
import type { Endpoint } from './endpoint';

/** The endpoint contracts grouped by bounded context, as `api` in `./index` holds them. */
export type ApiContracts = Readonly<Record<string, Readonly<Record<string, Endpoint>>>>;

export interface OpenApiInfo {
  title?: string;
  version?: string;
  description?: string;
  servers?: { url: string; description?: string }[];
}

type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; description?: string; schema: JsonSchema };
type Ref = { $ref: string };
type MediaTypes = Record<string, { schema: JsonSchema | Ref }>;
export type OpenApiResponse = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: MediaTypes;
};

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: [string];
  'x-access': 'public' | 'signed-in' | 'roles';
  'x-roles'?: Role[];
  'x-idempotent'?: true;
  'x-throttle'?: { rateLimit: number; burstLimit: number };
  security?: { bearerAuth: [] }[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required: true; content: MediaTypes };
  responses: Record<string, OpenApiResponse>;
}

export type OpenApiDoc = {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    securitySchemes: Record<string, Record<string, string>>;
  };
};

/** What each bounded context is about, for its tag; a new context without a line here still gets its tag. */
const CONTEXT_DESCRIPTIONS: Record<string, string> = {
  identity: 'Signing in (WeChat, staff accounts), the signed-in person, sign-in throttles, and this document',
  feedback: 'Residents report problems; the committee accepts, answers and closes them',
  teams: 'Dance teams and their members',
  council: 'The residents’ council: motions and votes',
  scoring: 'Star ratings of the party branches',
};

const GENERIC: Record<number, string> = {
  400: 'The request breaks the contract: malformed JSON or URL escapes, or fields listed one by one in `errors`',
  401: 'Not signed in: the bearer token is missing, expired or invalid',
  403: 'Signed in, but without a role that may call this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'The request body is larger than 16 KB (on every route, even one that takes no body)',
  415: 'The body is not sent as `application/json`',
  422: 'This `Idempotency-Key` was already used by the caller for a different request',
  429: 'Too many requests: the API stage throttles every route (answered by API Gateway as `{"message": …}`)',
  500: 'An unexpected failure; the answer carries the request id and nothing else',
  502: 'An upstream service did not answer',
};

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' } as const;
const IDEMPOTENCY_REF = { $ref: '#/components/parameters/IdempotencyKey' } as const;

/**
 * A zod schema as JSON Schema (2020-12, which OpenAPI 3.1 speaks). Inputs are described as clients send them
 * (`io: 'input'`: coerced numbers as numbers, defaults optional), answers as the server sends them. Refinements
 * cannot be expressed and are left out, except that a string the schema refuses when empty gets `minLength: 1`
 * (true of every string it accepts). Nested `$defs` (recursive schemas) move to `components.schemas`.
 */
const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output', name: string, defs: Record<string, JsonSchema>): JsonSchema => {
  const out = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (io !== 'input' || jsonSchema.type !== 'string') return;
      if (['minLength', 'pattern', 'format', 'enum', 'const'].some((k) => k in jsonSchema)) return;
      try {
        if (!z.safeParse(zodSchema, '').success) jsonSchema.minLength = 1;
      } catch {
        // a transform that throws on '' tells us nothing
      }
    },
  }) as JsonSchema;
  delete out.$schema;
  const local = (out.$defs ?? {}) as Record<string, JsonSchema>;
  delete out.$defs;
  // A schema that refers to itself says `#`, which inside a document would mean the document: it moves too.
  const selfRef = refsIn(out).includes('#');
  if (!selfRef && Object.keys(local).length === 0) return out;
  const target = (ref: string) =>
    ref === '#' ? `#/components/schemas/${name}` : ref.startsWith('#/$defs/') ? `#/components/schemas/${name}_${ref.slice(8)}` : ref;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? target(v) : rewrite(v)]));
  };
  for (const [key, def] of Object.entries(local)) defs[`${name}_${key}`] = rewrite(def) as JsonSchema;
  if (!selfRef) return rewrite(out) as JsonSchema;
  defs[name] = rewrite(out) as JsonSchema;
  return { $ref: `#/components/schemas/${name}` };
};

/** Every `$ref` in a JSON value. */
const refsIn = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
};

/** One parameter per property of an object schema (path params, query). */
const parametersOf = (schema: JsonSchema, where: 'path' | 'query'): Parameter[] => {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
};

const whoMayCall = (access: Endpoint['access']): string =>
  access === 'public'
    ? 'Who may call: anyone (no token).'
    : access === 'signed-in'
      ? 'Who may call: any signed-in person.'
      : `Who may call: ${access.map((r) => `${ROLE_LABELS[r]} (\`${r}\`)`).join(', ')}.`;

/** The statuses an operation can answer besides success, each with why. */
const problemStatuses = (e: Endpoint): Map<number, string[]> => {
  const out = new Map<number, string[]>();
  const add = (status: number, why = GENERIC[status]!) => out.set(status, [...(out.get(status) ?? []), why]);
  if (e.params || e.query || e.body) add(400);
  if (e.idempotent) add(400, 'The `Idempotency-Key` header is not 8–128 letters, digits, `-` or `_`');
  if (e.access !== 'public') add(401);
  if (Array.isArray(e.access)) add(403);
  if (e.params) add(404, 'No route matches the path as sent (e.g. an empty segment)');
  if (e.idempotent) add(422);
  add(413);
  if (e.body) add(415);
  add(429);
  add(500);
  for (const [status, why] of Object.entries(e.outcomes ?? {})) if (why) add(Number(status), why);
  return new Map([...out].sort(([a], [b]) => a - b));
};

/** API Gateway's own answer when the stage throttles: it comes before any function runs, in its own shape. */
const GATEWAY_MESSAGE = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] };

const problemResponse = (reasons: string[], content: MediaTypes): OpenApiResponse => ({
  description: reasons.length === 1 ? reasons[0]! : reasons.map((r) => `- ${r}`).join('\n'),
  content,
});

const operation = (context: string, operationId: string, e: Endpoint, defs: Record<string, JsonSchema>): OpenApiOperation => {
  const parameters: (Parameter | Ref)[] = [
    ...(e.params ? parametersOf(toJsonSchema(e.params, 'input', `${operationId}_params`, defs), 'path') : []),
    ...(e.query ? parametersOf(toJsonSchema(e.query, 'input', `${operationId}_query`, defs), 'query') : []),
    ...(e.idempotent ? [IDEMPOTENCY_REF] : []),
  ];
  const lines = [whoMayCall(e.access)];
  if (e.idempotent) lines.push('Idempotent: a retry with the same `Idempotency-Key` (and the same body) returns what the first call created.');
  if (e.throttle) lines.push(`Throttled at the API stage to ${e.throttle.rateLimit} requests/s (bursts of ${e.throttle.burstLimit}).`);
  const success = e.successStatus ?? 200;
  const responses: Record<string, OpenApiResponse> = {
    [String(success)]: {
      description: success === 201 ? 'Created' : 'OK',
      content: { 'application/json': { schema: toJsonSchema(e.response, 'output', `${operationId}_response`, defs) } },
    },
  };
  const problem: MediaTypes = { 'application/problem+json': { schema: PROBLEM_REF } };
  for (const [status, reasons] of problemStatuses(e)) {
    const content =
      status !== 429
        ? problem
        : { ...(e.outcomes?.[429] ? problem : {}), 'application/json': { schema: GATEWAY_MESSAGE } };
    responses[String(status)] = problemResponse(reasons, content);
  }
  if (e.outcomes?.[429])
    responses['429']!.headers = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } };
  return {
    operationId,
    summary: e.summary,
    description: lines.join('\n\n'),
    tags: [context],
    'x-access': e.access === 'public' || e.access === 'signed-in' ? e.access : 'roles',
    ...(Array.isArray(e.access) ? { 'x-roles': [...e.access] } : {}),
    ...(e.idempotent ? { 'x-idempotent': true as const } : {}),
    ...(e.throttle ? { 'x-throttle': { ...e.throttle } } : {}),
    ...(e.access === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(e.body
      ? { requestBody: { required: true as const, content: { 'application/json': { schema: toJsonSchema(e.body, 'input', `${operationId}_body`, defs) } } } }
      : {}),
    responses,
  };
};

/**
 * The published contract: an OpenAPI 3.1 document built from the endpoint contracts alone (pure; no I/O). One
 * tag per bounded context; each operation is named by its route (`operationId` = the key in its context).
 */
export const openApiDocument = (api: ApiContracts, info: OpenApiInfo = {}): OpenApiDoc => {
  const defs: Record<string, JsonSchema> = {};
  const paths: OpenApiDoc['paths'] = {};
  for (const [context, endpoints] of Object.entries(api))
    for (const [operationId, e] of Object.entries(endpoints)) {
      const method = e.method.toLowerCase() as Lowercase<Endpoint['method']>;
      const item = (paths[e.path] ??= {});
      if (item[method]) throw new Error(`Two contracts for ${e.method} ${e.path}`);
      item[method] = operation(context, operationId, e, defs);
    }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'Gongzhi 共治 API',
      version: info.version ?? '1',
      description:
        info.description ??
        'Community co-governance: residents report problems from the WeChat mini-program, the neighbourhood committee answers them. Errors are RFC 9457 problem details (`application/problem+json`); `type` is `urn:gongzhi:problem:<slug>`.',
    },
    ...(info.servers ? { servers: info.servers } : {}),
    tags: Object.keys(api).map((name) => ({ name, ...(CONTEXT_DESCRIPTIONS[name] ? { description: CONTEXT_DESCRIPTIONS[name] } : {}) })),
    paths,
    components: {
      schemas: { Problem: toJsonSchema(Problem, 'output', 'Problem', defs), ...defs },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Made by the client once per form it sends; a retry with the same key returns the first result instead of creating again.',
          schema: toJsonSchema(IdempotencyKey, 'input', 'IdempotencyKey', defs),
        },
      },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token from `POST /v1/auth/wechat` or `POST /v1/auth/staff`' },
      },
    },
  };
};
