import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import type { Outcome } from '../../../shared/api/council';
import type { OptionKind, PassRule, VoteOption } from '../../../shared/council/outcome';
import type { Party, Seat, SeatRole } from '../../../shared/council/seats';
import type { MotionAct, MotionPhase, MotionStatus, MotionTimes, ReminderKind } from '../../../shared/council/status';
import { db } from '../db/client';
import { unlessConditionFails, withoutKeys } from '../db/items';
import { communityKey } from '../db/keys';
import { queryPage, type QueryNarrowing } from '../db/page';
import { tableName } from '../db/tables';
import { itemOutbox } from '../notify/item-outbox';
import type { OutboxMessage } from '../notify/outbox';

/**
 * The council table. A council is one item: its parties and every seat (a few dozen; at most MAX_SEATS), so a
 * seating is checked against all the others and written in one conditional write on the council's version.
 *
 * A motion is one partition: the motion item (text, status, schedule, voting rules, the roll once voting opens,
 * the outcome once decided, its history), one item per ballot (`BALLOT#<voter key>`: the seat, or for a secret
 * ballot a keyed hash of it, so a member has one ballot at most, written with a condition), its comments and its
 * reminders (each with its outbox). The outcome is counted from the ballot items at close, after each member's
 * ballot item has been sealed (outcome.ts): nothing counted is ever changed afterwards, nothing is counted twice.
 */
const table = () => tableName('council');

export interface SeatItem extends Seat {
  /** Where the holder's WeChat messages go, learnt when they claim the seat or open their seats (signed in through WeChat). */
  openid?: string;
  /** The code that links the seat to its holder's account, until used. */
  claimCode?: string;
  seatedAt: string;
  seatedByName: string;
}

export interface CouncilItem {
  id: string;
  communityId: string;
  name: string;
  purpose: string;
  parties: Party[];
  seats: SeatItem[];
  version: number;
  createdAt: string;
  updatedAt: string;
  requestFingerprint?: string;
}

export interface MotionSettingsItem {
  optionKind: OptionKind;
  options: VoteOption[];
  quorumPercent: number;
  passRule: PassRule;
  secret: boolean;
  resultsHiddenUntilClose: boolean;
  allowBallotChange: boolean;
}

/** A member on a motion's roll: who may vote, fixed when voting opens. */
export interface RollItem {
  seatId: string;
  userId?: string;
  name: string;
  party: string;
  role: SeatRole;
}

export interface MotionHistoryItem {
  at: string;
  act: 'propose' | MotionAct;
  byName: string;
  note?: string;
}

export interface MotionItem {
  id: string;
  communityId: string;
  councilId: string;
  councilName: string;
  title: string;
  background: string;
  proposedDecision: string;
  feedback?: { id: string; ref?: string; title: string };
  proposedBy: { kind: 'member' | 'committee'; userId: string; name: string };
  status: MotionStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  times?: MotionTimes;
  settings?: MotionSettingsItem;
  closedEarlyAt?: string;
  roll?: RollItem[];
  outcome?: Outcome;
  history: MotionHistoryItem[];
  commentCount?: number;
  requestFingerprint?: string;
}

/** A ballot item. `choice` absent: a seal written at close for a member who did not vote. */
export interface BallotItem {
  voterKey: string;
  choice?: string;
  via?: 'online' | 'in-person';
  /** Open ballots only: who and when (a secret ballot carries neither). */
  seatId?: string;
  castAt?: string;
  recordedByName?: string;
  /** Written at close: no ballot may be cast or changed under this key any more. */
  sealed?: boolean;
}

export interface CommentItem {
  id: string;
  motionId: string;
  at: string;
  authorId: string;
  authorName: string;
  authorRole: 'member' | 'chair' | 'committee';
  party?: string;
  text: string;
  requestFingerprint?: string;
}

export const keys = {
  council: (cid: string, id: string) => ({ pk: communityKey(cid, 'COUNCIL', id), sk: 'COUNCIL' }),
  /** gsi1: the community's councils. */
  councils: (cid: string) => communityKey(cid, 'COUNCILS'),
  /** A seat's claim code → its council and seat. The seat's own code confirms it. */
  claim: (cid: string, code: string) => ({ pk: communityKey(cid, 'SEAT-CLAIM', code), sk: 'CLAIM' }),
  motion: (cid: string, id: string) => ({ pk: communityKey(cid, 'MOTION', id), sk: 'MOTION' }),
  ballot: (cid: string, motionId: string, voterKey: string) => ({ pk: communityKey(cid, 'MOTION', motionId), sk: `BALLOT#${voterKey}` }),
  /** By id alone, so a keyed retry finds its comment (gsi1 orders them by time). */
  comment: (cid: string, motionId: string, id: string) => ({ pk: communityKey(cid, 'MOTION', motionId), sk: `COMMENT#${id}` }),
  /** One per reminder and motion: its conditional put is the "exactly once". */
  reminder: (cid: string, motionId: string, kind: ReminderKind) => ({ pk: communityKey(cid, 'MOTION', motionId), sk: `REMINDER#${kind}` }),
  /** A feedback → the motion made from it (one at most). The motion's own link confirms it. */
  feedbackLink: (cid: string, feedbackId: string) => ({ pk: communityKey(cid, 'FEEDBACK-MOTION', feedbackId), sk: 'LINK' }),
  /** gsi1: a council's motions; a motion's comments. */
  motionsOf: (cid: string, councilId: string) => communityKey(cid, 'COUNCIL', councilId, 'MOTIONS'),
  commentsOf: (cid: string, motionId: string) => communityKey(cid, 'MOTION', motionId, 'COMMENTS'),
  /** gsi2: a council's decided motions. */
  decidedOf: (cid: string, councilId: string) => communityKey(cid, 'COUNCIL', councilId, 'DECIDED'),
  /** gsi3: scheduled motions by close (one partition for the jobs). */
  dueToClose: 'DUE#MOTION-CLOSE',
  /** gsi4: items with notifications to send (one partition for the notifier). */
  outbox: 'OUTBOX',
};

const strip = withoutKeys;


const get = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
  return out.Item ? strip<T>(out.Item) : undefined;
};

/** Every item of one key range (a partition's ballots; a community's councils), a page at a time underneath. */
const queryAll = async (q: { index?: string; partition: [string, string]; prefix?: [string, string] }): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        ...(q.index ? { IndexName: q.index } : { ConsistentRead: true }),
        KeyConditionExpression: `#p = :p${q.prefix ? ' AND begins_with(#s, :s)' : ''}`,
        ExpressionAttributeNames: { '#p': q.partition[0], ...(q.prefix ? { '#s': q.prefix[0] } : {}) },
        ExpressionAttributeValues: { ':p': q.partition[1], ...(q.prefix ? { ':s': q.prefix[1] } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

// ---------------------------------------------------------------------------------------------------------------
// Councils

const councilRecord = (c: CouncilItem) => ({ ...keys.council(c.communityId, c.id), gsi1pk: keys.councils(c.communityId), gsi1sk: `${c.createdAt}#${c.id}`, ...c });

export const putNewCouncil = async (c: CouncilItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: councilRecord(c), ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getCouncil = (cid: string, id: string) => get<CouncilItem>(keys.council(cid, id));

/** The community's councils, oldest first (a handful: one Query). */
export const listCouncils = async (cid: string): Promise<CouncilItem[]> =>
  (await queryAll({ index: 'gsi1', partition: ['gsi1pk', keys.councils(cid)] })).map((i) => strip<CouncilItem>(i));

/**
 * Writes a council's changed fields if nobody changed it since `expectedVersion` (its version then grows by one).
 * Undefined when stale.
 */
export const saveCouncil = (c: CouncilItem, expectedVersion: number, changes: Partial<Pick<CouncilItem, 'name' | 'purpose' | 'parties' | 'seats'>>, at: string) => {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const names = Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k]));
  const values = Object.fromEntries(entries.map(([, v], i) => [`:a${i}`, v]));
  return unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.council(c.communityId, c.id),
        UpdateExpression: `SET ${[...entries.map((_, i) => `#a${i} = :a${i}`), 'updatedAt = :at', 'version = version + :one'].join(', ')}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':at': at, ':one': 1, ':expected': expectedVersion },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<CouncilItem>(out.Attributes!);
  });
};

/** Claims a code for a seat; false when the code is taken (pick another). */
export const putClaimPointer = async (cid: string, code: string, councilId: string, seatId: string): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.claim(cid, code), councilId, seatId }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  })) ?? false;

export const getClaimPointer = (cid: string, code: string) => get<{ councilId: string; seatId: string }>(keys.claim(cid, code));

export const deleteClaimPointer = (cid: string, code: string) => db().send(new DeleteCommand({ TableName: table(), Key: keys.claim(cid, code) }));

// ---------------------------------------------------------------------------------------------------------------
// Motions

const dueKey = (m: Pick<MotionItem, 'communityId' | 'id'>, close: string) => ({ gsi3pk: keys.dueToClose, gsi3sk: `${close}#${m.communityId}#${m.id}` });

const motionRecord = (m: MotionItem) => ({
  ...keys.motion(m.communityId, m.id),
  gsi1pk: keys.motionsOf(m.communityId, m.councilId),
  gsi1sk: `${m.createdAt}#${m.id}`,
  ...m,
});

export const putNewMotion = async (m: MotionItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: motionRecord(m), ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getMotion = (cid: string, id: string) => get<MotionItem>(keys.motion(cid, id));

const writeMotion = (m: Pick<MotionItem, 'communityId' | 'id'>, update: { set: string[]; remove?: string[]; condition: string; names?: Record<string, string>; values: Record<string, unknown> }) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.motion(m.communityId, m.id),
        UpdateExpression: `SET ${update.set.join(', ')}${update.remove?.length ? ` REMOVE ${update.remove.join(', ')}` : ''}`,
        ConditionExpression: update.condition,
        ExpressionAttributeNames: { '#status': 'status', ...update.names },
        ExpressionAttributeValues: update.values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<MotionItem>(out.Attributes!);
  });

/** Voting has not opened (or nothing is scheduled yet): the condition every change before voting carries. */
const BEFORE_VOTING = '(attribute_not_exists(times) OR times.votingOpensAt > :now)';

/**
 * The chair's schedule and rules: only on the version read, only while proposed or scheduled and voting has not
 * opened. The motion enters the jobs' index by its close. Undefined when refused.
 */
export const applySchedule = (m: MotionItem, expectedVersion: number, times: MotionTimes, settings: MotionSettingsItem, entry: MotionHistoryItem) => {
  const due = dueKey(m, times.votingClosesAt);
  return writeMotion(m, {
    set: ['#status = :scheduled', 'times = :times', 'settings = :settings', 'history = list_append(history, :entry)', 'version = version + :one', 'updatedAt = :now', 'gsi3pk = :g3pk', 'gsi3sk = :g3sk'],
    condition: `version = :expected AND #status IN (:proposed, :scheduled) AND ${BEFORE_VOTING}`,
    values: {
      ':scheduled': 'scheduled',
      ':proposed': 'proposed',
      ':times': times,
      ':settings': settings,
      ':entry': [entry],
      ':one': 1,
      ':now': entry.at,
      ':expected': expectedVersion,
      ':g3pk': due.gsi3pk,
      ':g3sk': due.gsi3sk,
    },
  });
};

/** Withdraws a motion before voting opens, on the version read. Undefined when refused. */
export const applyWithdrawal = (m: MotionItem, expectedVersion: number, entry: MotionHistoryItem) =>
  writeMotion(m, {
    set: ['#status = :withdrawn', 'history = list_append(history, :entry)', 'version = version + :one', 'updatedAt = :now'],
    remove: ['gsi3pk', 'gsi3sk'],
    condition: `version = :expected AND #status IN (:proposed, :scheduled) AND ${BEFORE_VOTING}`,
    values: { ':withdrawn': 'withdrawn', ':proposed': 'proposed', ':scheduled': 'scheduled', ':entry': [entry], ':one': 1, ':now': entry.at, ':expected': expectedVersion },
  });

/** Fixes the roll once (whoever comes first after voting opens); undefined when it was fixed already. */
export const setRoll = (m: MotionItem, roll: RollItem[]) =>
  writeMotion(m, {
    set: ['#roll = :roll'],
    condition: 'attribute_not_exists(#roll) AND #status = :scheduled',
    names: { '#roll': 'roll' },
    values: { ':roll': roll, ':scheduled': 'scheduled' },
  });

/** Ends voting now, while it is open and not ended already; the close job finds it at once. Undefined when refused. */
export const applyEarlyClose = (m: MotionItem, entry: MotionHistoryItem) => {
  const due = dueKey(m, entry.at);
  return writeMotion(m, {
    set: ['closedEarlyAt = :now', 'history = list_append(history, :entry)', 'updatedAt = :now', 'gsi3sk = :g3sk'],
    condition: '#status = :scheduled AND attribute_not_exists(closedEarlyAt) AND times.votingOpensAt <= :now AND times.votingClosesAt > :now',
    values: { ':now': entry.at, ':entry': [entry], ':scheduled': 'scheduled', ':g3sk': due.gsi3sk },
  });
};

/**
 * Stores the outcome once: only while no outcome is stored. Decided, the motion joins its council's decided list
 * and leaves the jobs' index. Undefined when another reader or the job stored it first (theirs stands).
 */
export const storeOutcome = (m: MotionItem, outcome: Outcome, entry: MotionHistoryItem) =>
  writeMotion(m, {
    set: ['#status = :decided', 'outcome = :outcome', 'history = list_append(history, :entry)', 'version = version + :one', 'updatedAt = :at', 'gsi2pk = :g2pk', 'gsi2sk = :g2sk'],
    remove: ['gsi3pk', 'gsi3sk'],
    condition: '#status = :scheduled AND attribute_not_exists(outcome)',
    values: {
      ':decided': 'decided',
      ':scheduled': 'scheduled',
      ':outcome': outcome,
      ':entry': [entry],
      ':one': 1,
      ':at': entry.at,
      ':g2pk': keys.decidedOf(m.communityId, m.councilId),
      ':g2sk': `${outcome.decidedAt}#${m.id}`,
    },
  });

/** Counts a comment on its motion (the page shows how many). */
export const countComment = (cid: string, motionId: string) =>
  db().send(new UpdateCommand({ TableName: table(), Key: keys.motion(cid, motionId), UpdateExpression: 'ADD commentCount :one', ExpressionAttributeValues: { ':one': 1 } }));

/** Links a feedback to its motion once; returns the motion linked first (this one, or another). */
export const linkFeedback = async (cid: string, feedbackId: string, motionId: string): Promise<string> => {
  const made = await unlessConditionFails(async () => {
    await db().send(new PutCommand({ TableName: table(), Item: { ...keys.feedbackLink(cid, feedbackId), motionId }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return motionId;
  });
  return made ?? (await get<{ motionId: string }>(keys.feedbackLink(cid, feedbackId)))!.motionId;
};

export const getFeedbackLink = async (cid: string, feedbackId: string): Promise<string | undefined> =>
  (await get<{ motionId: string }>(keys.feedbackLink(cid, feedbackId)))?.motionId;

/** A motion made from a feedback whose link went to another motion: removed again (nobody ever saw it). */
export const deleteMotion = (cid: string, id: string) => db().send(new DeleteCommand({ TableName: table(), Key: keys.motion(cid, id) }));

// ---------------------------------------------------------------------------------------------------------------
// Ballots

const ballotFromItem = (i: Record<string, unknown>): BallotItem => ({ ...strip<Omit<BallotItem, 'voterKey'>>(i), voterKey: String(i.sk).slice('BALLOT#'.length) });

/**
 * Writes a member's ballot under its voter key: only if they have none (`replace: false`), or also over their
 * own online ballot (`replace: true`, where the chair allows changes). Never over a sealed key (voting closed) or
 * a ballot recorded in person. Returns whether it replaced one, or undefined when refused.
 */
export const putBallot = (cid: string, motionId: string, ballot: BallotItem, replace: boolean) =>
  unlessConditionFails(async () => {
    const { voterKey, ...rest } = ballot;
    const out = await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.ballot(cid, motionId, voterKey), ...rest },
        ConditionExpression: replace
          ? 'attribute_not_exists(pk) OR (attribute_not_exists(sealed) AND attribute_exists(choice) AND via = :online)'
          : 'attribute_not_exists(pk)',
        ...(replace ? { ExpressionAttributeValues: { ':online': 'online' } } : {}),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return { replaced: Boolean(out.Attributes?.choice) };
  });

export const getBallot = async (cid: string, motionId: string, voterKey: string): Promise<BallotItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.ballot(cid, motionId, voterKey), ConsistentRead: true }));
  return out.Item ? ballotFromItem(out.Item) : undefined;
};

/** Every ballot item of a motion (votes and, after close, seals): one Query of its partition's ballots. */
export const readBallots = async (cid: string, motionId: string): Promise<BallotItem[]> =>
  (await queryAll({ partition: ['pk', keys.motion(cid, motionId).pk], prefix: ['sk', 'BALLOT#'] })).map(ballotFromItem);

/**
 * Seals a member's ballot key: from now on no ballot can be written under it (putBallot's conditions), and what it
 * holds is final. A key without a ballot gets an empty sealed item (the member did not vote). Returns it as sealed.
 */
export const sealBallot = async (cid: string, motionId: string, voterKey: string): Promise<BallotItem> => {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.ballot(cid, motionId, voterKey),
      UpdateExpression: 'SET sealed = :yes',
      ExpressionAttributeValues: { ':yes': true },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return ballotFromItem(out.Attributes!);
};

// ---------------------------------------------------------------------------------------------------------------
// Comments

export const putComment = async (cid: string, c: CommentItem): Promise<void> => {
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.comment(cid, c.motionId, c.id), gsi1pk: keys.commentsOf(cid, c.motionId), gsi1sk: `${c.at}#${c.id}`, ...c },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

export const getComment = (cid: string, motionId: string, id: string) => get<CommentItem>(keys.comment(cid, motionId, id));

/** A motion's comments, oldest first. */
export const listComments = (cid: string, motionId: string, limit: number, cursor?: string): Promise<Page<CommentItem>> =>
  queryPage({
    table: table(),
    index: { name: 'gsi1', sortKey: 'gsi1sk' },
    partition: { name: 'gsi1pk', value: keys.commentsOf(cid, motionId) },
    newestFirst: false,
    limit,
    cursor,
    toItem: (i) => strip<CommentItem>(i),
  });

// ---------------------------------------------------------------------------------------------------------------
// Lists

/** How a phase (derived from time) reads as a filter on the stored motion, at `now`. */
const phaseFilter = (phase: MotionPhase, now: string): QueryNarrowing['filter'] => {
  const names = { '#status': 'status' };
  const scheduled = (extra: string) => ({ expression: `#status = :scheduled AND ${extra}`, names, values: { ':scheduled': 'scheduled', ':now': now } });
  switch (phase) {
    case 'proposed':
    case 'withdrawn':
    case 'decided':
      return { expression: '#status = :s', names, values: { ':s': phase } };
    case 'scheduled':
      return scheduled('times.discussionStartsAt > :now');
    case 'discussion':
      return scheduled('times.discussionStartsAt <= :now AND times.votingOpensAt > :now');
    case 'voting':
      return scheduled('times.votingOpensAt <= :now AND times.votingClosesAt > :now AND attribute_not_exists(closedEarlyAt)');
    case 'counting':
      return scheduled('(times.votingClosesAt <= :now OR attribute_exists(closedEarlyAt))');
  }
};

/** A council's motions, newest first; `phase` narrows them as of `now`. */
export const listCouncilMotions = (cid: string, councilId: string, limit: number, cursor: string | undefined, phase: MotionPhase | undefined, now: string) =>
  queryPage({
    table: table(),
    index: { name: 'gsi1', sortKey: 'gsi1sk' },
    partition: { name: 'gsi1pk', value: keys.motionsOf(cid, councilId) },
    newestFirst: true,
    limit,
    cursor,
    toItem: (i) => strip<MotionItem>(i),
    ...(phase ? { narrowing: { filter: phaseFilter(phase, now) } } : {}),
  });

/** A council's decided motions, latest decision first. */
export const listDecided = (cid: string, councilId: string, limit: number, cursor?: string) =>
  queryPage({
    table: table(),
    index: { name: 'gsi2', sortKey: 'gsi2sk' },
    partition: { name: 'gsi2pk', value: keys.decidedOf(cid, councilId) },
    newestFirst: true,
    limit,
    cursor,
    toItem: (i) => strip<Pick<MotionItem, 'id' | 'title' | 'proposedDecision' | 'feedback' | 'settings' | 'outcome'>>(i),
  });

/** Scheduled motions whose voting closes before `before`, soonest first (their keys only; every community). */
export const listClosingBefore = async (before: string, limit: number): Promise<{ communityId: string; id: string }[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :p AND gsi3sk < :before',
      ExpressionAttributeValues: { ':p': keys.dueToClose, ':before': before },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => {
    const [, communityId, id] = String(i.gsi3sk).split('#');
    return { communityId: communityId!, id: id! };
  });
};

// ---------------------------------------------------------------------------------------------------------------
// Reminders and their outbox

/**
 * Writes a reminder of a motion once, with its messages in its outbox (listed for the notifier while any wait).
 * False when this reminder was written already: each is sent once.
 */
export const putReminder = async (cid: string, motionId: string, kind: ReminderKind, at: string, messages: OutboxMessage[]): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.reminder(cid, motionId, kind),
          kind,
          at,
          recipients: messages.length,
          outbox: messages,
          ...(messages.length ? { gsi4pk: keys.outbox, gsi4sk: `${at}#${cid}#${motionId}#${kind}` } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  })) ?? false;

export const getReminder = (cid: string, motionId: string, kind: ReminderKind) =>
  get<{ kind: ReminderKind; at: string; recipients: number; outbox: OutboxMessage[] }>(keys.reminder(cid, motionId, kind));

/** The council table's side of the notification outbox (functions/src/notify/). */
export const councilOutbox = itemOutbox({ table, index: { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' }, partition: keys.outbox });
