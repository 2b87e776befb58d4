import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkMonth } from '../../../shared/api/feedback';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { tableName } from '../db/tables';
import { logger } from '../http/logger';
import { chinaMonth } from './china-time';

/**
 * A red steward's work log, counted as it happens: one item per steward and month (`C#<cid>#WORK#<person>` /
 * `2026-11`) with three numbers. Like the statistics, a count is a second write after the change: a failure is
 * logged (an alarm in AWS) and the change stands.
 */
type Work = 'logged' | 'assigned' | 'resolved';

const workPk = (cid: string, stewardId: string) => communityKey(cid, `WORK#${stewardId}`);

export const countStewardWork = async (cid: string, stewardId: string, at: string, work: Work): Promise<void> => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName('feedback'),
        Key: { pk: workPk(cid, stewardId), sk: chinaMonth(at) },
        UpdateExpression: 'ADD #w :one',
        ExpressionAttributeNames: { '#w': work },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  } catch (err) {
    logger.error('steward work not counted', { error: err as Error, work });
  }
};

/** Months `from`…`to` of one steward, oldest first, months without work included as zeros: one Query. */
export const readWorkLog = async (cid: string, stewardId: string, from: string, to: string): Promise<WorkMonth[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName('feedback'),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': workPk(cid, stewardId), ':from': from, ':to': to },
    }),
  );
  const found = new Map((out.Items ?? []).map((i) => [String(i.sk), i]));
  const months: WorkMonth[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    const i = found.get(m);
    months.push({ month: m, logged: Number(i?.logged ?? 0), assigned: Number(i?.assigned ?? 0), resolved: Number(i?.resolved ?? 0) });
  }
  return months;
};

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
