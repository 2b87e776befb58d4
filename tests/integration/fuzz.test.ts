/**
 * Property-based fuzzing of every route in the route table (a new route is covered the day it exists), through
 * the real local gateway, middy stack and an in-memory dynalite (tests/support/harness.ts). For each route:
 *  - valid input, generated from its zod schemas and sent with a token of a role it allows, is never refused as
 *    invalid (400) and never fails (5xx); a success matches the response contract; a retried idempotent create
 *    returns the first result, and its key reused for other content answers 422;
 *  - invalid input (wrong types, missing fields, overlong or invisible text, control characters, lone surrogates,
 *    undecodable path escapes, junk query values, non-JSON, mislabelled and oversized bodies, missing or forged
 *    tokens, bad `Idempotency-Key` headers) answers a 4xx problem+json, never a 5xx, and writes nothing.
 * Every status met must be one that the published OpenAPI document lists for the operation.
 *
 * By default 25 valid and 40 invalid cases per route (about 6 s on two cores). A longer run, FUZZ_RUNS cases of
 * each kind per route (1000: about 95 s, most of it password hashing on the staff sign-in):
 *   FUZZ_RUNS=1000 npx jest --selectProjects integration tests/integration/fuzz.test.ts
 * A failure prints fast-check's seed and the shrunk request; replay it with FUZZ_SEED=<seed> (and the same
 * FUZZ_RUNS; `-t "<route>"` narrows the run to one route). FUZZ_VERBOSE=1 prints the statuses met per route.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { api, DEV_CODE_PREFIX, IdempotencyKey, Problem } from '../../shared/api';
import { openApiDocument } from '../../shared/api/openapi';
import type { Role } from '../../shared/roles';
import { issueToken } from '../../functions/src/http/auth';
import type { Route } from '../../functions/src/http/route';
import { MAX_BODY_BYTES } from '../../functions/src/http/stack';
import { allRoutes } from '../../functions/src/routes';
import { aFeedback, Harness } from '../support/harness';
import {
  closeRawAgent,
  codeString,
  decodeOrUndefined,
  headerAsRead,
  headerJunk,
  inputJsonSchema,
  invalidOf,
  notJson,
  parseQuery,
  percentEncode,
  rawQueryJunk,
  rawQueryValue,
  rawSegment,
  sendRaw,
  textString,
  validOf,
  type JsonSchema,
  type RawAnswer,
  type RawRequest,
} from '../support/fuzz';

const RUNS = Number(process.env.FUZZ_RUNS) || undefined;
const VALID_RUNS = RUNS ?? 25;
const INVALID_RUNS = RUNS ?? 40;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const settings = <T>(numRuns: number): fc.Parameters<T> => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });
jest.setTimeout(60_000 + Math.max(VALID_RUNS, INVALID_RUNS) * 1_500);

const COMMUNITY = 'baogong-qingnian';
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];
/**
 * Request line and headers stay below this: Node refuses more than 16 KB with a bare 431 before any code of ours
 * runs (API Gateway has limits of its own). Bodies are not bounded here.
 */
const MAX_REQUEST_HEAD = 12 * 1024;
const headBytes = (r: RawRequest) =>
  Buffer.byteLength(r.path) + Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + Buffer.byteLength([v].flat().join(', ')) + 4, 0);
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/json'];

type Part = 'params' | 'query' | 'body';

/**
 * 400s that a schema-valid request may still get: rules no schema can state, each checked by its use case.
 * Any other 400 to valid input is a defect.
 */
const SCHEMA_BLIND_400: { route?: string; location: Part; path: string; why: string; rare?: true }[] = [
  // sent in one valid case of five only, or lists would hardly be read
  { location: 'query', path: 'cursor', why: 'a cursor is opaque: only one the server handed out decodes', rare: true },
  { route: 'transitionFeedback', location: 'body', path: 'note', why: 'resolving or rejecting needs a reply' },
  // sent in one valid case of five: a made-up upload key names no upload of the caller's, so it is refused
  { route: 'submitFeedback', location: 'body', path: 'photos', why: 'photos must be uploads of the caller’s (checked in the store)', rare: true },
  ...[0, 1, 2].map((i) => ({ route: 'submitFeedback', location: 'body' as const, path: `photos.${i}`, why: 'an upload key must name an image the caller uploaded' })),
];

/** Shapes that a refinement or the store hides from a generic generator (every value still passes the schema). */
const HINTS: Record<string, Partial<Record<Part, Record<string, fc.Arbitrary<unknown>>>>> = {
  wechatLogin: { body: { code: fc.oneof(codeString(1, 40), textString(1, 20).map((name) => `${DEV_CODE_PREFIX}${name}`)) } },
  // versions of real feedback are small: reach the transitions, not only the stale-version answer
  transitionFeedback: { body: { version: fc.integer({ min: 1, max: 4 }) } },
};

/** A request before it is sent: every part as raw as it goes on the wire. */
interface Draft {
  /** The Authorization header; absent when undefined. */
  authorization?: string;
  /** Each path parameter's segment, already percent-encoded (or deliberately not). */
  params: Record<string, string>;
  /** Raw query string, without `?`. */
  query: string;
  body?: { text: string; contentType?: string };
  idempotencyKey?: string | string[];
  headers: Record<string, string>;
}

const toRequest = (route: Route, d: Draft): RawRequest => {
  const path = route.endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => d.params[name] ?? '');
  const headers: Record<string, string | string[]> = { ...d.headers };
  if (d.authorization !== undefined) headers.authorization = d.authorization;
  if (d.idempotencyKey !== undefined) headers['idempotency-key'] = d.idempotencyKey;
  if (d.body?.contentType !== undefined) headers['content-type'] = d.body.contentType;
  return { method: route.endpoint.method, path: d.query ? `${path}?${d.query}` : path, headers, ...(d.body ? { body: d.body.text } : {}) };
};

/** How fast-check prints a case when it fails: as JSON, with long strings cut (a 400 KB body helps no one). */
const printable = <T extends object>(value: T): T =>
  Object.defineProperty(value, fc.toStringMethod, {
    value: () => JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 120)}…(${v.length} characters)` : v)),
    enumerable: false,
  });

const encodeQuery = (q: unknown): string =>
  q && typeof q === 'object'
    ? Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(String(v))}`)
        .join('&')
    : '';

let h: Harness;
const doc = openApiDocument(api);
const routes = allRoutes();
const label = (r: Route) => `${r.endpoint.method} ${r.endpoint.path}`;
/** Tokens of real demo people and of made-up ones, each with its roles. */
const pool: { token: string; roles: readonly Role[] }[] = [];
/** Forged, expired and otherwise broken tokens, each refused for certain. */
const forged: string[] = [];
/** Values that exist in the store, offered beside random ones (so a real item's paths are reached too). */
const known: Record<string, string[]> = {
  communityId: [COMMUNITY],
  username: ['committee', 'admin'],
  password: ['Qingnian@2026', 'Admin@2026'],
};
const seen = new Map<string, Map<number, number>>();

beforeAll(async () => {
  h = await Harness.start();
  // a resident, a steward, the committee and the admin of the demo community, signed in as the pages do
  for (const token of await Promise.all([h.resident('王建国'), h.resident('刘玉兰'), h.staff(), h.staff('admin', 'Admin@2026')])) {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { roles: Role[] };
    pool.push({ token, roles: claims.roles });
  }
  for (const roles of [['resident'], ['steward'], ['committee'], ['admin'], ['resident', 'steward', 'committee', 'admin']] as Role[][])
    pool.push({ token: await issueToken({ userId: randomUUID(), communityId: COMMUNITY, name: '模糊测试', roles }), roles });

  const someone = { userId: randomUUID(), communityId: COMMUNITY, name: '模糊测试', roles: ['admin'] as Role[] };
  const valid = await issueToken(someone);
  const [head, payload, signature] = valid.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  forged.push(
    await issueToken(someone, -60),
    [head, b64({ ...claims, roles: ['admin'], sub: randomUUID() }), signature].join('.'),
    [b64({ alg: 'none', typ: 'JWT' }), payload, ''].join('.'),
    [b64({ alg: 'HS256', typ: 'JWT' }), payload, signature].join('.'),
    `${valid}x`,
    `${head}.${payload}`,
  );

  // A few real items, so transitions get past 404 (a rejected or closed one takes no more moves).
  const resident = pool[0]!.token;
  known.id = [];
  for (let i = 0; i < 5; i++) known.id.push((await h.call(api.feedback.submitFeedback, { token: resident, body: aFeedback() })).body.id);
});

afterAll(async () => {
  closeRawAgent();
  await h?.close();
  if (process.env.FUZZ_VERBOSE)
    for (const [route, statuses] of seen) console.log(route, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
});

const tally = (name: string, status: number) => {
  const m = seen.get(name) ?? new Map<number, number>();
  m.set(status, (m.get(status) ?? 0) + 1);
  seen.set(name, m);
};

const send = async (route: Route, kind: string, d: Draft): Promise<RawAnswer> => {
  const r = await sendRaw(h.app.url, toRequest(route, d));
  tally(`${kind} ${label(route)}`, r.status);
  return r;
};

/** Throws with the answer attached, so fast-check's report shows what came back. */
const fail = (why: string, r: RawAnswer): never => {
  throw new Error(`${why}: got ${r.status} ${r.headers['content-type'] ?? '(no content-type)'} ${r.text.slice(0, 500)}`);
};

const documented = (route: Route): Set<number> => {
  const item = doc.paths[route.endpoint.path] as Record<string, { responses: Record<string, unknown> }>;
  return new Set(Object.keys(item[route.endpoint.method.toLowerCase()]!.responses).map(Number));
};

/** A refusal: RFC 9457 problem details, with a status the published contract lists for this operation. */
const expectProblem = (route: Route, r: RawAnswer) => {
  if (!String(r.headers['content-type']).startsWith('application/problem+json')) fail('a refusal must be application/problem+json', r);
  const p = Problem.safeParse(r.json);
  if (!p.success || p.data.status !== r.status) fail('not RFC 9457 problem details with the answer’s status', r);
  if (!documented(route).has(r.status)) fail(`${r.status} is not documented for ${route.name} in /v1/openapi.json`, r);
};

// ---------------------------------------------------------------------------------------------------------------
// Generators per route

/** Valid values of one part: generated from its JSON Schema, hinted, and kept only if the zod schema agrees. */
const validPart = (route: Route, part: Part): fc.Arbitrary<unknown> => {
  const schema = route.endpoint[part];
  if (!schema) return fc.constant(undefined);
  const js = inputJsonSchema(schema);
  const overrides: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(js.properties ?? {})) {
    if (known[name]) overrides[name] = fc.oneof(validOf(prop), fc.constantFrom(...known[name]!));
    if (SCHEMA_BLIND_400.some((b) => b.rare && b.location === part && b.path === name && (!b.route || b.route === route.name)))
      overrides[name] = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: validOf(prop) });
  }
  Object.assign(overrides, HINTS[route.name]?.[part]);
  return validOf(js, overrides).filter((v) => schema.safeParse(v).success);
};

const tokensFor = (route: Route): string[] => {
  const { access } = route.endpoint;
  if (access === 'public') return [];
  return pool.filter((p) => access === 'signed-in' || p.roles.some((r) => access.includes(r))).map((p) => p.token);
};

const validKey = (validOf(inputJsonSchema(IdempotencyKey)) as fc.Arbitrary<string>).filter((k) => IdempotencyKey.safeParse(k).success);

interface ValidCase {
  draft: Draft;
  input: Record<Part, unknown>;
  /** Another valid body, sent with the same key to an idempotent route. */
  otherBody?: unknown;
}

const validCase = (route: Route): fc.Arbitrary<ValidCase> => {
  const tokens = tokensFor(route);
  return fc
    .record({
      token: tokens.length ? fc.constantFrom(...tokens) : fc.constant(undefined),
      params: validPart(route, 'params'),
      query: validPart(route, 'query'),
      body: validPart(route, 'body'),
      contentType: fc.constantFrom(...JSON_TYPES),
      key: route.endpoint.idempotent ? fc.option(validKey, { nil: undefined }) : fc.constant(undefined),
      otherBody: route.endpoint.idempotent && route.endpoint.body ? validPart(route, 'body') : fc.constant(undefined),
    })
    .map(({ token, params, query, body, contentType, key, otherBody }) =>
      printable<ValidCase>({
        draft: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          params: Object.fromEntries(Object.entries((params ?? {}) as Record<string, unknown>).map(([k, v]) => [k, percentEncode(String(v))])),
          query: encodeQuery(query),
          ...(route.endpoint.body ? { body: { text: JSON.stringify(body), contentType } } : {}),
          ...(key ? { idempotencyKey: key } : {}),
          headers: {},
        },
        input: { params, query, body },
        otherBody,
      }),
    );
};

/** Broken Authorization headers (`undefined`: none at all). */
const badAuthorization = (): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer null', 'Bearer undefined', 'Token abc', 'Bearer a.b.c'),
    headerJunk(80),
    fc.stringMatching(/^[A-Za-z0-9_-]{10,40}\.[A-Za-z0-9_-]{10,80}\.[A-Za-z0-9_-]{0,90}$/).map((t) => `Bearer ${t}`),
    fc.constantFrom(...forged).map((t) => `Bearer ${t}`),
  );

/** Changes that break a request, each for one part; several may combine. */
type Patch = Partial<Omit<Draft, 'params' | 'headers'>> & {
  params?: Record<string, string>;
  queryRaw?: Record<string, string>;
  queryJunk?: string;
  contentType?: string | null;
  noBody?: true;
  headers?: Record<string, string>;
};

/**
 * The ways to break a request, weighted: the stack refuses in order (size, content type, token, fields), so a
 * case usually breaks one thing, lest the first check hide every later one.
 */
const patchesFor = (route: Route): fc.WeightedArbitrary<Patch>[] => {
  const e = route.endpoint;
  const out: fc.WeightedArbitrary<Patch>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<Patch>) => out.push({ weight, arbitrary });
  if (e.access !== 'public') add(2, badAuthorization().map((authorization) => ({ authorization })));
  if (e.params) {
    const names = Object.keys(inputJsonSchema(e.params).properties ?? {});
    add(4, fc.constantFrom(...names).chain((name) => rawSegment.map((seg) => ({ params: { [name]: seg } }))));
  }
  if (e.query) {
    const js = inputJsonSchema(e.query);
    const names = Object.keys(js.properties ?? {});
    const asRaw = (v: unknown) => percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
    add(4, fc.constantFrom(...names).chain((name) => fc.oneof(rawQueryValue, invalidOf(js.properties![name]!).map(asRaw)).map((raw) => ({ queryRaw: { [name]: raw } }))));
    add(1, fc.tuple(fc.constantFrom(...names), rawQueryValue, rawQueryValue).map(([name, a, b]) => ({ queryJunk: `${name}=${a}&${name}=${b}` })));
  }
  if (e.body) {
    const js: JsonSchema = inputJsonSchema(e.body);
    add(6, invalidOf(js).map((v) => ({ body: { text: JSON.stringify(v) ?? '', contentType: 'application/json' } })));
    add(1, notJson.map((text) => ({ body: { text, contentType: 'application/json' } })));
    add(1, fc.constantFrom(...WRONG_TYPES, null).map((contentType) => ({ contentType })));
    add(1, fc.constant({ noBody: true as const }));
  }
  if (e.idempotent)
    add(
      2,
      fc
        .oneof(
          fc.constantFrom('', 'short', 'abc def gh', 'abcdefg!', 'a'.repeat(129), 'clé-clé-clé'),
          headerJunk(140),
          fc.tuple(validKey, validKey).map(([a, b]) => [a, b]),
        )
        .map((idempotencyKey) => ({ idempotencyKey })),
    );
  // Every route, even one without a body, refuses one that is too large (now and then past the gateway's 1 MB).
  add(
    1,
    fc
      .oneof({ weight: 9, arbitrary: fc.integer({ min: Math.floor(MAX_BODY_BYTES / 3) + 1, max: MAX_BODY_BYTES }) }, { weight: 1, arbitrary: fc.constant(400_000) })
      .map((n) => ({ body: { text: JSON.stringify({ title: '长'.repeat(n) }), contentType: 'application/json' } })),
  );
  return out;
};

/** Harmless additions: unknown headers and query names, a small body where none is read. */
const noise = (route: Route): fc.Arbitrary<Patch> =>
  fc.record(
    {
      headers: fc.dictionary(fc.constantFrom('x-fuzz', 'x-forwarded-for', 'origin', 'accept', 'accept-language'), headerJunk(40), { maxKeys: 2 }),
      queryJunk: rawQueryJunk,
      ...(route.endpoint.body ? {} : { body: notJson.map((text) => ({ text, contentType: 'text/plain' })) }),
    },
    { requiredKeys: [] },
  );

const applyPatch = (d: Draft, p: Patch): Draft & { queryRaw: Record<string, string>; queryJunk: string[]; noBody?: true } => {
  const next = { ...(d as Draft & { queryRaw?: Record<string, string>; queryJunk?: string[]; noBody?: true }) };
  next.queryRaw ??= {};
  next.queryJunk ??= [];
  if ('authorization' in p) next.authorization = p.authorization;
  if (p.params) next.params = { ...next.params, ...p.params };
  if (p.queryRaw) next.queryRaw = { ...next.queryRaw, ...p.queryRaw };
  if (p.queryJunk) next.queryJunk = [...next.queryJunk, p.queryJunk];
  if (p.body) next.body = p.body;
  if (p.contentType !== undefined && next.body)
    next.body = p.contentType === null ? { text: next.body.text } : { ...next.body, contentType: p.contentType };
  if (p.noBody) next.noBody = true;
  if ('idempotencyKey' in p) next.idempotencyKey = p.idempotencyKey;
  if (p.headers) next.headers = { ...next.headers, ...p.headers };
  return next as never;
};

/** The draft a patched case sends: query overrides and junk folded into the raw query; a dropped body dropped. */
const finish = (route: Route, d: ReturnType<typeof applyPatch>, validQuery: unknown): Draft => {
  const query = Object.fromEntries(Object.entries((validQuery ?? {}) as Record<string, unknown>).filter(([k]) => !(k in d.queryRaw)));
  const raw = [encodeQuery(query), ...Object.entries(d.queryRaw).map(([k, v]) => `${percentEncode(k)}=${v}`), ...d.queryJunk].filter(Boolean).join('&');
  const { queryRaw: _r, queryJunk: _j, noBody, ...rest } = d;
  const out: Draft = { ...rest, query: raw };
  if (noBody && route.endpoint.body) delete out.body;
  return out;
};

/**
 * Why the contract refuses this request for certain (empty: it may well be valid). Reads the request as the
 * gateway will: header white space dropped, path segments percent-decoded, the query form-decoded.
 */
const refusals = (route: Route, d: Draft): string[] => {
  const e = route.endpoint;
  const why: string[] = [];
  if (e.access !== 'public') {
    const auth = d.authorization === undefined ? undefined : headerAsRead(d.authorization);
    if (!pool.some((p) => auth === `Bearer ${p.token}`)) why.push('token');
  }
  if (e.params) {
    const decoded = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, decodeOrUndefined(v)]));
    if (Object.values(decoded).includes(undefined)) why.push('params: malformed escape');
    else if (!e.params.safeParse(decoded).success) why.push('params');
  }
  if (e.query && !e.query.safeParse(parseQuery(d.query)).success) why.push('query');
  if (d.body && Buffer.byteLength(d.body.text) > MAX_BODY_BYTES) why.push('body: too large');
  if (e.body) {
    if (!d.body) why.push('body: none');
    else if (!JSON_TYPES.includes(d.body.contentType ?? '')) why.push('body: not labelled JSON');
    else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(d.body.text);
      } catch {
        why.push('body: not JSON');
      }
      if (!why.includes('body: not JSON') && !e.body.safeParse(parsed).success) why.push('body');
    }
  }
  if (e.idempotent && d.idempotencyKey !== undefined && !IdempotencyKey.safeParse(headerAsRead(d.idempotencyKey)).success) why.push('idempotency-key');
  return why;
};

const invalidCase = (route: Route): fc.Arbitrary<{ draft: Draft; refused: string[] }> => {
  const patch = fc.oneof(...patchesFor(route));
  const broken = fc.oneof({ weight: 3, arbitrary: patch.map((p) => [p]) }, { weight: 1, arbitrary: fc.array(patch, { minLength: 2, maxLength: 3 }) });
  return fc
    .tuple(validCase(route), broken, noise(route))
    .map(([base, broken, extra]) => {
      const patched = [extra, ...broken].reduce(applyPatch, applyPatch(base.draft, {}));
      const draft = finish(route, patched, base.input.query);
      return printable({ draft, refused: refusals(route, draft) });
    })
    .filter((c) => c.refused.length > 0 && headBytes(toRequest(route, c.draft)) < MAX_REQUEST_HEAD);
};

// ---------------------------------------------------------------------------------------------------------------

describe.each(routes.map((r) => [label(r), r] as const))('%s', (_, route) => {
  const e = route.endpoint;
  const success = e.successStatus ?? 200;

  it('valid input: never a 400 for its fields, never a 5xx; a success matches the contract', async () => {
    await fc.assert(
      fc.asyncProperty(validCase(route), async (c) => {
        const r = await send(route, 'valid', c.draft);
        if (r.status >= 500) fail('valid input must never fail', r);
        if (r.status >= 400) {
          expectProblem(route, r);
          if (r.status === 400) {
            const errors = (r.json?.errors ?? []) as { location: string; path: string }[];
            const blind = (x: { location: string; path: string }) =>
              SCHEMA_BLIND_400.some((b) => (!b.route || b.route === route.name) && b.location === x.location && b.path === x.path);
            if (!errors.length || !errors.every(blind)) fail('valid input refused as invalid', r);
          }
          return;
        }
        if (r.status !== success) fail(`a success answers ${success}`, r);
        if (!e.response.safeParse(r.json).success) fail('the answer does not match the response contract', r);

        if (!e.idempotent || !c.draft.idempotencyKey) return;
        const again = await send(route, 'retry', c.draft);
        if (again.status !== r.status || !isDeepStrictEqual(again.json, r.json)) fail('a retry with the same Idempotency-Key must return the first result', again);
        if (c.otherBody === undefined || !e.body) return;
        const otherBody = { text: JSON.stringify(c.otherBody), contentType: 'application/json' };
        const other = await send(route, 'reuse', { ...c.draft, body: otherBody });
        const sameRequest = isDeepStrictEqual(e.body.parse(c.input.body), e.body.parse(c.otherBody));
        if (!sameRequest && other.status !== 422) {
          // A request the caller may not make at all is refused as such before its key is looked at: then the
          // other content, sent under a fresh key, must be refused the same way.
          const alone = other.status === 403 ? await send(route, 'reuse', { ...c.draft, idempotencyKey: `${String(c.draft.idempotencyKey).slice(0, 100)}F`, body: otherBody }) : undefined;
          if (alone?.status !== 403) fail('the same Idempotency-Key with other content must answer 422', other);
        }
        if (sameRequest && other.status !== 422 && !isDeepStrictEqual(other.json, r.json)) fail('the same request again must return the first result', other);
      }),
      settings(VALID_RUNS),
    );
  });

  it('invalid input: a 4xx problem+json, never a 5xx, and nothing written', async () => {
    const before = await h.snapshot();
    await fc.assert(
      fc.asyncProperty(invalidCase(route), async ({ draft }) => {
        const r = await send(route, 'invalid', draft);
        if (r.status < 400 || r.status >= 500) fail('invalid input must be refused with a 4xx', r);
        expectProblem(route, r);
      }),
      settings(INVALID_RUNS),
    );
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('paths that are no route', () => {
  const WORDS = ['feedback', 'admin', 'auth', 'me', 'mine', 'transitions', 'sign-in-throttles', 'unlock', 'wechat', 'staff', 'health', 'openapi.json', ''];

  it('never a 5xx, every refusal problem+json, nothing written', async () => {
    const before = await h.snapshot();
    const stray = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      segments: fc.array(fc.oneof(fc.constantFrom(...WORDS), rawSegment), { minLength: 1, maxLength: 5 }),
      query: rawQueryJunk,
      authorization: badAuthorization(),
    }).filter((s) => Buffer.byteLength(s.segments.join('/') + s.query) < MAX_REQUEST_HEAD);
    await fc.assert(
      fc.asyncProperty(stray, async (s) => {
        const path = `/v1/${s.segments.join('/')}${s.query ? `?${s.query}` : ''}`;
        const r = await sendRaw(h.app.url, { method: s.method, path, headers: s.authorization === undefined ? {} : { authorization: s.authorization } });
        tally('stray', r.status);
        if (r.status >= 500) fail(`${s.method} ${path} must never fail`, r);
        if (r.status >= 400 && !String(r.headers['content-type']).startsWith('application/problem+json'))
          fail(`${s.method} ${path}: a refusal must be application/problem+json`, r);
      }),
      settings(INVALID_RUNS),
    );
    expect(await h.snapshot()).toEqual(before);
  });
});
