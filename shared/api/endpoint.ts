import type * as z from 'zod';
import type { Role } from '../roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call an endpoint: anyone, any signed-in person, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * The contract of one HTTP endpoint: the single description that the server's route table, the local gateway,
 * the CDK API, the typed client and the authorization tests all read.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/feedback/{id}`. */
  path: string;
  access: Access;
  /** Create endpoints honour an `Idempotency-Key` header: a retry returns the first result. */
  idempotent?: boolean;
  /**
   * Requests per second (steady, burst) the API stage lets through to this route, below the stage's default:
   * for routes whose every call is deliberately costly (password hashing).
   */
  throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * The refusals that belong to this use case (beyond the stack's own 400/401/403/413/415/500), by status, in a
   * line each: the use case states its outcomes up front, and OpenAPI documents them.
   */
  outcomes?: Readonly<Partial<Record<number, string>>>;
  /** HTTP status of a successful answer (200 unless said). */
  successStatus?: number;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  summary: string;
}

/** Identity function that keeps the literal types of an endpoint contract. */
export const endpoint = <
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(e: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> => e;

export type ParamsOf<E> = E extends Endpoint<infer P, any, any, any> ? z.infer<P> : never;
export type QueryOf<E> = E extends Endpoint<any, infer Q, any, any> ? z.input<Q> : never;
export type BodyOf<E> = E extends Endpoint<any, any, infer B, any> ? z.input<B> : never;
export type ResponseOf<E> = E extends Endpoint<any, any, any, infer R> ? z.infer<R> : never;

/** `routeKey` exactly as API Gateway HTTP APIs spell it: `POST /v1/feedback/{id}`. */
export const routeKey = (e: Pick<Endpoint, 'method' | 'path'>): string => `${e.method} ${e.path}`;
