import type * as z from 'zod';
import type { ContextName } from '../../../shared/api';
import type { Endpoint } from '../../../shared/api/endpoint';
import type { Principal } from './auth';

/** What a handler gets: validated input only, never the raw event. */
export type HandlerInput<E extends Endpoint> =
  E extends Endpoint<infer P, infer Q, infer B, any> ? { params: z.output<P>; query: z.output<Q>; body: z.output<B> } : never;

export interface HandlerContext<E extends Endpoint = Endpoint> {
  /** The caller; absent on public endpoints only. */
  principal: E['access'] extends 'public' ? undefined : Principal;
  requestId: string;
  /** The request's clock: one instant per request, so every timestamp it writes agrees. */
  now: Date;
  /** The caller's address as the gateway saw it (API Gateway's `sourceIp`). For throttling; never logged. */
  sourceIp: string;
  /** The validated `Idempotency-Key` header, on idempotent endpoints when the client sent one. */
  idempotencyKey?: string;
}

export type Handler<E extends Endpoint> = (
  input: HandlerInput<E>,
  ctx: HandlerContext<E>,
) => Promise<z.input<E['response']>>;

/** One row of the route table: an endpoint contract bound to the use case that serves it. */
export interface Route {
  name: string;
  context: ContextName;
  endpoint: Endpoint;
  handler: Handler<any>;
}

/** Binds every endpoint of a context to its handler; the types refuse a missing or extra handler. */
export const defineRoutes = <A extends Record<string, Endpoint>>(
  context: ContextName,
  api: A,
  handlers: { [K in keyof A]: Handler<A[K]> },
): Route[] =>
  Object.entries(api).map(([name, endpoint]) => ({ name, context, endpoint, handler: handlers[name as keyof A] }));

/**
 * Work a context does on a schedule rather than on a request (deadlines that must pass without a reader).
 * CDK schedules each job to invoke its context's function with `{ "job": name }`; `npm start` runs them on a
 * timer. A job must be safe to run twice or concurrently; it returns how many things it changed.
 */
export interface Job {
  name: string;
  context: ContextName;
  everyMinutes: number;
  run: (now: Date) => Promise<number>;
}
