import Taro from '@tarojs/taro';
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from '../../../shared/api/endpoint';
import { ApiError, networkError, toApiError } from './errors';
import { clearSession, getSession, goToLogin, type Realm } from './session';

/*
 * The api/ modules import shared/ by relative path (pages use the `@shared` alias): that way they also compile
 * under the root tsconfig and jest, where the unit tests in tests/unit/miniprogram load them.
 */

/**
 * The typed API client: one generic function over the endpoint contracts in `shared/api`. Paths, methods and
 * types all come from the contract: `call(feedbackApi.getFeedback, { params: { id } })`.
 */

type AnyEndpoint = Endpoint<any, any, any, any>;

type Slot<K extends string, T, Optional extends boolean> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a call needs: path params and body when the contract has them; the query is always optional. */
export type CallInput<E> = Slot<'params', ParamsOf<E>, false> & Slot<'query', QueryOf<E>, true> & Slot<'body', BodyOf<E>, false>;

export interface CallOptions {
  /** For `idempotent` endpoints: reuse a key to make a retry safe (see `RetryKey`). A new one otherwise. */
  idempotencyKey?: string;
}

type CallArgs<E> = {} extends CallInput<E>
  ? [input?: CallInput<E>, options?: CallOptions]
  : [input: CallInput<E>, options?: CallOptions];

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh `Idempotency-Key`: 8–128 characters of [A-Za-z0-9_-] as the server requires. */
export const newIdempotencyKey = (): string => {
  let random = '';
  for (let i = 0; i < 20; i++) random += KEY_ALPHABET[Math.floor(Math.random() * KEY_ALPHABET.length)];
  return `${Date.now().toString(36)}-${random}`;
};

/**
 * Keeps one idempotency key per form: the same content sent again (a retry after a timeout or a double tap)
 * reuses the key, so the server answers with the first result; changed content gets a new key.
 */
export class RetryKey {
  private last: { fingerprint: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.last?.fingerprint !== fingerprint) this.last = { fingerprint, key: newIdempotencyKey() };
    return this.last.key;
  }

  /** Call after a success: the next submit is a new request. */
  reset(): void {
    this.last = null;
  }
}

/** `/v1/feedback/{id}` + `{ id: 'x' }` → `/v1/feedback/x`. */
export const buildPath = (template: string, params: Record<string, unknown> | undefined): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`缺少路径参数 ${name}`);
    return encodeURIComponent(String(value));
  });

export const buildQuery = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

const REQUEST_TIMEOUT_MS = 20000;

/** The API origin, set at build time by `defineConstants` (config/index.ts); '' = same origin. */
declare const API_BASE_URL: string;
const apiBase = (): string => (typeof API_BASE_URL === 'string' ? API_BASE_URL : '');

/** A client for one realm: it sends that realm's token and, on 401, sends the person to that realm's login. */
export const createClient = (realm: Realm) =>
  async function call<E extends AnyEndpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ResponseOf<E>> {
    const [input, options] = args as [
      { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } | undefined,
      CallOptions | undefined,
    ];
    const url = `${apiBase()}${buildPath(endpoint.path, input?.params)}${buildQuery(input?.query)}`;
    const header: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const isPublic = endpoint.access === 'public';
    const session = isPublic ? null : getSession(realm);
    if (session) header.Authorization = `Bearer ${session.token}`;
    if (endpoint.idempotent) header['Idempotency-Key'] = options?.idempotencyKey ?? newIdempotencyKey();
    const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
    if (hasBody) header['Content-Type'] = 'application/json';

    let res: Taro.request.SuccessCallbackResult<string | Record<string, unknown>>;
    try {
      res = await Taro.request<string | Record<string, unknown>>({
        url,
        method: endpoint.method,
        header,
        data: hasBody ? (input?.body ?? {}) : undefined,
        dataType: 'json',
        timeout: REQUEST_TIMEOUT_MS,
      });
    } catch {
      throw networkError();
    }

    let data: unknown = res.data;
    if (typeof data === 'string' && data) {
      try {
        data = JSON.parse(data);
      } catch {
        /* not JSON: handled below */
      }
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return data as ResponseOf<E>;

    const error: ApiError = toApiError(res.statusCode, data);
    if (res.statusCode === 401 && !isPublic) {
      clearSession(realm);
      goToLogin(realm);
    }
    throw error;
  };

/** Calls made by residents (main package pages). */
export const call = createClient('resident');
/** Calls made by committee staff (admin subpackage pages). */
export const staffCall = createClient('staff');
