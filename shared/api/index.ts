import { feedbackApi } from './feedback';
import { identityApi } from './identity';
import { teamsApi } from './teams';

/** Every endpoint, grouped by bounded context: one context, one Lambda function, one table. */
export const api = {
  identity: identityApi,
  feedback: feedbackApi,
  teams: teamsApi,
} as const;

export type ContextName = keyof typeof api;

export * from './endpoint';
export * from './common';
export * from './identity';
export * from './feedback';
export * from './teams';
export * from './uploads';
export * from './audit';
