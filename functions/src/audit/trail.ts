import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction, AuditEntry } from '../../../shared/api/audit';
import type { Page } from '../../../shared/api/common';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';
import type { Principal } from '../http/auth';
import { logger } from '../http/logger';

/**
 * The audit trail, written by every context that serves staff acts and read by admins. Entries are kept per
 * community and month (`C#<cid>#AUDIT#2026-11`), sorted by time, so a month is one Query, newest first.
 */
const table = () => tableName('audit');
const monthOf = (at: string) => at.slice(0, 7);
const partition = (cid: string, month: string) => communityKey(cid, 'AUDIT', month);

export interface AuditAct {
  action: AuditAction;
  actor: Pick<Principal, 'communityId' | 'userId' | 'name' | 'roles'>;
  at: Date;
  sourceIp: string;
  target?: { kind: string; id: string };
  change?: string;
}

/**
 * Records a staff act after it succeeded. The act itself is already stored (the feedback's own history holds
 * who moved it, atomically), so a failure here must not turn a done act into an error answer: it is logged as
 * an error (an alarm in AWS) and the caller goes on.
 */
export const recordAudit = async (act: AuditAct): Promise<void> => {
  const at = act.at.toISOString();
  const id = randomUUID();
  const entry: AuditEntry = {
    id,
    at,
    action: act.action,
    actorId: act.actor.userId,
    actorName: act.actor.name,
    actorRoles: act.actor.roles,
    ...(act.target ? { target: act.target } : {}),
    ...(act.change ? { change: act.change } : {}),
    sourceIp: act.sourceIp,
  };
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { pk: partition(act.actor.communityId, monthOf(at)), sk: `${at}#${id}`, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    logger.error('audit entry not recorded', { action: act.action, error: err as Error });
  }
};

/** One month of the trail, newest first. */
export const listAudit = (cid: string, month: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> =>
  queryPage({
    table: table(),
    partition: { name: 'pk', value: partition(cid, month) },
    newestFirst: true,
    limit,
    cursor,
    toItem: ({ pk: _pk, sk: _sk, ...entry }) => entry as AuditEntry,
  });

export const currentMonth = (now: Date): string => monthOf(now.toISOString());
