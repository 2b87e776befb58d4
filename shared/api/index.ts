import { feedbackApi } from './feedback';
import { identityApi } from './identity';
import { teamsApi } from './teams';
import { councilApi } from './council';
import { scoringApi } from './scoring';
import { stewardsApi } from './stewards';

/** Every endpoint, grouped by bounded context: one context, one Lambda function, one table. */
export const api = {
  identity: identityApi,
  feedback: feedbackApi,
  teams: teamsApi,
  council: councilApi,
  scoring: scoringApi,
  stewards: stewardsApi,
} as const;

export type ContextName = keyof typeof api;

export * from './endpoint';
export * from './common';
export * from './identity';
export * from './feedback';
export * from './teams';
export * from './council';
export * from './scoring';
export * from './stewards';
export * from './uploads';
export * from './audit';
