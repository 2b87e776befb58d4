import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import type { EvidenceTarget } from '../../../shared/api/scoring';
import type { CriterionEntry } from '../../../shared/scoring/rules';
import type { Sheet, Star } from '../../../shared/scoring/sheet';
import type { AssessmentStatus, PeriodStatus } from '../../../shared/scoring/status';
import type { SessionKind, StudioMemberStatus } from '../../../shared/scoring/studio';
import type { UploadContentType } from '../../../shared/api/uploads';
import { db } from '../db/client';
import { unlessConditionFails, withoutKeys } from '../db/items';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';
import { newItemId } from '../http/idempotency';
import { itemOutbox } from '../notify/item-outbox';
import type { OutboxMessage } from '../notify/outbox';

/**
 * The scoring table. What must change together lives in one item, and changes in one conditional write:
 *  - a period: its sheet, branches, secretaries, working group, status and history, under one `version`;
 *  - a branch's assessment in a period: its self-assessment (entries, vetoes, bonuses), its status and proposal
 *    under one `version`, and its final result, written once (`attribute_not_exists`);
 *  - each reviewer's review of a branch: one item of its own, so reviewers never overwrite each other;
 *  - each rectification measure (with its progress), meeting, key task and piece of evidence: an item each.
 * A branch's assessment is one partition (`C#<cid>#ASSESSMENT#<id>`): its page and its export are one Query. The
 * period's partition of gsi1 lists its assessments, measures, submitted reviews and tasks, so the period board is
 * one Query of small projected items.
 */
const table = () => tableName('scoring');

export interface Assignee {
  name: string;
  userId?: string;
  /** While unclaimed: the code its holder enters to link their account. */
  claimCode?: string;
  assignedAt: string;
}

export interface WorkingGroupMember extends Assignee {
  id: string;
  branchIds: string[];
  lead: boolean;
}

export interface PeriodHistoryItem {
  at: string;
  from: PeriodStatus | null;
  to: PeriodStatus;
  byName: string;
}

export interface PeriodItem {
  id: string;
  communityId: string;
  name: string;
  startDate: string;
  endDate: string;
  status: PeriodStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string;
  branches: { id: string; name: string }[];
  /** By branch id. */
  secretaries: Record<string, Assignee>;
  workingGroup: WorkingGroupMember[];
  announcementDays: number;
  announcement?: { startsAt: string; endsAt: string };
  sheet: Sheet;
  copiedFrom?: { periodId: string; name: string };
  history: PeriodHistoryItem[];
  requestFingerprint?: string;
}

export interface StoredEntry extends CriterionEntry {
  note?: string;
}

export interface Proposal {
  total: number;
  star: Star | null;
}

export interface ResultItem extends Proposal {
  reason?: string;
  at: string;
  byName: string;
  byId: string;
  proposed?: Proposal;
  reviewsCounted: number;
}

export interface AssessmentItem {
  id: string;
  communityId: string;
  periodId: string;
  /** When its period was made: a branch's history lists periods in that order. */
  periodCreatedAt: string;
  branchId: string;
  branchName: string;
  status: AssessmentStatus;
  version: number;
  entries: Record<string, StoredEntry>;
  vetoes: string[];
  bonuses: string[];
  note?: string;
  proposed?: Proposal;
  /** The problem list as fixed at submission (the board counts it without reading the entries). */
  problemKeys?: string[];
  submittedAt?: string;
  submittedByName?: string;
  /** Who submitted, and their WeChat openid when they signed in through WeChat: where a send-back is told. */
  submittedById?: string;
  submittedByOpenid?: string;
  /** The last send-back (退回): by whom, when and why (the audit trail keeps each one). */
  sentBack?: { at: string; byName: string; reason: string };
  result?: ResultItem;
  /** Messages to the secretary not sent yet (written with the send-back that caused them). */
  outbox?: OutboxMessage[];
  createdAt: string;
  updatedAt: string;
}

export interface ReviewItem {
  assessmentId: string;
  memberId: string;
  reviewerName: string;
  reviewerId: string;
  branchId: string;
  status: AssessmentStatus;
  version: number;
  entries: Record<string, StoredEntry>;
  vetoes: string[];
  bonuses: string[];
  note?: string;
  submittedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureItem {
  id: string;
  assessmentId: string;
  branchId: string;
  problemKey: string;
  measure: string;
  ownerName: string;
  deadline: string;
  updates: { at: string; byName: string; text: string; done: boolean }[];
  doneAt?: string;
  version: number;
  createdAt: string;
  createdByName: string;
  requestFingerprint?: string;
}

export interface MeetingItem {
  id: string;
  date: string;
  attendeeCount: number;
  attendees?: string[];
  minutes: string;
  problemKeys: string[];
  recordedAt: string;
  recordedByName: string;
  requestFingerprint?: string;
}

export type TaskStageText = { text: string; at: string; byName: string };

export interface TaskItem {
  id: string;
  assessmentId: string;
  branchId: string;
  title: string;
  description?: string;
  dueDate?: string;
  plan?: TaskStageText;
  execution?: TaskStageText;
  summary?: TaskStageText;
  version: number;
  createdAt: string;
  createdByName: string;
  requestFingerprint?: string;
}

export interface EvidenceItem {
  id: string;
  target: EvidenceTarget;
  key: string;
  contentType: UploadContentType;
  size: number;
  caption?: string;
  addedAt: string;
  addedById: string;
  addedByName: string;
  requestFingerprint?: string;
}

export interface StudioMemberItem {
  id: string;
  name: string;
  userId?: string;
  formerPost?: string;
  health?: string;
  strengths: string;
  status: StudioMemberStatus;
  history: { at: string; from: StudioMemberStatus | null; to: StudioMemberStatus; note?: string; byName: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
  requestFingerprint?: string;
}

export interface SessionItem {
  id: string;
  kind: SessionKind;
  topic: string;
  date: string;
  mentorIds: string[];
  attendeeCount: number;
  attendees?: string[];
  note?: string;
  recordedAt: string;
  recordedByName: string;
  requestFingerprint?: string;
}

/** A branch's assessment id in a period: derived, so what belongs to it can be stored before the item exists. */
export const assessmentIdOf = (cid: string, periodId: string, branchId: string): string =>
  newItemId('scoringAssessment', { communityId: cid, userId: periodId }, branchId);

export const keys = {
  period: (cid: string, id: string) => ({ pk: communityKey(cid, 'PERIOD', id), sk: 'PERIOD' }),
  /** gsi1: the community's periods, by start. */
  periods: (cid: string) => communityKey(cid, 'PERIODS'),
  /** gsi1: a period's assessments, measures, submitted reviews and tasks. */
  inPeriod: (cid: string, periodId: string) => communityKey(cid, 'PERIOD', periodId),
  assessmentPk: (cid: string, id: string) => communityKey(cid, 'ASSESSMENT', id),
  assessment: (cid: string, id: string) => ({ pk: communityKey(cid, 'ASSESSMENT', id), sk: 'ASSESSMENT' }),
  review: (cid: string, assessmentId: string, memberId: string) => ({ pk: communityKey(cid, 'ASSESSMENT', assessmentId), sk: `REVIEW#${memberId}` }),
  measure: (cid: string, assessmentId: string, id: string) => ({ pk: communityKey(cid, 'ASSESSMENT', assessmentId), sk: `MEASURE#${id}` }),
  meeting: (cid: string, assessmentId: string, id: string) => ({ pk: communityKey(cid, 'ASSESSMENT', assessmentId), sk: `MEETING#${id}` }),
  task: (cid: string, assessmentId: string, id: string) => ({ pk: communityKey(cid, 'ASSESSMENT', assessmentId), sk: `TASK#${id}` }),
  evidence: (cid: string, assessmentId: string, id: string) => ({ pk: communityKey(cid, 'ASSESSMENT', assessmentId), sk: `EVIDENCE#${id}` }),
  /** gsi3: assessments with messages to send, across communities (the notifier's). */
  outbox: 'OUTBOX',
  /** gsi2: a branch's assessments across periods. */
  branch: (cid: string, branchId: string) => communityKey(cid, 'BRANCH', branchId),
  /** An assignment code → its period (the period's own assignment holding the code confirms it). */
  code: (cid: string, code: string) => ({ pk: communityKey(cid, 'SCORING-CODE', code), sk: 'CODE' }),
  studio: (cid: string) => communityKey(cid, 'STUDIO'),
  studioMember: (cid: string, id: string) => ({ pk: communityKey(cid, 'STUDIO'), sk: `MEMBER#${id}` }),
  session: (cid: string, id: string) => ({ pk: communityKey(cid, 'STUDIO'), sk: `SESSION#${id}` }),
  /** gsi1: the studio's sessions by date. */
  sessions: (cid: string) => communityKey(cid, 'STUDIO-SESSIONS'),
};

const strip = withoutKeys;

export { unlessConditionFails };

const putNew = async (item: Record<string, unknown>): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
};

const getItem = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }));
  return out.Item ? strip<T>(out.Item) : undefined;
};

/** Every item of one partition (or of one gsi partition), a page at a time underneath. */
const queryAll = async (q: { index?: string; partition: { name: string; value: string }; skPrefix?: string; newestFirst?: boolean }) => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  const skName = q.index ? `${q.index}sk` : 'sk';
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        ...(q.index ? { IndexName: q.index } : { ConsistentRead: true }),
        KeyConditionExpression: `#p = :p${q.skPrefix ? ' AND begins_with(#s, :s)' : ''}`,
        ExpressionAttributeNames: { '#p': q.partition.name, ...(q.skPrefix ? { '#s': skName } : {}) },
        ExpressionAttributeValues: { ':p': q.partition.value, ...(q.skPrefix ? { ':s': q.skPrefix } : {}) },
        ScanIndexForward: !q.newestFirst,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/**
 * One conditional update: `set` (undefined values are removed), `version` bumped, `updatedAt` set, only when the
 * item is at `expectedVersion` and `condition` holds. Returns the item as it now is, or undefined when refused.
 */
const versionedUpdate = async <T>(
  key: { pk: string; sk: string },
  opts: {
    expectedVersion: number;
    set: Record<string, unknown>;
    at: string;
    condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
    append?: { attribute: string; entries: unknown[] };
    /** A second list to append to (an outbox beside a history), made if missing. */
    appendToo?: { attribute: string; entries: unknown[] };
  },
): Promise<T | undefined> => {
  const names: Record<string, string> = { ...opts.condition?.names };
  const values: Record<string, unknown> = { ...opts.condition?.values, ':one': 1, ':expected': opts.expectedVersion, ':at': opts.at };
  const sets = ['#version = #version + :one', '#updatedAt = :at'];
  const removes: string[] = [];
  names['#version'] = 'version';
  names['#updatedAt'] = 'updatedAt';
  Object.entries(opts.set).forEach(([attribute, value], i) => {
    names[`#a${i}`] = attribute;
    if (value === undefined) removes.push(`#a${i}`);
    else {
      values[`:a${i}`] = value;
      sets.push(`#a${i} = :a${i}`);
    }
  });
  if (opts.append) {
    names['#list'] = opts.append.attribute;
    values[':entries'] = opts.append.entries;
    sets.push('#list = list_append(#list, :entries)');
  }
  if (opts.appendToo) {
    names['#list2'] = opts.appendToo.attribute;
    values[':entries2'] = opts.appendToo.entries;
    values[':none'] = [];
    sets.push('#list2 = list_append(if_not_exists(#list2, :none), :entries2)');
  }
  return unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `#version = :expected${opts.condition ? ` AND (${opts.condition.expression})` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<T>(out.Attributes!);
  });
};

// ---------------------------------------------------------------------------------------------------------------
// Periods

const periodIndex = (p: Pick<PeriodItem, 'communityId' | 'id' | 'startDate'>) => ({ gsi1pk: keys.periods(p.communityId), gsi1sk: `${p.startDate}#${p.id}` });

export const putNewPeriod = (p: PeriodItem) => putNew({ ...keys.period(p.communityId, p.id), ...periodIndex(p), ...p });

export const getPeriod = (cid: string, id: string) => getItem<PeriodItem>(keys.period(cid, id));

/**
 * Saves changed attributes of a period if nobody changed it since `expectedVersion` (and, if given, it is still
 * in `status`). The list index follows a changed start date. Undefined when refused.
 */
export const savePeriod = (
  p: PeriodItem,
  changes: Partial<Omit<PeriodItem, 'id' | 'communityId' | 'version' | 'createdAt' | 'updatedAt'>>,
  opts: { expectedVersion: number; at: string; inStatus?: PeriodStatus; historyEntry?: PeriodHistoryItem },
) =>
  versionedUpdate<PeriodItem>(keys.period(p.communityId, p.id), {
    expectedVersion: opts.expectedVersion,
    at: opts.at,
    set: { ...changes, ...(changes.startDate ? { gsi1sk: periodIndex({ ...p, startDate: changes.startDate }).gsi1sk } : {}) },
    ...(opts.inStatus ? { condition: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': opts.inStatus } } } : {}),
    ...(opts.historyEntry ? { append: { attribute: 'history', entries: [opts.historyEntry] } } : {}),
  });

/** The community's periods, newest start first. */
export const listPeriods = (cid: string, limit: number, cursor?: string): Promise<Page<PeriodItem>> =>
  queryPage({
    table: table(),
    index: { name: 'gsi1', sortKey: 'gsi1sk' },
    partition: { name: 'gsi1pk', value: keys.periods(cid) },
    newestFirst: true,
    limit,
    cursor,
    toItem: (raw) => strip<PeriodItem>(raw),
  });

/** A secretary's place claimed with its code: one conditional write on the period (only while the code is there). */
export const claimSecretary = (cid: string, periodId: string, branchId: string, code: string, userId: string, at: string) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.period(cid, periodId),
        UpdateExpression: 'SET secretaries.#b.userId = :u, #updatedAt = :at ADD #version :one REMOVE secretaries.#b.claimCode',
        ConditionExpression: 'secretaries.#b.claimCode = :code',
        ExpressionAttributeNames: { '#b': branchId, '#updatedAt': 'updatedAt', '#version': 'version' },
        ExpressionAttributeValues: { ':u': userId, ':code': code, ':at': at, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<PeriodItem>(out.Attributes!);
  });

/** A working-group place claimed with its code (the member at `index` when read; the condition confirms it). */
export const claimMember = (cid: string, periodId: string, index: number, code: string, userId: string, at: string) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.period(cid, periodId),
        UpdateExpression: `SET workingGroup[${index}].userId = :u, #updatedAt = :at ADD #version :one REMOVE workingGroup[${index}].claimCode`,
        ConditionExpression: `workingGroup[${index}].claimCode = :code`,
        ExpressionAttributeNames: { '#updatedAt': 'updatedAt', '#version': 'version' },
        ExpressionAttributeValues: { ':u': userId, ':code': code, ':at': at, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<PeriodItem>(out.Attributes!);
  });

/** Claims a code for a period; false when the code is taken (pick another). */
export const putCodePointer = async (cid: string, code: string, periodId: string): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await putNew({ ...keys.code(cid, code), periodId });
    return true;
  })) ?? false;

export const getCodePeriodId = async (cid: string, code: string): Promise<string | undefined> =>
  (await getItem<{ periodId: string }>(keys.code(cid, code)))?.periodId;

export const deleteCodePointer = (cid: string, code: string) => db().send(new DeleteCommand({ TableName: table(), Key: keys.code(cid, code) }));

// ---------------------------------------------------------------------------------------------------------------
// Assessments

const assessmentRecord = (a: AssessmentItem) => ({
  ...keys.assessment(a.communityId, a.id),
  gsi1pk: keys.inPeriod(a.communityId, a.periodId),
  gsi1sk: `A#${a.branchId}`,
  gsi2pk: keys.branch(a.communityId, a.branchId),
  gsi2sk: `${a.periodCreatedAt}#${a.periodId}`,
  ...a,
});

/** Creates a branch's assessment unless it exists (a retried or repeated creation changes nothing). */
export const putAssessmentIfAbsent = async (a: AssessmentItem): Promise<void> => {
  await unlessConditionFails(() => putNew(assessmentRecord(a)));
};

export const deleteAssessment = (cid: string, id: string) =>
  db().send(new DeleteCommand({ TableName: table(), Key: keys.assessment(cid, id), ConditionExpression: '#status = :draft AND attribute_not_exists(submittedAt)', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':draft': 'draft' } })).catch((err) => {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  });

export const getAssessment = (cid: string, id: string) => getItem<AssessmentItem>(keys.assessment(cid, id));

const draftOnly = { expression: '#status = :draft', names: { '#status': 'status' }, values: { ':draft': 'draft' } };

/** One criterion of a draft self-assessment, on the version read. */
export const saveSelfEntry = (a: AssessmentItem, criterionId: string, entry: StoredEntry, expectedVersion: number, at: string) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.assessment(a.communityId, a.id),
        UpdateExpression: 'SET entries.#c = :e, #version = #version + :one, updatedAt = :at',
        ConditionExpression: '#version = :expected AND #status = :draft',
        ExpressionAttributeNames: { '#c': criterionId, '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':e': entry, ':one': 1, ':at': at, ':expected': expectedVersion, ':draft': 'draft' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<AssessmentItem>(out.Attributes!);
  });

export const saveSelfOverall = (a: AssessmentItem, overall: { vetoes: string[]; bonuses: string[]; note?: string }, expectedVersion: number, at: string) =>
  versionedUpdate<AssessmentItem>(keys.assessment(a.communityId, a.id), {
    expectedVersion,
    at,
    set: { vetoes: overall.vetoes, bonuses: overall.bonuses, note: overall.note || undefined },
    condition: draftOnly,
  });

export const submitSelf = (
  a: AssessmentItem,
  proposal: Proposal,
  problemKeys: string[],
  by: { name: string; userId: string; openid?: string },
  expectedVersion: number,
  at: string,
) =>
  versionedUpdate<AssessmentItem>(keys.assessment(a.communityId, a.id), {
    expectedVersion,
    at,
    set: { status: 'submitted', proposed: proposal, problemKeys, submittedAt: at, submittedByName: by.name, submittedById: by.userId, submittedByOpenid: by.openid },
    condition: draftOnly,
  });

/**
 * A submitted self-assessment sent back to its secretary (退回): a draft again, its proposal and problem list
 * dropped until it is submitted again, and why it came back; with the message that tells the secretary in its
 * outbox (and the item in the notifier's index), in the same write. Only on the version read, only while submitted.
 */
export const sendBackSelf = (a: AssessmentItem, sentBack: NonNullable<AssessmentItem['sentBack']>, expectedVersion: number, message?: OutboxMessage) =>
  versionedUpdate<AssessmentItem>(keys.assessment(a.communityId, a.id), {
    expectedVersion,
    at: sentBack.at,
    set: {
      status: 'draft',
      proposed: undefined,
      problemKeys: undefined,
      submittedAt: undefined,
      submittedByName: undefined,
      submittedById: undefined,
      submittedByOpenid: undefined,
      sentBack,
      ...(message ? { gsi3pk: keys.outbox, gsi3sk: `${sentBack.at}#${a.communityId}#${a.id}` } : {}),
    },
    ...(message ? { appendToo: { attribute: 'outbox', entries: [message] } } : {}),
    condition: { expression: '#status = :submitted', names: { '#status': 'status' }, values: { ':submitted': 'submitted' } },
  });

/** The scoring table's side of the notification outbox (functions/src/notify/). */
export const scoringOutbox = itemOutbox({ table, index: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' }, partition: keys.outbox });

/** The final result: written once. Undefined when a result is there already. */
export const setResult = (a: AssessmentItem, result: ResultItem) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.assessment(a.communityId, a.id),
        UpdateExpression: 'SET #result = :r, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#result)',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: { ':r': result, ':at': result.at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<AssessmentItem>(out.Attributes!);
  });

export interface AssessmentPartition {
  assessment: AssessmentItem;
  reviews: ReviewItem[];
  measures: MeasureItem[];
  meetings: MeetingItem[];
  tasks: TaskItem[];
  evidence: EvidenceItem[];
}

const of = <T>(items: Record<string, unknown>[], prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => strip<T>(i));

/** A branch's assessment and everything under it: one Query of its partition. */
export const readAssessmentPartition = async (cid: string, id: string): Promise<AssessmentPartition | undefined> => {
  const items = await queryAll({ partition: { name: 'pk', value: keys.assessmentPk(cid, id) } });
  const raw = items.find((i) => i.sk === 'ASSESSMENT');
  if (!raw) return undefined;
  return {
    assessment: strip<AssessmentItem>(raw),
    reviews: of<ReviewItem>(items, 'REVIEW#'),
    measures: of<MeasureItem>(items, 'MEASURE#').sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    meetings: of<MeetingItem>(items, 'MEETING#').sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt)),
    tasks: of<TaskItem>(items, 'TASK#').sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title, 'zh')),
    evidence: of<EvidenceItem>(items, 'EVIDENCE#').sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
  };
};

/** What the period board reads of each item (gsi1's projection). */
export interface BoardItems {
  assessments: Pick<AssessmentItem, 'id' | 'periodId' | 'branchId' | 'branchName' | 'status' | 'proposed' | 'problemKeys' | 'submittedAt' | 'result'>[];
  measures: Pick<MeasureItem, 'id' | 'branchId' | 'problemKey' | 'deadline' | 'doneAt'>[];
  /** Submitted reviews only. */
  reviews: Pick<ReviewItem, 'memberId' | 'branchId' | 'submittedAt'>[];
  tasks: Pick<TaskItem, 'id' | 'branchId' | 'plan' | 'execution' | 'summary'>[];
}

/** A period's assessments, measures, submitted reviews and tasks: one Query of its gsi1 partition. */
export const readPeriodBoard = async (cid: string, periodId: string): Promise<BoardItems> => {
  const items = await queryAll({ index: 'gsi1', partition: { name: 'gsi1pk', value: keys.inPeriod(cid, periodId) } });
  const by = <T>(prefix: string) => items.filter((i) => String(i.gsi1sk).startsWith(prefix)).map((i) => strip<T>(i));
  return { assessments: by('A#'), measures: by('M#'), reviews: by('R#'), tasks: by('T#') };
};

/** A branch's assessments across periods, oldest period first (gsi2's projection). */
export const branchAssessments = async (cid: string, branchId: string) =>
  (await queryAll({ index: 'gsi2', partition: { name: 'gsi2pk', value: keys.branch(cid, branchId) } })).map((i) =>
    strip<Pick<AssessmentItem, 'id' | 'periodId' | 'branchId' | 'branchName' | 'proposed' | 'problemKeys' | 'result'>>(i),
  );

// ---------------------------------------------------------------------------------------------------------------
// Reviews

export const getReview = (cid: string, assessmentId: string, memberId: string) => getItem<ReviewItem>(keys.review(cid, assessmentId, memberId));

/** A reviewer's first save: the review item, created once. False when one exists already. */
export const putNewReview = async (cid: string, r: ReviewItem): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await putNew({ ...keys.review(cid, r.assessmentId, r.memberId), ...r });
    return true;
  })) ?? false;

export const saveReviewEntry = (cid: string, r: ReviewItem, criterionId: string, entry: StoredEntry, expectedVersion: number, at: string) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.review(cid, r.assessmentId, r.memberId),
        UpdateExpression: 'SET entries.#c = :e, #version = #version + :one, updatedAt = :at',
        ConditionExpression: '#version = :expected AND #status = :draft',
        ExpressionAttributeNames: { '#c': criterionId, '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':e': entry, ':one': 1, ':at': at, ':expected': expectedVersion, ':draft': 'draft' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<ReviewItem>(out.Attributes!);
  });

export const saveReviewOverall = (cid: string, r: ReviewItem, overall: { vetoes: string[]; bonuses: string[]; note?: string }, expectedVersion: number, at: string) =>
  versionedUpdate<ReviewItem>(keys.review(cid, r.assessmentId, r.memberId), {
    expectedVersion,
    at,
    set: { vetoes: overall.vetoes, bonuses: overall.bonuses, note: overall.note || undefined },
    condition: draftOnly,
  });

/** Submits a review; it then appears on the period board (gsi1) and counts in the progress. */
export const submitReview = (cid: string, r: ReviewItem, periodId: string, expectedVersion: number, at: string) =>
  versionedUpdate<ReviewItem>(keys.review(cid, r.assessmentId, r.memberId), {
    expectedVersion,
    at,
    set: { status: 'submitted', submittedAt: at, gsi1pk: keys.inPeriod(cid, periodId), gsi1sk: `R#${r.branchId}#${r.memberId}` },
    condition: draftOnly,
  });

// ---------------------------------------------------------------------------------------------------------------
// Measures, meetings, tasks, evidence

export const putMeasure = (cid: string, periodId: string, m: MeasureItem) =>
  putNew({ ...keys.measure(cid, m.assessmentId, m.id), gsi1pk: keys.inPeriod(cid, periodId), gsi1sk: `M#${m.branchId}#${m.id}`, ...m });

export const getMeasure = (cid: string, assessmentId: string, id: string) => getItem<MeasureItem>(keys.measure(cid, assessmentId, id));

/** A progress update (and, with `done`, the measure done): only on the version read, only while not done. */
export const recordMeasureProgress = (cid: string, m: MeasureItem, update: MeasureItem['updates'][number], expectedVersion: number) =>
  versionedUpdate<MeasureItem>(keys.measure(cid, m.assessmentId, m.id), {
    expectedVersion,
    at: update.at,
    set: update.done ? { doneAt: update.at } : {},
    condition: { expression: 'attribute_not_exists(doneAt)' },
    append: { attribute: 'updates', entries: [update] },
  });

export const putMeeting = (cid: string, assessmentId: string, m: MeetingItem) => putNew({ ...keys.meeting(cid, assessmentId, m.id), ...m });
export const getMeeting = (cid: string, assessmentId: string, id: string) => getItem<MeetingItem>(keys.meeting(cid, assessmentId, id));

/**
 * One request that makes several tasks (one per branch) is recorded in its period by the id its
 * `Idempotency-Key` derives, with its fingerprint, before the tasks: a retry goes on where the first stopped, and the
 * key reused for other content is told apart. Returns whether the record is this request's.
 */
export const recordTaskBatch = async (cid: string, periodId: string, id: string, fingerprint: string): Promise<boolean> => {
  const key = { pk: keys.period(cid, periodId).pk, sk: `TASK-BATCH#${id}` };
  const created = await unlessConditionFails(async () => {
    await putNew({ ...key, requestFingerprint: fingerprint });
    return true;
  });
  return created ?? (await getItem<{ requestFingerprint?: string }>(key))?.requestFingerprint === fingerprint;
};

export const putTask = (cid: string, periodId: string, t: TaskItem) =>
  putNew({ ...keys.task(cid, t.assessmentId, t.id), gsi1pk: keys.inPeriod(cid, periodId), gsi1sk: `T#${t.branchId}#${t.id}`, ...t });
export const getTask = (cid: string, assessmentId: string, id: string) => getItem<TaskItem>(keys.task(cid, assessmentId, id));

export const reportTaskStage = (cid: string, t: TaskItem, stage: 'plan' | 'execution' | 'summary', text: TaskStageText, expectedVersion: number) =>
  versionedUpdate<TaskItem>(keys.task(cid, t.assessmentId, t.id), { expectedVersion, at: text.at, set: { [stage]: text } });

export const putEvidence = (cid: string, assessmentId: string, e: EvidenceItem) => putNew({ ...keys.evidence(cid, assessmentId, e.id), ...e });
export const getEvidence = (cid: string, assessmentId: string, id: string) => getItem<EvidenceItem>(keys.evidence(cid, assessmentId, id));
export const deleteEvidence = (cid: string, assessmentId: string, id: string) =>
  db().send(new DeleteCommand({ TableName: table(), Key: keys.evidence(cid, assessmentId, id) }));

// ---------------------------------------------------------------------------------------------------------------
// The Old Secretary Studio

export const putStudioMember = (cid: string, m: StudioMemberItem) => putNew({ ...keys.studioMember(cid, m.id), ...m });
export const getStudioMember = (cid: string, id: string) => getItem<StudioMemberItem>(keys.studioMember(cid, id));

export const listStudioMembers = async (cid: string): Promise<StudioMemberItem[]> =>
  (await queryAll({ partition: { name: 'pk', value: keys.studio(cid) }, skPrefix: 'MEMBER#' }))
    .map((i) => strip<StudioMemberItem>(i))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh'));

export const saveStudioMember = (
  cid: string,
  m: StudioMemberItem,
  changes: Partial<Pick<StudioMemberItem, 'name' | 'userId' | 'formerPost' | 'health' | 'strengths' | 'status'>>,
  expectedVersion: number,
  at: string,
  historyEntry?: StudioMemberItem['history'][number],
) =>
  versionedUpdate<StudioMemberItem>(keys.studioMember(cid, m.id), {
    expectedVersion,
    at,
    set: changes,
    ...(historyEntry ? { append: { attribute: 'history', entries: [historyEntry] } } : {}),
  });

export const putSession = (cid: string, s: SessionItem) =>
  putNew({ ...keys.session(cid, s.id), gsi1pk: keys.sessions(cid), gsi1sk: `${s.date}#${s.recordedAt}#${s.id}`, ...s });
export const getSession = (cid: string, id: string) => getItem<SessionItem>(keys.session(cid, id));

/** Every session (the counts per member; a studio holds tens a year). */
export const allSessions = async (cid: string): Promise<SessionItem[]> =>
  (await queryAll({ partition: { name: 'pk', value: keys.studio(cid) }, skPrefix: 'SESSION#' })).map((i) => strip<SessionItem>(i));

/** The sessions, latest first. */
export const listSessions = (cid: string, limit: number, cursor?: string): Promise<Page<SessionItem>> =>
  queryPage({
    table: table(),
    index: { name: 'gsi1', sortKey: 'gsi1sk' },
    partition: { name: 'gsi1pk', value: keys.sessions(cid) },
    newestFirst: true,
    limit,
    cursor,
    toItem: (raw) => strip<SessionItem>(raw),
  });
