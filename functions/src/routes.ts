import type { ContextName } from '../../shared/api';
import { feedbackRoutes } from './feedback/routes';
import type { Route } from './http/route';
import { identityRoutes } from './identity/routes';
import type { TableKey } from './db/tables';

/**
 * The route table: every route of every context. CDK makes API routes and one Lambda per context from it, the
 * local gateway serves it, and the authorization tests walk it.
 */
export const routeTable: Record<ContextName, readonly Route[]> = {
  identity: identityRoutes,
  feedback: feedbackRoutes,
};

/** Which tables each context's Lambda reads and writes (its own, plus idempotency records). */
export const contextTables: Record<ContextName, readonly TableKey[]> = {
  identity: ['identity'],
  feedback: ['feedback', 'idempotency'],
};

/** Secrets each context's Lambda may read besides the JWT key: only identity talks to WeChat. */
export const contextSecrets: Record<ContextName, readonly 'wechat'[]> = {
  identity: ['wechat'],
  feedback: [],
};

/** Source file of each context's Lambda entry point, relative to `functions/src`. */
export const contextEntry = (context: ContextName): string => `${context}/lambda.ts`;

export const allRoutes = (): Route[] => Object.values(routeTable).flat();
