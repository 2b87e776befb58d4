import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import * as z from 'zod';

/**
 * Pieces for the property-based fuzz suite (tests/integration/fuzz.test.ts): a raw HTTP client, generators of
 * valid values from a zod schema (through its JSON Schema), and generators of the invalid and the malformed.
 */

// ---------------------------------------------------------------------------------------------------------------
// Raw requests: node:http sends the path and headers byte for byte (fetch would normalise `%ZZ`, `..`, `\`).

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent: `/v1/feedback/%ZZ?limit=%`. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Closes the kept-alive sockets (call once the server is done with). */
export const closeRawAgent = () => agent.destroy();

export const sendRaw = (baseUrl: string, r: RawRequest): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
    const headers = { ...r.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = request({ hostname, port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

// ---------------------------------------------------------------------------------------------------------------
// What the gateway will make of a raw request (API Gateway does the same): used to tell which generated requests
// break the contract for certain.

/** `decodeURIComponent`, or undefined for a malformed escape. */
export const decodeOrUndefined = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** A raw query string as the handler sees it: form-decoded, a repeated name joined with commas. */
export const parseQuery = (raw: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = k in out ? `${out[k]},${v}` : v;
  return out;
};

/** Every UTF-8 byte percent-encoded unless unreserved (a lone surrogate goes as U+FFFD, as a browser sends it). */
export const percentEncode = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

// ---------------------------------------------------------------------------------------------------------------
// Valid values: zod → JSON Schema (as the published contract describes input) → fast-check arbitrary. The caller
// filters with the zod schema itself, which also honours the refinements JSON Schema cannot state.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export const inputJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const INT = 2 ** 31 - 1;
const PRINTABLE = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i));

/** What people type: ASCII, CJK, emoji (surrogate pairs, ZWJ sequences), combining marks, full-width space. */
const textUnit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', 'é', 'e\u0301', '\u3000', '号', '№', 'Ⅻ', '\n', '\t') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

export const textString = (minLength = 0, maxLength = 40) => fc.string({ unit: textUnit, minLength, maxLength });
/** Printable ASCII without spaces: codes, tokens, account names. */
export const codeString = (minLength = 1, maxLength = 40) => fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength, maxLength });

const stringOf = (s: JsonSchema): fc.Arbitrary<string> => {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  const fits = (x: string) => x.length >= min && x.length <= max;
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'uuid') return fc.uuid();
  return fc
    .oneof(
      { weight: 4, arbitrary: textString(min, Math.min(max, 40)) },
      { weight: 2, arbitrary: codeString(Math.max(min, 1), Math.min(max, 40)) },
      // the edges: exactly the longest (and the shortest) allowed
      { weight: 1, arbitrary: fc.constantFrom('x', '号').chain((c) => fc.constantFrom(Math.max(min, 1), max).map((n) => c.repeat(n))) },
    )
    .filter(fits);
};

const bounds = (s: JsonSchema, integer: boolean) => {
  const step = integer ? 1 : Number.EPSILON;
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : s.minimum;
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : s.maximum;
  return { min, max };
};

/** An arbitrary of values that JSON Schema `s` accepts (top-level properties may be replaced by `overrides`). */
export const validOf = (s: JsonSchema, overrides: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> => {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => validOf(u)));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => validOf({ ...s, type })));
  switch (s.type) {
    case 'string':
      return stringOf(s);
    case 'integer': {
      const { min, max } = bounds(s, true);
      return fc.integer({ min: Math.max(min ?? -INT, -INT), max: Math.min(max ?? INT, INT) });
    }
    case 'number': {
      const { min, max } = bounds(s, false);
      return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(validOf(s.items ?? {}), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, overrides[k] ?? validOf(p)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) as never[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Invalid values: shaped by the schema to hit its edges; the caller keeps those the zod schema refuses.

/** Characters that must never pass as text: controls, lone surrogates, bidi override, line/paragraph separators. */
export const NASTY_CHARS = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\ud800', '\udbff', '\udc00', '\udfff', '\u202e'];
/** Characters that show nothing. */
export const INVISIBLE_CHARS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u3000', '\u3164', '\u2800', '\u115f', '\u180e', '\u00ad', ' ', '\t', '\n'];

const invisibleOnly = fc.array(fc.constantFrom(...INVISIBLE_CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const withNasty = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.constantFrom(...NASTY_CHARS), fc.nat()).map(([s, c, at]) => {
    const i = s.length ? at % (s.length + 1) : 0;
    return s.slice(0, i) + c + s.slice(i);
  });
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** An arbitrary of values that probably break JSON Schema `s` (wrong types, edges, nasty text). */
export const invalidOf = (s: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  const options: fc.Arbitrary<unknown>[] = [wrongType];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (s.enum) {
    const words = s.enum.filter((e): e is string => typeof e === 'string');
    if (words.length)
      options.push(
        fc.constantFrom(...words).chain((w) => fc.constantFrom(w.toUpperCase(), ` ${w}`, `${w}\u200b`, `${w}\u0000`, w.slice(1), `${w}s`)),
        textString(0, 12),
      );
  } else if (types.includes('string')) {
    const valid = stringOf(s);
    options.push(fc.constant(''), invisibleOnly, withNasty(valid), withNasty(invisibleOnly));
    if (s.maxLength !== undefined) {
      const over = s.maxLength + 1;
      options.push(fc.constantFrom('x', '长', '😀').chain((c) => fc.integer({ min: over, max: over + 64 }).map((n) => c.repeat(Math.ceil(n / c.length)))));
    }
    if (s.minLength) options.push(codeString(0, Math.max(0, s.minLength - 1)));
    if (s.pattern) {
      const re = new RegExp(s.pattern);
      options.push(textString(0, 50).filter((x) => !re.test(x)), valid.map((x) => `${x}\u0000`), valid.map((x) => ` ${x}`));
    }
  }
  if (types.includes('integer') || types.includes('number')) {
    const edges = [
      s.minimum !== undefined ? s.minimum - 1 : undefined,
      s.maximum !== undefined ? s.maximum + 1 : undefined,
      (s.minimum ?? 0) + 0.5,
      1e308,
      -1e308,
      2 ** 53,
    ].filter((n): n is number => n !== undefined);
    options.push(fc.constantFrom(...edges), fc.constantFrom(...edges).map(String));
  }
  if (types.includes('object') && s.properties && depth < 3) {
    const props = s.properties;
    const required = (s.required ?? []).filter((k) => k in props);
    const base = validOf(s) as fc.Arbitrary<Record<string, unknown>>;
    if (required.length)
      options.push(fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))));
    const keys = Object.keys(props);
    if (keys.length)
      options.push(
        fc
          .constantFrom(...keys)
          .chain((k) => fc.tuple(base, fc.constant(k), invalidOf(props[k]!, depth + 1)))
          .map(([o, k, v]) => ({ ...o, [k]: v })),
      );
  }
  if (types.includes('array') && depth < 3) {
    const item = s.items ?? {};
    if (s.maxItems !== undefined) options.push(fc.array(validOf(item), { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }));
    options.push(fc.array(invalidOf(item, depth + 1), { minLength: 1, maxLength: 3 }));
  }
  return fc.oneof(...options);
};

// ---------------------------------------------------------------------------------------------------------------
// Malformed requests: raw path segments, query strings, bodies and header values.

/** Escapes that are malformed, or decode to something a path should not hold. */
const PERCENT_JUNK = ['%', '%Z', '%ZZ', '%G0', '%0', '%E0%A4', '%ED%A0%80', '%C0%AF', '%FF', '%FE%FF', '%00', '%0A', '%2F', '%5C', '%25', '%2e', '%2e%2e', '%u0041', '%%', '%20', '%3F', '%23'];
/** What node:http and the server accept raw in a path segment: visible ASCII but `/ ? # %`. */
const RAW_PATH_CHARS = PRINTABLE.filter((c) => !'/?#%'.includes(c));
/** The same in a query string, but `&` (a separator). */
const RAW_QUERY_CHARS = PRINTABLE.filter((c) => !'?#%&'.includes(c));

/** A path segment as an attacker might send it: never empty, never containing `/`. */
export const rawSegment: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...PERCENT_JUNK), fc.constantFrom(...RAW_PATH_CHARS)), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(percentEncode),
  textString(1, 20).map(percentEncode),
  fc.integer({ min: 37, max: 4000 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom('.', '..', '...', '%2e%2e', '.%2e', '~', '-', '0'.repeat(35), `${'0'.repeat(36)}%00`, `${'0'.repeat(36)}%0A`, `%20${'0'.repeat(36)}`),
);

/** A query value: numbers at their edges, malformed escapes, nasty bytes, very long. */
export const rawQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'abc', '-1', '0', '51', '1.5', '1e1', 'NaN', 'Infinity', '-Infinity', '%205', '0x10', '9'.repeat(400), '[]', '{}', 'null', 'true'),
  fc.constantFrom(...PERCENT_JUNK),
  fc.string({ unit: 'binary', maxLength: 30 }).map(percentEncode),
  fc.array(fc.oneof(fc.constantFrom(...PERCENT_JUNK), fc.constantFrom(...RAW_QUERY_CHARS)), { maxLength: 10 }).map((a) => a.join('')),
  fc.integer({ min: 1025, max: 5000 }).map((n) => 'A'.repeat(n)),
);

/** A whole raw query string of junk: odd separators, repeated names, names without values. */
export const rawQueryJunk: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.oneof(codeString(1, 8).map(percentEncode), fc.constantFrom(...PERCENT_JUNK)), rawQueryValue).map(([k, v]) => `${k}=${v}`),
      fc.constantFrom('', '=', '==', '&', 'a', 'a=b=c', '%ZZ=1', '=%'),
    ),
    { maxLength: 6 },
  )
  .map((a) => a.join('&'));

/** Bodies that are not JSON at all. */
export const notJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'undefined', 'NaN', '{"a":1}}', '\ufeff{}', '\u0000', '{"a":"\\x00"}', '{"a":01}', 'nul'),
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
  )
  .filter((t) => {
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  });

/** Characters node:http lets into a header value (visible ASCII, space, tab, Latin-1). */
const HEADER_CHARS = [...PRINTABLE, ' ', '\t', '\u00e9', '\u00ff', '\u00a0'];
export const headerJunk = (maxLength: number) => fc.string({ unit: fc.constantFrom(...HEADER_CHARS), maxLength });
/** A header value as the server will read it: HTTP drops the white space around it. */
export const headerAsRead = (v: string | string[]): string => (Array.isArray(v) ? v.map((x) => x.trim()).join(', ') : v).replace(/^[ \t]+|[ \t]+$/g, '');
