import { request as httpRequest } from 'node:http';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type * as z from 'zod';
import type { Endpoint } from '../../shared/api/endpoint';
import { api } from '../../shared/api';
import { dynamo } from '../../functions/src/db/client';
import { tableName, tables, type TableKey } from '../../functions/src/db/tables';
import { startLocal, type LocalApp, type LocalOptions } from '../../functions/local/server';

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  /** Send from this loopback address (e.g. `127.0.0.2`): the gateway sees it as the caller's address. */
  from?: string;
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A real Gongzhi on a random port: dynalite in memory, tables from their definitions, the demo community, the
 * local gateway and every handler behind its middy stack. Tests talk HTTP to it, as the pages do.
 */
export class Harness {
  /** Every start in this test file, finished or not: `closeAll` stops what a file's own afterAll missed. */
  private static readonly started = new Set<Promise<Harness>>();
  private closed?: Promise<void>;

  private constructor(readonly app: LocalApp) {}

  /** In memory and API only unless told otherwise (the e2e test adds a data folder and the H5 app). */
  static start(options: LocalOptions = {}): Promise<Harness> {
    const starting = startLocal({ port: 0, ...options }).then((app) => new Harness(app));
    Harness.started.add(starting);
    return starting;
  }

  close(): Promise<void> {
    this.closed ??= this.app.close();
    return this.closed;
  }

  /**
   * Stops every harness this file started and has not stopped: one whose start outlived a timed-out beforeAll
   * (its afterAll saw no harness) would otherwise keep jest from exiting. Run after each file
   * (tests/support/after-all.ts).
   */
  static async closeAll(): Promise<void> {
    const all = [...Harness.started];
    Harness.started.clear();
    await Promise.all(all.map((p) => p.then((h) => h.close()).catch(() => undefined)));
  }

  async call<E extends Endpoint>(endpoint: E, opts: CallOptions = {}): Promise<Answer> {
    const path = endpoint.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(opts.params?.[p] ?? ''));
    const qs = new URLSearchParams(Object.entries(opts.query ?? {}).map(([k, v]) => [k, String(v)])).toString();
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const url = `${this.app.url.replace('localhost', '127.0.0.1')}${path}${qs ? `?${qs}` : ''}`;
    if (opts.from) return sendFrom(opts.from, url, endpoint.method, headers, body);
    const res = await fetch(url, { method: endpoint.method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Signs in a resident (or steward) with the local dev login; returns the token. */
  async resident(name: string): Promise<string> {
    const r = await this.call(api.identity.wechatLogin, { body: { code: `dev:${name}` } });
    if (r.status !== 200) throw new Error(`dev login failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  async staff(username = 'committee', password = 'Qingnian@2026'): Promise<string> {
    const r = await this.call(api.identity.staffLogin, { body: { username, password } });
    if (r.status !== 200) throw new Error(`staff login failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  /** Every item of every table, to prove that a refused request wrote nothing. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const key of Object.keys(tables) as TableKey[]) {
      const items: unknown[] = [];
      let start: Record<string, any> | undefined;
      do {
        const page = await dynamo().send(new ScanCommand({ TableName: tableName(key), ExclusiveStartKey: start, ConsistentRead: true }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      out[key] = items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return out;
  }
}

/** One request over node:http bound to a local source address (fetch cannot choose one). */
const sendFrom = (localAddress: string, url: string, method: string, headers: Record<string, string>, body?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method, headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers: h, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

/** A valid body for the feedback form. */
export const aFeedback = (overrides: Partial<z.input<typeof api.feedback.submitFeedback.body & {}>> = {}) => ({
  category: 'environment',
  title: '楼道灯坏了',
  description: '5栋2单元三楼楼道灯不亮，晚上上下楼看不清。',
  compound: '青年新苑',
  building: '5栋',
  ...overrides,
});

export const isProblem = (a: Answer, status: number) =>
  a.status === status && a.headers.get('content-type')?.startsWith('application/problem+json') === true;
