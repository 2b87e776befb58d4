import type { ContextName } from '../../shared/api';
import { councilJobs, councilRoutes } from './council/routes';
import { feedbackJobs, feedbackRoutes } from './feedback/routes';
import type { Job, Route } from './http/route';
import { identityRoutes } from './identity/routes';
import { scoringJobs, scoringRoutes } from './scoring/routes';
import { stewardsJobs, stewardsRoutes } from './stewards/routes';
import { teamsJobs, teamsRoutes } from './teams/routes';
import type { TableKey } from './db/tables';
import type { UploadPurpose } from './uploads/purposes';

/**
 * The route table: every route of every context. CDK makes API routes and one Lambda per context from it, the
 * local gateway serves it, and the authorization tests walk it.
 */
export const routeTable: Record<ContextName, readonly Route[]> = {
  identity: identityRoutes,
  feedback: feedbackRoutes,
  teams: teamsRoutes,
  council: councilRoutes,
  scoring: scoringRoutes,
  stewards: stewardsRoutes,
};

/** The job table: what each context does on a schedule. CDK schedules them; `npm start` runs them on a timer. */
export const jobTable: Record<ContextName, readonly Job[]> = {
  identity: [],
  feedback: feedbackJobs,
  teams: teamsJobs,
  council: councilJobs,
  scoring: scoringJobs,
  stewards: stewardsJobs,
};

/** The DynamoDB actions a context's code calls (IAM names without the `dynamodb:` prefix). */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query';

/**
 * Which tables each context's Lambda uses, and exactly which actions on each: CDK grants these and nothing
 * more (`Query` covers the table's indexes). A context that calls an action not listed here fails in AWS.
 */
export const contextTables: Record<ContextName, Partial<Record<TableKey, readonly TableAction[]>>> = {
  identity: { identity: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], audit: ['PutItem', 'Query'] },
  feedback: { feedback: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], audit: ['PutItem'] },
  // reads of other contexts' items: the community's name (registration numbers) and a complaint to link
  teams: { teams: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], audit: ['PutItem'], identity: ['GetItem'], feedback: ['GetItem'] },
  // reads of other contexts' items: a person to seat, a feedback to make a motion of (and its reporter)
  council: { council: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], audit: ['PutItem'], identity: ['GetItem'], feedback: ['GetItem'] },
  // reads of other contexts: the community's branches and a person to assign (identity), the feedback
  // statistics' counters for a branch's figures (one Query of the feedback table, read-only)
  scoring: { scoring: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], audit: ['PutItem'], identity: ['GetItem', 'Query'], feedback: ['Query'] },
  // reads of other contexts: the community's red stewards (identity's role index), a feedback logged from a visit
  stewards: { stewards: ['GetItem', 'PutItem', 'UpdateItem', 'Query'], audit: ['PutItem'], identity: ['Query'], feedback: ['GetItem'] },
};

/** The secrets a context may read: the WeChat credentials, and the key of secret ballots' keys (council/ballot-key.ts). */
export type SecretName = 'wechat' | 'ballot';

/** Secrets each context's Lambda may read: identity signs in with WeChat, feedback and council send messages. */
export const contextSecrets: Record<ContextName, readonly SecretName[]> = {
  identity: ['wechat'],
  // subscription messages to reporters
  feedback: ['wechat'],
  teams: [],
  // reminders to vote; the keyed hash that keeps secret ballots apart from their members
  council: ['wechat', 'ballot'],
  // telling a secretary their self-assessment was sent back
  scoring: ['wechat'],
  stewards: [],
};

/**
 * The upload purposes each context's Lambda serves (functions/src/uploads): CDK names the uploads bucket to it
 * and grants exactly the object actions those purposes need, on their keys only; a context with none gets neither.
 */
export const contextUploads: Record<ContextName, readonly UploadPurpose[]> = {
  identity: [],
  feedback: ['feedback-photo'],
  teams: [],
  council: [],
  // evidence (佐证材料) for self-assessments, key tasks, rectification and meetings
  scoring: ['scoring-evidence'],
  // photos taken on home visits
  stewards: ['visit-photo'],
};

/**
 * Contexts that issue access tokens: only these may sign with the token key (`kms:Sign` in AWS). Every other
 * context verifies with the public key alone, so no other function can mint a token.
 */
export const tokenIssuers: readonly ContextName[] = ['identity'];

/** Source file of each context's Lambda entry point, relative to `functions/src`. */
export const contextEntry = (context: ContextName): string => `${context}/lambda.ts`;

export const allRoutes = (): Route[] => Object.values(routeTable).flat();

export const allJobs = (): Job[] => Object.values(jobTable).flat();
