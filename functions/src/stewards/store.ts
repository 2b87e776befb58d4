import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import { DEFAULT_VISIT_INTERVAL_DAYS, monthOfDate, type HelpKind, type HouseholdLabel } from '../../../shared/stewards/households';
import { db } from '../db/client';
import { queryAll, unlessConditionFails, withoutKeys } from '../db/items';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';
import type { StoredUpload } from '../uploads';

/**
 * The stewards table. A household is one partition: the household item (address, labels, its steward, the date
 * of its last visit and the ids of its visits as a set) and, beside it, its visits and help records, so a
 * household's record is one Query. Households are listed per steward (gsi1) and for the whole community (gsi2),
 * both sorted by the day they started waiting for a visit: the longest waiting first, and "overdue" is a range.
 * Visits and help are listed per steward and month (gsi1) and per community and month (gsi3): a month's work is
 * one Query, counted as it is read (nothing to drift, unlike counters).
 */
const table = () => tableName('stewards');

export const keys = {
  household: (cid: string, id: string) => ({ pk: communityKey(cid, 'HOUSEHOLD', id), sk: 'HOUSEHOLD' }),
  stewardHouseholds: (cid: string, stewardId: string) => communityKey(cid, 'STEWARD', stewardId, 'HOUSEHOLDS'),
  households: (cid: string) => communityKey(cid, 'HOUSEHOLDS'),
  stewardMonth: (cid: string, stewardId: string, month: string) => communityKey(cid, 'STEWARD', stewardId, 'WORK', month),
  communityMonth: (cid: string, month: string) => communityKey(cid, 'WORK', month),
  settings: (cid: string) => ({ pk: communityKey(cid, 'STEWARD-SETTINGS'), sk: 'SETTINGS' }),
};

export interface HouseholdItem {
  id: string;
  communityId: string;
  compound: string;
  building: string;
  unit?: string;
  room?: string;
  name: string;
  labels: HouseholdLabel[];
  stewardId: string;
  stewardName: string;
  note?: string;
  /** China date it was put on its steward's list: it waits for a first visit from then. */
  since: string;
  lastVisitDate?: string;
  /** Every visit's id (a set: a retried visit is counted once). */
  visitIds?: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  requestFingerprint?: string;
}

interface WorkFields {
  id: string;
  householdId: string;
  compound: string;
  date: string;
  stewardId: string;
  stewardName: string;
  recordedAt: string;
  requestFingerprint?: string;
}

export interface VisitItem extends WorkFields {
  kind: 'visit';
  metWith: string;
  discussed: string;
  needs?: string;
  feedbackIds?: string[];
  /** Its photos, checked and moved to `stored/<community>/visit-photo/`: shown only as signed URLs. */
  photoKeys?: StoredUpload[];
}

export interface HelpItem extends WorkFields {
  kind: HelpKind;
  whatWasDone: string;
  hours: number;
}

export type WorkItem = VisitItem | HelpItem;

/** The day a household started waiting, then its id: the sort key of both household lists. */
const waitingKey = (h: Pick<HouseholdItem, 'lastVisitDate' | 'since' | 'id'>) => `${h.lastVisitDate ?? h.since}#${h.id}`;

/** The stored form of a household: the item with its keys (demo data writes these in batches). */
export const householdRecord = (h: HouseholdItem) => ({
  ...keys.household(h.communityId, h.id),
  ...h,
  gsi1pk: keys.stewardHouseholds(h.communityId, h.stewardId),
  gsi1sk: waitingKey(h),
  gsi2pk: keys.households(h.communityId),
  gsi2sk: waitingKey(h),
});

const fromHousehold = (raw: Record<string, unknown>): HouseholdItem => {
  const h = withoutKeys<HouseholdItem & { visitIds?: Set<string> | string[] }>(raw);
  return { ...h, visitIds: h.visitIds ? [...h.visitIds] : [] };
};

export const getHousehold = async (cid: string, id: string): Promise<HouseholdItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.household(cid, id), ConsistentRead: true }));
  return out.Item ? fromHousehold(out.Item) : undefined;
};

/** A new household (only if its id is new: a retried create finds the first). */
export const putNewHousehold = async (h: HouseholdItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: householdRecord(h), ConditionExpression: 'attribute_not_exists(pk)' }));
};

/**
 * The committee's fields of a household (address, name, labels, note, steward), only if nobody changed them since
 * `version`; undefined if stale. An update, not a put: a visit recorded meanwhile keeps its date and its count.
 */
export const updateHousehold = (
  cid: string,
  id: string,
  fields: Pick<HouseholdItem, 'compound' | 'building' | 'unit' | 'room' | 'name' | 'labels' | 'stewardId' | 'stewardName' | 'note'>,
  version: number,
  at: string,
): Promise<HouseholdItem | undefined> =>
  unlessConditionFails(async () => {
    // every attribute by an alias: `name`, `unit` and others are DynamoDB reserved words
    const optional = ['unit', 'room', 'note'] as const;
    const set = optional.filter((k) => fields[k]);
    const remove = optional.filter((k) => !fields[k]);
    const always = { compound: fields.compound, building: fields.building, name: fields.name, labels: fields.labels, stewardId: fields.stewardId, stewardName: fields.stewardName, gsi1pk: keys.stewardHouseholds(cid, fields.stewardId), version: version + 1, updatedAt: at };
    const assigned = { ...always, ...Object.fromEntries(set.map((k) => [k, fields[k]])) };
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.household(cid, id),
        UpdateExpression: [`SET ${Object.keys(assigned).map((k) => `#${k} = :${k}`).join(', ')}`, remove.length ? `REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''].join(' '),
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: Object.fromEntries([...Object.keys(assigned), ...remove, 'version'].map((k) => [`#${k}`, k])),
        ExpressionAttributeValues: { ...Object.fromEntries(Object.entries(assigned).map(([k, v]) => [`:${k}`, v])), ':expected': version },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromHousehold(out.Attributes!);
  });

/** A household and everything beside it (visits, help), newest first: one Query. */
export const readHouseholdRecord = async (cid: string, id: string): Promise<{ household: HouseholdItem; work: WorkItem[] } | undefined> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.household(cid, id).pk },
    ConsistentRead: true,
    ScanIndexForward: false,
  });
  const head = items.find((i) => i.sk === 'HOUSEHOLD');
  if (!head) return undefined;
  const work = items
    .filter((i) => i.sk !== 'HOUSEHOLD')
    .map((i) => {
      const w = withoutKeys<WorkItem & { feedbackIds?: Set<string> | string[] }>(i);
      return (w.kind === 'visit' ? { ...w, feedbackIds: w.feedbackIds ? [...w.feedbackIds] : [] } : w) as WorkItem;
    })
    .sort((a, b) => (a.date === b.date ? b.recordedAt.localeCompare(a.recordedAt) : b.date.localeCompare(a.date)));
  return { household: fromHousehold(head), work };
};

/** The stored form of a visit or help record: in its household's partition, listed per steward and per community by month. */
export const workRecord = (cid: string, w: WorkItem) => {
  const month = monthOfDate(w.date);
  return {
    pk: keys.household(cid, w.householdId).pk,
    sk: `${w.kind === 'visit' ? 'VISIT' : 'HELP'}#${w.date}#${w.id}`,
    ...w,
    gsi1pk: keys.stewardMonth(cid, w.stewardId, month),
    gsi1sk: `${w.date}#${w.id}`,
    gsi3pk: keys.communityMonth(cid, month),
    gsi3sk: `${w.date}#${w.id}`,
  };
};

/** A visit or a help record, written once (a retry with the same id finds the first). */
export const putWork = async (cid: string, w: WorkItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: workRecord(cid, w), ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getWork = async (cid: string, householdId: string, kind: 'VISIT' | 'HELP', date: string, id: string): Promise<WorkItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: { pk: keys.household(cid, householdId).pk, sk: `${kind}#${date}#${id}` }, ConsistentRead: true }));
  return out.Item ? withoutKeys<WorkItem>(out.Item) : undefined;
};

/**
 * A visit counts on its household: its id joins the set (idempotent), and its date becomes the last visit when it
 * is the latest (a visit recorded late does not move the date back). Only while the household is this steward's.
 */
export const noteVisit = async (cid: string, h: HouseholdItem, visit: Pick<VisitItem, 'id' | 'date' | 'stewardId'>): Promise<boolean> => {
  const later = await unlessConditionFails(() =>
    db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.household(cid, h.id),
        UpdateExpression: 'SET lastVisitDate = :d, gsi1sk = :k, gsi2sk = :k ADD visitIds :ids',
        ConditionExpression: 'stewardId = :me AND (attribute_not_exists(lastVisitDate) OR lastVisitDate < :d)',
        ExpressionAttributeValues: { ':d': visit.date, ':k': `${visit.date}#${h.id}`, ':ids': new Set([visit.id]), ':me': visit.stewardId },
      }),
    ),
  );
  if (later) return true;
  const counted = await unlessConditionFails(() =>
    db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.household(cid, h.id),
        UpdateExpression: 'ADD visitIds :ids',
        ConditionExpression: 'stewardId = :me',
        ExpressionAttributeValues: { ':ids': new Set([visit.id]), ':me': visit.stewardId },
      }),
    ),
  );
  return Boolean(counted);
};

/** A feedback logged from a visit's needs joins the visit's set (idempotent); false when there is no such visit of this steward. */
export const linkFeedback = async (cid: string, householdId: string, visit: Pick<VisitItem, 'id' | 'date'>, stewardId: string, feedbackId: string): Promise<boolean> =>
  Boolean(
    await unlessConditionFails(() =>
      db().send(
        new UpdateCommand({
          TableName: table(),
          Key: { pk: keys.household(cid, householdId).pk, sk: `VISIT#${visit.date}#${visit.id}` },
          UpdateExpression: 'ADD feedbackIds :f',
          ConditionExpression: 'attribute_exists(pk) AND stewardId = :me',
          ExpressionAttributeValues: { ':f': new Set([feedbackId]), ':me': stewardId },
        }),
      ),
    ),
  );

/** One page of a household list (a steward's, or the community's), the longest waiting first. */
export const listHouseholds = (
  cid: string,
  by: { stewardId?: string },
  limit: number,
  cursor: string | undefined,
  waitingBefore?: string,
): Promise<Page<HouseholdItem>> =>
  queryPage({
    table: table(),
    index: by.stewardId ? { name: 'gsi1', sortKey: 'gsi1sk' } : { name: 'gsi2', sortKey: 'gsi2sk' },
    partition: by.stewardId ? { name: 'gsi1pk', value: keys.stewardHouseholds(cid, by.stewardId) } : { name: 'gsi2pk', value: keys.households(cid) },
    newestFirst: false,
    limit,
    cursor,
    toItem: fromHousehold,
    ...(waitingBefore ? { narrowing: { sortKeyBefore: waitingBefore } } : {}),
  });

/** Every item of one index partition (a steward's households, a month's work). */
const allOf = async <T>(index: 'gsi1' | 'gsi2' | 'gsi3', partition: string, toItem: (raw: Record<string, unknown>) => T): Promise<T[]> =>
  (await queryAll({ TableName: table(), IndexName: index, KeyConditionExpression: `${index}pk = :p`, ExpressionAttributeValues: { ':p': partition } })).map(toItem);

export const allHouseholdsOf = (cid: string, stewardId: string) => allOf('gsi1', keys.stewardHouseholds(cid, stewardId), fromHousehold);
export const allHouseholds = (cid: string) => allOf('gsi2', keys.households(cid), fromHousehold);
export const stewardMonthWork = (cid: string, stewardId: string, month: string) => allOf('gsi1', keys.stewardMonth(cid, stewardId, month), (r) => withoutKeys<WorkItem>(r));
export const communityMonthWork = (cid: string, month: string) => allOf('gsi3', keys.communityMonth(cid, month), (r) => withoutKeys<WorkItem>(r));

export interface SettingsItem {
  intervalDays: number;
  version: number;
}

export const getSettings = async (cid: string): Promise<SettingsItem> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.settings(cid), ConsistentRead: true }));
  return out.Item ? { intervalDays: out.Item.intervalDays as number, version: out.Item.version as number } : { intervalDays: DEFAULT_VISIT_INTERVAL_DAYS, version: 0 };
};

/** The committee's settings, only over the version read (0: none saved yet); undefined if stale. */
export const putSettings = (cid: string, intervalDays: number, version: number): Promise<SettingsItem | undefined> =>
  unlessConditionFails(async () => {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.settings(cid), intervalDays, version: version + 1 },
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
      }),
    );
    return { intervalDays, version: version + 1 };
  });
