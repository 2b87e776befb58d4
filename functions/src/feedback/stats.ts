import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { bucketOf, DURATION_BUCKETS, medianBucket, STAT_DIMENSIONS, type StatDimension, type StatRow } from '../../../shared/feedback/stats';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { tableName } from '../db/tables';
import { logger } from '../http/logger';
import { chinaMonth } from './china-time';
import type { FeedbackItem } from './store';

/**
 * The counters behind the statistics: one item per community and month (`C#<cid>#STATS` / `2026-11`), with one
 * number attribute per `metric|dimension|value` (e.g. `received|compound|青年新苑`), added to on each change.
 * A month is one Query; a range of months one Query too.
 *
 * Counting is a second write after the change itself. A failure there is logged (an alarm in AWS) and the
 * change stands: statistics may then be off by that one change, where a lost reply would be worse.
 */
const table = () => tableName('feedback');
const statsPk = (cid: string) => communityKey(cid, 'STATS');
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;

type Metric = 'received' | 'resolved' | 'reopened' | 'ratingSum' | 'ratingCount' | `fr${number}` | `res${number}`;

/** The dimensions one item counts under: all, its category, its compound and (once assigned) its branch. */
const dimensionsOf = (f: FeedbackItem): [StatDimension, string][] => [
  ['all', 'all'],
  ['category', f.category],
  ['compound', f.compound],
  ...(f.assignment?.branch ? [['branch', f.assignment.branch.name] as [StatDimension, string]] : []),
];

const add = async (f: FeedbackItem, at: string, amounts: [Metric, number][]) => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts: string[] = [];
  let i = 0;
  for (const [metric, amount] of amounts)
    for (const [dimension, value] of dimensionsOf(f)) {
      names[`#a${i}`] = `${metric}|${dimension}|${value}`;
      values[`:v${i}`] = amount;
      parts.push(`#a${i} :v${i}`);
      i++;
    }
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: statsPk(f.communityId), sk: chinaMonth(at) },
        UpdateExpression: `ADD ${parts.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (err) {
    logger.error('feedback statistics not counted', { error: err as Error });
  }
};

/** A new report. */
export const countReceived = (f: FeedbackItem) => add(f, f.createdAt, [['received', 1]]);

/** A move of an existing report (`before` is the item before it, `after` the item it became). */
export const countMove = async (before: FeedbackItem, after: FeedbackItem, at: string) => {
  const amounts: [Metric, number][] = [];
  // the committee's first answer: accepted or rejected while waiting
  if (before.status === 'submitted' && (after.status === 'accepted' || after.status === 'rejected'))
    amounts.push([`fr${bucketOf(hoursBetween(before.createdAt, at))}`, 1]);
  if (after.status === 'resolved') amounts.push(['resolved', 1], [`res${bucketOf(hoursBetween(before.createdAt, at))}`, 1]);
  if (before.status === 'resolved' && after.status === 'in_progress') amounts.push(['reopened', 1]);
  if (after.rating && after.rating.at === at) amounts.push(['ratingSum', after.rating.stars], ['ratingCount', 1]);
  if (amounts.length) await add(after, at, amounts);
};

/** The statistics table for months `from`…`to`: one Query. */
export const readStats = async (cid: string, from: string, to: string): Promise<StatRow[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': statsPk(cid), ':from': from, ':to': to },
    }),
  );
  const rows: StatRow[] = [];
  for (const item of out.Items ?? []) {
    const month = String(item.sk);
    const byKey = new Map<string, Record<string, number>>();
    for (const [name, n] of Object.entries(item)) {
      const first = name.indexOf('|');
      const second = name.indexOf('|', first + 1);
      if (first < 0 || second < 0) continue;
      const [metric, dimension, value] = [name.slice(0, first), name.slice(first + 1, second), name.slice(second + 1)];
      const key = `${dimension}|${value}`;
      byKey.set(key, { ...byKey.get(key), [metric]: Number(n) });
    }
    for (const [key, m] of byKey) {
      const [dimension, value] = [key.slice(0, key.indexOf('|')) as StatDimension, key.slice(key.indexOf('|') + 1)];
      const resolved = m.resolved ?? 0;
      const ratings = m.ratingCount ?? 0;
      const buckets = (prefix: string) => DURATION_BUCKETS.map((_, i) => m[`${prefix}${i}`] ?? 0);
      const firstResponse = medianBucket(buckets('fr'));
      const resolution = medianBucket(buckets('res'));
      rows.push({
        month,
        dimension,
        value: dimension === 'all' ? '全部' : value,
        received: m.received ?? 0,
        resolved,
        reopened: m.reopened ?? 0,
        ...(resolved ? { reopenRate: (m.reopened ?? 0) / resolved } : {}),
        ...(ratings ? { satisfaction: (m.ratingSum ?? 0) / ratings } : {}),
        ratings,
        ...(firstResponse ? { medianFirstResponse: firstResponse } : {}),
        ...(resolution ? { medianResolution: resolution } : {}),
      });
    }
  }
  const order = (d: StatDimension) => STAT_DIMENSIONS.indexOf(d);
  return rows.sort((a, b) => a.month.localeCompare(b.month) || order(a.dimension) - order(b.dimension) || a.value.localeCompare(b.value, 'zh'));
};
