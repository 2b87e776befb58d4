import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Feedback, FeedbackSummary, HistoryEntry } from '../../../shared/api/feedback';
import { autoCloseAt, FEEDBACK_STATUSES, type FeedbackStatus } from '../../../shared/feedback/status';
import { responseDueAt } from '../../../shared/feedback/targets';
import { db } from '../db/client';
import { countPerPartition } from '../db/items';
import { communityKey } from '../db/keys';
import { queryPage, type QueryNarrowing } from '../db/page';
import { chinaDate } from './china-time';
import type { DeliveryState, OutboxMessage, OutboxStore } from '../notify/outbox';
import { tableName } from '../db/tables';
import type { StoredUpload } from '../uploads';

/**
 * A feedback item holds everything that must change together: its status, its whole history and its version,
 * so a transition is one conditional write.
 */
export interface FeedbackItem extends Feedback {
  communityId: string;
  reporterId: string;
  /** Where the reporter's subscription messages go (residents signed in through WeChat). Never sent to clients. */
  reporterOpenid?: string;
  /** Messages to the reporter not sent yet (the outbox: written with the change that caused them). */
  outbox?: OutboxMessage[];
  /** The version the committee (or the system) last changed, and the version its reporter last opened. */
  staffChangeVersion?: number;
  reporterSeenVersion?: number;
  /** What the creating request asked (with an Idempotency-Key only): tells a retry from a reused key. */
  requestFingerprint?: string;
  /** The report's photos as stored (keys into the uploads bucket): answers show signed URLs instead. */
  photoKeys?: StoredUpload[];
}

const table = () => tableName('feedback');

export const keys = {
  item: (cid: string, id: string) => ({ pk: communityKey(cid, 'FB', id), sk: 'FB' }),
  /** gsi1: a reporter's feedback, newest first. */
  byReporter: (cid: string, userId: string) => communityKey(cid, 'REPORTER', userId),
  /** gsi2: the committee's queue of one status, oldest waiting first. */
  byStatus: (cid: string, status: FeedbackStatus) => communityKey(cid, 'FBSTATUS', status),
  /** gsi3: resolved items by the time they close themselves unless rated (one partition for the job). */
  autoClose: 'DUE#AUTOCLOSE',
  /** gsi4: items with notifications to send (one partition for the notifier). */
  outbox: 'OUTBOX',
  /** gsi5: a reporter's items with a change they have not seen. */
  unreadOf: (cid: string, userId: string) => communityKey(cid, 'UNREAD', userId),
  /** gsi6: a red steward's assigned feedback. */
  assignedTo: (cid: string, stewardId: string) => communityKey(cid, 'ASSIGNED', stewardId),
  /** The day's reference counter: `20261127-007` is the 7th report of that day (China time). */
  sequence: (cid: string, day: string) => ({ pk: communityKey(cid, 'SEQ', 'FEEDBACK'), sk: day }),
  /** The delivery ledger: one item per message, the guard against sending it twice. */
  delivery: (cid: string, messageId: string) => ({ pk: communityKey(cid, 'DELIVERY', messageId), sk: 'DELIVERY' }),
};

const indexKeys = (f: FeedbackItem, statusSince: string) => ({
  gsi1pk: keys.byReporter(f.communityId, f.reporterId),
  gsi1sk: `${f.createdAt}#${f.id}`,
  gsi2pk: keys.byStatus(f.communityId, f.status),
  gsi2sk: `${statusSince}#${f.id}`,
});

const fromItem = (item: Record<string, unknown>): FeedbackItem => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, gsi4pk: _g, gsi4sk: _h, gsi5pk: _i, gsi5sk: _j, gsi6pk: _k, gsi6sk: _l, ...rest } =
    item;
  const f = rest as unknown as FeedbackItem;
  // Derived, never stored: a resolved item closes itself RATING_WINDOW_DAYS after it was resolved.
  const resolvedAt = f.status === 'resolved' ? f.history?.at(-1)?.at : undefined;
  return resolvedAt ? { ...f, autoCloseAt: autoCloseAt(resolvedAt) } : f;
};

/** One row of a list; `unread` only in its reporter's own list (the marker is theirs alone). */
export const toSummary = (f: FeedbackItem, forReporter = false): FeedbackSummary => ({
  id: f.id,
  category: f.category,
  title: f.title,
  compound: f.compound,
  status: f.status,
  reporterName: f.reporterName,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
  ...(forReporter ? { unread: isUnread(f) } : {}),
  ...(f.assignment ? { assignment: f.assignment } : {}),
  ...(f.ref ? { ref: f.ref } : {}),
  responseDueAt: responseDueAt(f.category, f.createdAt),
});

/** For its reporter: the committee (or the system) changed it since they last opened it. */
export const isUnread = (f: Pick<FeedbackItem, 'staffChangeVersion' | 'reporterSeenVersion'>): boolean =>
  (f.staffChangeVersion ?? 0) > (f.reporterSeenVersion ?? 0);

/** The stored form of new feedback: the item with its table and index keys. */
export const newFeedbackRecord = (f: FeedbackItem) => ({ ...keys.item(f.communityId, f.id), ...indexKeys(f, f.createdAt), ...f });

export const putNewFeedback = async (f: FeedbackItem): Promise<void> => {
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: newFeedbackRecord(f),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

export const getFeedback = async (cid: string, id: string): Promise<FeedbackItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.item(cid, id), ConsistentRead: true }));
  return out.Item ? fromItem(out.Item) : undefined;
};

/**
 * Moves feedback to a new status in one conditional write: only if nobody changed it since `expectedVersion`.
 * Returns undefined when the version is stale.
 */
export const applyTransition = async (
  current: FeedbackItem,
  expectedVersion: number,
  entry: HistoryEntry,
  also: {
    /** The reporter's rating that made the move. */
    rating?: FeedbackItem['rating'];
    /** A message to the reporter: queued in the outbox, and the item marked unread for them. */
    notify?: OutboxMessage;
    /** The reporter made the move themself: they have seen this version. */
    seenByReporter?: boolean;
  } = {},
): Promise<FeedbackItem | undefined> => {
  const next = { ...current, status: entry.to };
  const ix = indexKeys(next, entry.at);
  const id = `${current.communityId}#${current.id}`;
  const set = ['#status = :to', 'history = list_append(history, :entry)', 'version = version + :one', 'updatedAt = :at', 'gsi2pk = :g2pk', 'gsi2sk = :g2sk'];
  const remove: string[] = [];
  const values: Record<string, unknown> = {
    ':to': entry.to,
    ':entry': [entry],
    ':one': 1,
    ':at': entry.at,
    ':g2pk': ix.gsi2pk,
    ':g2sk': ix.gsi2sk,
    ':expected': expectedVersion,
  };
  if (also.rating) {
    set.push('rating = :rating');
    values[':rating'] = also.rating;
  }
  if (entry.to === 'resolved') {
    set.push('gsi3pk = :g3pk', 'gsi3sk = :g3sk');
    Object.assign(values, { ':g3pk': keys.autoClose, ':g3sk': `${autoCloseAt(entry.at)}#${id}` });
  } else remove.push('gsi3pk', 'gsi3sk');
  if (also.notify) {
    // version + 1 here reads the old version: it is the version this very write makes
    set.push(
      'outbox = list_append(if_not_exists(outbox, :none), :message)',
      'gsi4pk = :g4pk',
      'gsi4sk = if_not_exists(gsi4sk, :g4sk)',
      'staffChangeVersion = version + :one',
      'gsi5pk = :g5pk',
      'gsi5sk = :at',
    );
    Object.assign(values, {
      ':none': [],
      ':message': [also.notify],
      ':g4pk': keys.outbox,
      ':g4sk': `${entry.at}#${id}`,
      ':g5pk': keys.unreadOf(current.communityId, current.reporterId),
    });
  }
  if (also.seenByReporter) {
    set.push('reporterSeenVersion = version + :one');
    remove.push('gsi5pk', 'gsi5sk');
  }
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.item(current.communityId, current.id),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

const listPage = (
  index: 'gsi1' | 'gsi2' | 'gsi6',
  partition: string,
  newestFirst: boolean,
  limit: number,
  cursor: string | undefined,
  narrowing?: QueryNarrowing,
) =>
  queryPage<FeedbackSummary>({
    narrowing,
    table: table(),
    index: { name: index, sortKey: `${index}sk` },
    partition: { name: `${index}pk`, value: partition },
    newestFirst,
    limit,
    cursor,
    // gsi1 lists a reporter's own feedback
    toItem: (i) => toSummary(fromItem(i), index === 'gsi1'),
  });

export const listByReporter = (cid: string, userId: string, limit: number, cursor?: string) =>
  listPage('gsi1', keys.byReporter(cid, userId), true, limit, cursor);

/** What the committee narrows its queue by (all optional). */
export interface QueueFilter {
  category?: string;
  compound?: string;
  branchId?: string;
  stewardId?: string;
  /** Matches the title, the reference number or the compound. */
  text?: string;
  /** Only what entered this status before this time (waited at least that long). */
  waitingSince?: string;
}

/** The filter expression over the attributes the queue index carries (FEEDBACK_SUMMARY in tables.ts). */
const queueNarrowing = (f: QueueFilter): QueryNarrowing => {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const equal = (path: string, name: string, value: string | undefined) => {
    if (!value) return;
    parts.push(`${path} = ${name}`);
    values[name] = value;
  };
  equal('category', ':category', f.category);
  equal('compound', ':compound', f.compound);
  equal('assignment.branch.id', ':branch', f.branchId);
  equal('assignment.steward.id', ':steward', f.stewardId);
  if (f.text) {
    parts.push('(contains(title, :q) OR contains(#ref, :q) OR contains(compound, :q))');
    names['#ref'] = 'ref';
    values[':q'] = f.text;
  }
  return {
    // the sort key starts with when it entered the status: "waited at least" is a key condition, not a filter
    ...(f.waitingSince ? { sortKeyBefore: f.waitingSince } : {}),
    ...(parts.length ? { filter: { expression: parts.join(' AND '), ...(Object.keys(names).length ? { names } : {}), values } } : {}),
  };
};

export const listByStatus = (cid: string, status: FeedbackStatus, limit: number, cursor?: string, filter: QueueFilter = {}) =>
  listPage('gsi2', keys.byStatus(cid, status), false, limit, cursor, queueNarrowing(filter));

/** The cross-community job indexes sort by `<time>#<communityId>#<id>`: the item they point at. */
const itemRefFrom = (sortKey: string) => {
  const [, communityId, id] = sortKey.split('#');
  return { communityId: communityId!, id: id! };
};

/** Resolved items whose rating window ended before `now`, soonest due first (their keys only). */
export const listDueToClose = async (now: Date, limit: number): Promise<{ communityId: string; id: string }[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :p AND gsi3sk < :now',
      ExpressionAttributeValues: { ':p': keys.autoClose, ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => {
    return itemRefFrom(String(i.gsi3sk));
  });
};

/**
 * Its reporter opens it: read it and mark this version seen, in one conditional write (the condition is the
 * ownership check). Undefined when it does not exist or is not theirs.
 */
export const openAsReporter = async (cid: string, id: string, reporterId: string): Promise<FeedbackItem | undefined> => {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.item(cid, id),
        UpdateExpression: 'SET reporterSeenVersion = version REMOVE gsi5pk, gsi5sk',
        ConditionExpression: 'reporterId = :me',
        ExpressionAttributeValues: { ':me': reporterId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

/** How many of a reporter's items carry a change they have not seen: one Query that counts. */
export const countUnread = async (cid: string, reporterId: string): Promise<number> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi5',
      KeyConditionExpression: 'gsi5pk = :p',
      ExpressionAttributeValues: { ':p': keys.unreadOf(cid, reporterId) },
      Select: 'COUNT',
    }),
  );
  return out.Count ?? 0;
};

/** The feedback table's side of the notification outbox (functions/src/notify/outbox.ts). */
type ItemRef = { communityId: string; id: string };
export const feedbackOutbox: OutboxStore<ItemRef> = {
  async pending(limit) {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :p',
        ExpressionAttributeValues: { ':p': keys.outbox },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => {
      return itemRefFrom(String(i.gsi4sk));
    });
  },
  async messages(ref) {
    return (await getFeedback(ref.communityId, ref.id))?.outbox ?? [];
  },
  async claim(ref, message, now) {
    const key = keys.delivery(ref.communityId, message.id);
    try {
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: { ...key, state: 'sending', claimedAt: now.toISOString(), feedbackId: ref.id, kind: message.kind },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { claimed: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const found = (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;
      return { claimed: false, state: (found?.state ?? 'sending') as DeliveryState, claimedAt: String(found?.claimedAt ?? now.toISOString()) };
    }
  },
  async settle(ref, message, state, reason) {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.delivery(ref.communityId, message.id),
        UpdateExpression: 'SET #state = :state, settledAt = :now' + (reason ? ', reason = :reason' : ''),
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':state': state, ':now': new Date().toISOString(), ...(reason ? { ':reason': reason } : {}) },
      }),
    );
  },
  async release(ref, message) {
    await db().send(new DeleteCommand({ TableName: table(), Key: keys.delivery(ref.communityId, message.id) }));
  },
  async remove(ref, message) {
    const key = keys.item(ref.communityId, ref.id);
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: key,
          UpdateExpression: 'REMOVE outbox[0]',
          ConditionExpression: 'outbox[0].id = :id',
          ExpressionAttributeValues: { ':id': message.id },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err; // someone else took it off already
    }
    try {
      // the last one gone: the item leaves the notifier's index
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: key,
          UpdateExpression: 'REMOVE gsi4pk, gsi4sk',
          ConditionExpression: 'size(outbox) = :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err; // more to send
    }
  },
};

export const listAssigned = (cid: string, stewardId: string, limit: number, cursor?: string) =>
  listPage('gsi6', keys.assignedTo(cid, stewardId), true, limit, cursor);

/** How many items each status holds: one counting Query per status, in parallel (exact, nothing to drift). */
export const countByStatus = (cid: string): Promise<Record<FeedbackStatus, number>> =>
  countPerPartition(table(), 'gsi2', Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, keys.byStatus(cid, s)])) as Record<FeedbackStatus, string>);

const notFinal = {
  condition: 'attribute_exists(pk) AND NOT (#status IN (:closed, :rejected, :withdrawn))',
  values: { ':closed': 'closed', ':rejected': 'rejected', ':withdrawn': 'withdrawn' },
};

/**
 * Hands it to a branch and/or a steward (the steward's queue lists it), in one conditional write: not once it
 * is final. Undefined when it does not exist or is final.
 */
export const assign = async (
  cid: string,
  id: string,
  assignment: NonNullable<FeedbackItem['assignment']>,
): Promise<{ before: FeedbackItem; after: FeedbackItem } | undefined> => {
  const steward = assignment.steward;
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.item(cid, id),
        UpdateExpression:
          'SET assignment = :a, version = version + :one, updatedAt = :at' +
          (steward ? ', gsi6pk = :g6pk, gsi6sk = :g6sk' : ' REMOVE gsi6pk, gsi6sk'),
        ConditionExpression: notFinal.condition,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':a': assignment,
          ':one': 1,
          ':at': assignment.at,
          ...notFinal.values,
          ...(steward ? { ':g6pk': keys.assignedTo(cid, steward.id), ':g6sk': `${assignment.at}#${id}` } : {}),
        },
        // the item before, so the caller knows whether the steward changed (their work log counts hand-overs)
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = fromItem(out.Attributes!);
    return { before, after: { ...before, assignment, version: before.version + 1, updatedAt: assignment.at } };
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

/** Appends a staff note (append-only: no version check, it cannot conflict with anything). */
export const addNote = async (cid: string, id: string, note: NonNullable<FeedbackItem['notes']>[number]): Promise<FeedbackItem | undefined> => {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.item(cid, id),
        UpdateExpression: 'SET notes = list_append(if_not_exists(notes, :none), :note)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':none': [], ':note': [note] },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(out.Attributes!);
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
};

/** The day (China time) a report is numbered by: `20261127`. */
const chinaDay = (at: Date) => chinaDate(at).replace(/-/g, '');

/**
 * The next reference number of the day, counted atomically (ADD on one counter item). Taken before the report
 * is written: a report that is then not written gives it back (`returnReference`) or, when another was numbered
 * meanwhile or the call failed, leaves a gap in the day's numbers; never a duplicate.
 */
export const nextReference = async (cid: string, at: Date): Promise<string> => {
  const day = chinaDay(at);
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.sequence(cid, day),
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return `${day}-${String(out.Attributes?.n ?? 0).padStart(3, '0')}`;
};

/**
 * Gives back a reference number that `nextReference` handed out for a report that was not written after all (a
 * keyed retry that found its first call's report, or a key reused for another): while it is still the day's last,
 * so a rejected request leaves no trace and a number is never handed out twice. If another report took a number
 * meanwhile, it stays a gap.
 */
export const returnReference = async (cid: string, at: Date, ref: string): Promise<void> => {
  const day = chinaDay(at);
  const n = Number(ref.slice(ref.lastIndexOf('-') + 1));
  const Key = keys.sequence(cid, day);
  const mine = { ':n': n };
  try {
    await db().send(
      n === 1
        ? new DeleteCommand({ TableName: table(), Key, ConditionExpression: 'n = :n', ExpressionAttributeValues: mine })
        : new UpdateCommand({ TableName: table(), Key, UpdateExpression: 'SET n = :before', ConditionExpression: 'n = :n', ExpressionAttributeValues: { ...mine, ':before': n - 1 } }),
    );
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
};
