import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import type { DanceRules, TeamHistoryEntry, Venue } from '../../../shared/api/teams';
import type { ActivityKind } from '../../../shared/teams/activities';
import type { WeeklySlot } from '../../../shared/teams/slots';
import { holdsPlaces, TEAM_STATUSES, type TeamStatus } from '../../../shared/teams/status';
import { db } from '../db/client';
import { countPerPartition, unlessConditionFails, withoutKeys } from '../db/items';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';

/**
 * The teams table. A team is one partition: the team item holds what must change together (status, history,
 * slots, version, the roster and who accepted the rules in force, the invite code), so each of those changes is
 * one conditional write; its members, activities, study sessions and linked complaints are items beside it, and
 * the team page reads the whole partition with one Query.
 *
 * The roster (`memberIds`) and the rules acceptances (`rulesAcceptedBy`, for version `rulesAcceptedVersion`) are
 * string sets on the team item: adding to or removing from a set is idempotent, so a retried or repeated write
 * never counts anyone twice, and "has every member accepted?" is answered from the one item. A member item
 * holds the member's details; it is written before the roster names it and removed after the roster drops it,
 * so the roster never points at nothing (a member item the roster does not name is invisible).
 */
const table = () => tableName('teams');

export interface TeamItem {
  id: string;
  communityId: string;
  name: string;
  leaderId: string;
  leaderName: string;
  phone: string;
  venueId: string;
  /** The venue's name when the form was last saved (lists show it; pages read the venue's current name). */
  venueName: string;
  slots: WeeklySlot[];
  expectedSize: number;
  usesLoudspeaker: boolean;
  volumeLimitDb?: number;
  volumeCommitment?: string;
  status: TeamStatus;
  /** Bumped by every edit and every move: the leader's and the committee's optimistic check. */
  version: number;
  /** Bumped by every change of the roster: a check of "every member accepted" holds only for the roster it read. */
  rosterVersion: number;
  createdAt: string;
  updatedAt: string;
  /** When it entered its status (the queue sorts by it). */
  statusSince: string;
  history: TeamHistoryEntry[];
  memberIds: string[];
  rulesAcceptedVersion?: number;
  rulesAcceptedBy?: string[];
  registration?: { number: string; approvedAt: string; validUntil: string };
  complaintIds?: string[];
  invite?: { code: string; expiresAt: string };
  /** An approval under way (see occupancy.ts): its id and start. */
  approving?: { id: string; at: string };
  requestFingerprint?: string;
}

export type TeamForm = Pick<TeamItem, 'name' | 'phone' | 'venueId' | 'venueName' | 'slots' | 'expectedSize' | 'usesLoudspeaker' | 'volumeLimitDb' | 'volumeCommitment'>;

export interface MemberItem {
  teamId: string;
  memberId: string;
  name: string;
  phone?: string;
  /** The resident's account, when they joined themselves (or lead the team). */
  userId?: string;
  via: 'founder' | 'leader' | 'invite';
  joinedAt: string;
  consentRecordedAt: string;
  rules?: { version: number; at: string; how: 'app' | 'study-session' };
  requestFingerprint?: string;
}

export interface ActivityItem {
  id: string;
  kind: ActivityKind;
  title: string;
  date: string;
  hours: number;
  attendeeIds: string[];
  note?: string;
  recordedAt: string;
  recordedById: string;
  recordedByName: string;
  requestFingerprint?: string;
}

export interface StudySessionItem {
  id: string;
  date: string;
  rulesVersion: number;
  attendeeIds: string[];
  note?: string;
  recordedAt: string;
  recordedByName: string;
  requestFingerprint?: string;
}

export interface ComplaintItem {
  feedbackId: string;
  ref?: string;
  title: string;
  reportedAt: string;
  linkedAt: string;
  linkedByName: string;
  note?: string;
}

export interface VenueItem extends Venue {
  communityId: string;
  requestFingerprint?: string;
}

export const keys = {
  team: (cid: string, id: string) => ({ pk: communityKey(cid, 'TEAM', id), sk: 'TEAM' }),
  member: (cid: string, teamId: string, memberId: string) => ({ pk: communityKey(cid, 'TEAM', teamId), sk: `MEMBER#${memberId}` }),
  /** By id alone, so a keyed retry finds its item whatever it says (the page sorts them by date). */
  activity: (cid: string, teamId: string, id: string) => ({ pk: communityKey(cid, 'TEAM', teamId), sk: `ACTIVITY#${id}` }),
  study: (cid: string, teamId: string, id: string) => ({ pk: communityKey(cid, 'TEAM', teamId), sk: `STUDY#${id}` }),
  /** By the complaint's own time and id: one link per complaint and team, newest complaint first. */
  complaint: (cid: string, teamId: string, reportedAt: string, feedbackId: string) => ({
    pk: communityKey(cid, 'TEAM', teamId),
    sk: `COMPLAINT#${reportedAt}#${feedbackId}`,
  }),
  venues: (cid: string) => communityKey(cid, 'VENUES'),
  venue: (cid: string, id: string) => ({ pk: communityKey(cid, 'VENUES'), sk: `VENUE#${id}` }),
  /** A venue's occupancy: one item per quarter-hour cell of the week (occupancy.ts). */
  cells: (cid: string, venueId: string) => communityKey(cid, 'VENUE', venueId, 'CELLS'),
  rules: (cid: string) => communityKey(cid, 'DANCE-RULES'),
  rulesVersion: (cid: string, version: number) => ({ pk: communityKey(cid, 'DANCE-RULES'), sk: `V#${String(version).padStart(6, '0')}` }),
  /** The year's count of approvals: `青年-WD-2026-007` is the 7th. */
  registrationSequence: (cid: string, year: number) => ({ pk: communityKey(cid, 'SEQ', 'REGISTRATION'), sk: String(year) }),
  /** A registration number → its team (the public check). The team's own number confirms it. */
  registration: (cid: string, number: string) => ({ pk: communityKey(cid, 'REGISTRATION', number), sk: 'REGISTRATION' }),
  /** An invite code → its team. The team's own current code confirms it. */
  invite: (cid: string, code: string) => ({ pk: communityKey(cid, 'INVITE', code), sk: 'INVITE' }),
  /** gsi1: a person's memberships. */
  person: (cid: string, userId: string) => communityKey(cid, 'PERSON', userId),
  /** gsi2: teams in one status. */
  byStatus: (cid: string, status: TeamStatus) => communityKey(cid, 'TEAMSTATUS', status),
  /** gsi3: teams holding places at a venue. */
  placesAt: (cid: string, venueId: string) => communityKey(cid, 'VENUE-PLACES', venueId),
};

const strip = (item: Record<string, unknown>): Record<string, unknown> => withoutKeys(item);
/** String sets come back as `Set`s: the rest of the code (and JSON) wants arrays. */
const list = (v: unknown): string[] => (v instanceof Set ? [...(v as Set<string>)] : Array.isArray(v) ? (v as string[]) : []);

export const teamFromItem = (item: Record<string, unknown>): TeamItem => {
  const t = strip(item) as unknown as TeamItem;
  return {
    ...t,
    memberIds: list(item.memberIds).sort(),
    ...(item.rulesAcceptedBy ? { rulesAcceptedBy: list(item.rulesAcceptedBy).sort() } : {}),
    ...(item.complaintIds ? { complaintIds: list(item.complaintIds).sort() } : {}),
  };
};

/** Condition failed → undefined; anything else is thrown. */

/** `SET #a0 = :a0, …` for plain attribute values. */
const assignments = (values: Record<string, unknown>, prefix = 'a') => {
  const names: Record<string, string> = {};
  const vals: Record<string, unknown> = {};
  const parts = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v], i) => {
      names[`#${prefix}${i}`] = k;
      vals[`:${prefix}${i}`] = v;
      return `#${prefix}${i} = :${prefix}${i}`;
    });
  return { parts, names, values: vals };
};

// ---------------------------------------------------------------------------------------------------------------
// Venues

const venueFromItem = (item: Record<string, unknown>): VenueItem => strip(item) as unknown as VenueItem;

export const listVenues = async (cid: string): Promise<VenueItem[]> => {
  const out: VenueItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':p': keys.venues(cid), ':v': 'VENUE#' },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []).map(venueFromItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh'));
};

export const getVenue = async (cid: string, id: string): Promise<VenueItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.venue(cid, id), ConsistentRead: true }));
  return out.Item ? venueFromItem(out.Item) : undefined;
};

export const putNewVenue = async (v: VenueItem): Promise<void> => {
  await db().send(
    new PutCommand({ TableName: table(), Item: { ...keys.venue(v.communityId, v.id), ...v }, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
};

/** Replaces a venue's form if nobody changed it since `expectedVersion`; undefined when stale or missing. */
export const updateVenue = (cid: string, id: string, form: Omit<Venue, 'id' | 'version' | 'createdAt' | 'updatedAt'>, expectedVersion: number, at: string) => {
  const { note, ...rest } = form;
  const set = assignments({ ...rest, ...(note ? { note } : {}), updatedAt: at });
  return unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.venue(cid, id),
        UpdateExpression: `SET ${[...set.parts, 'version = version + :one'].join(', ')}${note ? '' : ' REMOVE note'}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: set.names,
        ExpressionAttributeValues: { ...set.values, ':one': 1, ':expected': expectedVersion },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return venueFromItem(out.Attributes!);
  });
};

// ---------------------------------------------------------------------------------------------------------------
// Dance rules: one item per version; the newest is in force.

export const currentRules = async (cid: string): Promise<DanceRules | undefined> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.rules(cid) },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = out.Items?.[0];
  return item ? (strip(item) as unknown as DanceRules) : undefined;
};

/** Publishes a version; false when that version number exists already (someone published first). */
export const putRulesVersion = async (cid: string, rules: DanceRules): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(
      new PutCommand({ TableName: table(), Item: { ...keys.rulesVersion(cid, rules.version), ...rules }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  })) ?? false;

// ---------------------------------------------------------------------------------------------------------------
// Teams

const indexKeys = (t: Pick<TeamItem, 'communityId' | 'id' | 'status' | 'statusSince' | 'venueId'>) => ({
  gsi2pk: keys.byStatus(t.communityId, t.status),
  gsi2sk: `${t.statusSince}#${t.id}`,
  ...(holdsPlaces(t.status) ? { gsi3pk: keys.placesAt(t.communityId, t.venueId), gsi3sk: t.id } : {}),
});

const asSets = (t: TeamItem) => ({
  memberIds: new Set(t.memberIds),
  ...(t.rulesAcceptedBy?.length ? { rulesAcceptedBy: new Set(t.rulesAcceptedBy) } : { rulesAcceptedBy: undefined }),
  ...(t.complaintIds?.length ? { complaintIds: new Set(t.complaintIds) } : { complaintIds: undefined }),
});

export const teamRecord = (t: TeamItem) => ({ ...keys.team(t.communityId, t.id), ...indexKeys(t), ...t, ...asSets(t) });

export const putNewTeam = async (t: TeamItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: teamRecord(t), ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getTeam = async (cid: string, id: string): Promise<TeamItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.team(cid, id), ConsistentRead: true }));
  return out.Item ? teamFromItem(out.Item) : undefined;
};

export interface TeamPartition {
  team: TeamItem;
  /** The members the roster names, in the roster's order of joining. */
  members: MemberItem[];
  activities: ActivityItem[];
  studySessions: StudySessionItem[];
  complaints: ComplaintItem[];
}

const newestFirst = (a: { date: string; recordedAt: string }, b: { date: string; recordedAt: string }) =>
  b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt);

/** The team and everything under it: one Query of its partition (more pages only past 1 MB). */
export const readTeamPartition = async (cid: string, id: string): Promise<TeamPartition | undefined> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.team(cid, id).pk },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const teamRaw = items.find((i) => i.sk === 'TEAM');
  if (!teamRaw) return undefined;
  const team = teamFromItem(teamRaw);
  const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => strip(i) as unknown as T);
  const rostered = new Set(team.memberIds);
  return {
    team,
    members: of<MemberItem>('MEMBER#')
      .filter((m) => rostered.has(m.memberId))
      .sort((a, b) => (a.via === 'founder' ? -1 : b.via === 'founder' ? 1 : a.joinedAt.localeCompare(b.joinedAt))),
    activities: of<ActivityItem>('ACTIVITY#').sort(newestFirst),
    studySessions: of<StudySessionItem>('STUDY#').sort(newestFirst),
    complaints: of<ComplaintItem>('COMPLAINT#').reverse(),
  };
};

/** The leader saves the form: only while editable, only on the version read. Undefined when refused. */
export const saveTeamForm = (t: TeamItem, form: TeamForm, expectedVersion: number, at: string) => {
  const { volumeLimitDb, volumeCommitment, ...rest } = form;
  const set = assignments({ ...rest, volumeLimitDb, volumeCommitment, updatedAt: at });
  const remove = [volumeLimitDb === undefined && 'volumeLimitDb', volumeCommitment ? undefined : 'volumeCommitment'].filter(Boolean);
  return unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(t.communityId, t.id),
        UpdateExpression: `SET ${[...set.parts, 'version = version + :one'].join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: 'version = :expected AND #status IN (:draft, :changes)',
        ExpressionAttributeNames: { ...set.names, '#status': 'status' },
        ExpressionAttributeValues: { ...set.values, ':one': 1, ':expected': expectedVersion, ':draft': 'draft', ':changes': 'changes_requested' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamFromItem(out.Attributes!);
  });
};

/**
 * Moves a team to a new status in one conditional write: its history grows by `entry`, its version by one, and
 * it enters (or leaves) the lists of its new status and of the teams holding places. Only if it is still in
 * `entry.from` at `expectedVersion`, and, as asked, on the roster read (`rosterVersion`), under this approval
 * (`approvalId`), or with no approval under way (`noApprovalSince`: one that started before it has died).
 */
export const applyTeamMove = (
  t: TeamItem,
  entry: TeamHistoryEntry & { from: TeamStatus },
  opts: {
    expectedVersion: number;
    rosterVersion?: number;
    approvalId?: string;
    noApprovalSince?: string;
    set?: Partial<Pick<TeamItem, 'registration'>>;
  },
) => {
  const next = { ...t, status: entry.to, statusSince: entry.at };
  const ix = indexKeys(next);
  const set = assignments({ ...opts.set, status: entry.to, statusSince: entry.at, updatedAt: entry.at, gsi2pk: ix.gsi2pk, gsi2sk: ix.gsi2sk, gsi3pk: ix.gsi3pk, gsi3sk: ix.gsi3sk });
  const remove = ['approving', ...(ix.gsi3pk ? [] : ['gsi3pk', 'gsi3sk'])];
  const conditions = ['version = :expected', '#from = :from'];
  const values: Record<string, unknown> = { ...set.values, ':entry': [entry], ':one': 1, ':expected': opts.expectedVersion, ':from': entry.from };
  const names: Record<string, string> = { ...set.names, '#from': 'status' };
  if (opts.rosterVersion !== undefined) {
    conditions.push('rosterVersion = :roster');
    values[':roster'] = opts.rosterVersion;
  }
  if (opts.approvalId) {
    conditions.push('approving.#aid = :approval');
    values[':approval'] = opts.approvalId;
    names['#aid'] = 'id';
  }
  if (opts.noApprovalSince) {
    conditions.push('(attribute_not_exists(approving) OR approving.#aat < :since)');
    values[':since'] = opts.noApprovalSince;
    names['#aat'] = 'at';
  }
  return unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(t.communityId, t.id),
        UpdateExpression: `SET ${[...set.parts, 'history = list_append(history, :entry)', 'version = version + :one'].join(', ')} REMOVE ${remove.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamFromItem(out.Attributes!);
  });
};

/**
 * Marks an approval as under way (occupancy.ts): only on the version and roster the committee member read, and
 * only if no other approval is under way (one that started before `staleBefore` has died). False when refused.
 */
export const startApproval = async (t: TeamItem, approval: { id: string; at: string }, expectedVersion: number, staleBefore: string): Promise<boolean> =>
  Boolean(
    await unlessConditionFails(() =>
      db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.team(t.communityId, t.id),
          UpdateExpression: 'SET approving = :approval',
          ConditionExpression: 'version = :v AND #status = :submitted AND rosterVersion = :roster AND (attribute_not_exists(approving) OR approving.#at < :stale)',
          ExpressionAttributeNames: { '#status': 'status', '#at': 'at' },
          ExpressionAttributeValues: { ':approval': approval, ':v': expectedVersion, ':submitted': 'submitted', ':roster': t.rosterVersion, ':stale': staleBefore },
        }),
      ),
    ),
  );

/** Ends an approval that did not go through (only this one: a newer one may have taken over a dead one). */
export const endApproval = (t: TeamItem, approvalId: string) =>
  unlessConditionFails(() =>
    db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(t.communityId, t.id),
        UpdateExpression: 'REMOVE approving',
        ConditionExpression: 'approving.#id = :id',
        ExpressionAttributeNames: { '#id': 'id' },
        ExpressionAttributeValues: { ':id': approvalId },
      }),
    ),
  );

// ---------------------------------------------------------------------------------------------------------------
// Members and the roster

const memberRecord = (cid: string, m: MemberItem) => ({
  ...keys.member(cid, m.teamId, m.memberId),
  ...(m.userId ? { gsi1pk: keys.person(cid, m.userId), gsi1sk: `${m.joinedAt}#${m.teamId}` } : {}),
  ...m,
});

/** Writes a member's details; with `ifAbsent`, only if there are none yet (false then). */
export const putMember = async (cid: string, m: MemberItem, opts: { ifAbsent?: boolean } = {}): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(
      new PutCommand({ TableName: table(), Item: memberRecord(cid, m), ...(opts.ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) }),
    );
    return true;
  })) ?? false;

export const getMember = async (cid: string, teamId: string, memberId: string): Promise<MemberItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.member(cid, teamId, memberId), ConsistentRead: true }));
  return out.Item ? (strip(out.Item) as unknown as MemberItem) : undefined;
};

/** Notes on each member's details that they accepted the rules (how and when); a member gone meanwhile is skipped. */
export const setMemberRules = async (cid: string, teamId: string, memberIds: readonly string[], rules: NonNullable<MemberItem['rules']>): Promise<void> => {
  await Promise.all(
    memberIds.map((memberId) =>
      unlessConditionFails(() =>
        db().send(
          new UpdateCommand({
            TableName: table(),
            Key: keys.member(cid, teamId, memberId),
            UpdateExpression: 'SET #rules = :r',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#rules': 'rules' },
            ExpressionAttributeValues: { ':r': rules },
          }),
        ),
      ),
    ),
  );
};

export const deleteMember = (cid: string, teamId: string, memberId: string) =>
  db().send(new DeleteCommand({ TableName: table(), Key: keys.member(cid, teamId, memberId) }));

/**
 * Puts a member on the roster (after their details are written). Only if the team is not refused, and, for a
 * resident joining with a code, while that code is the team's. Returns the team as it now is, or undefined.
 */
export const addToRoster = (cid: string, teamId: string, memberId: string, opts: { inviteCode?: string; now?: string } = {}) =>
  unlessConditionFails(async () => {
    const conditions = ['attribute_exists(pk)', '#status <> :rejected'];
    const values: Record<string, unknown> = { ':m': new Set([memberId]), ':one': 1, ':rejected': 'rejected' };
    const names: Record<string, string> = { '#status': 'status' };
    if (opts.inviteCode) {
      conditions.push('invite.#code = :code', 'invite.#exp > :now');
      Object.assign(values, { ':code': opts.inviteCode, ':now': opts.now });
      Object.assign(names, { '#code': 'code', '#exp': 'expiresAt' });
    }
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(cid, teamId),
        UpdateExpression: 'ADD memberIds :m, rosterVersion :one',
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamFromItem(out.Attributes!);
  });

/** Takes a member off the roster (before their details are removed); never the leader. Undefined when refused. */
export const removeFromRoster = (cid: string, teamId: string, memberId: string) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(cid, teamId),
        UpdateExpression: 'DELETE memberIds :m, rulesAcceptedBy :m ADD rosterVersion :one',
        ConditionExpression: 'contains(memberIds, :id) AND leaderId <> :id',
        ExpressionAttributeValues: { ':m': new Set([memberId]), ':id': memberId, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamFromItem(out.Attributes!);
  });

/**
 * Records that these members accepted rules version `version`, on the team item: added to the set of the version
 * the team tracks, or, when a newer version is accepted for the first time, starting that version's set (an older
 * version's acceptances no longer count). Idempotent. Returns 'outdated' when the team already tracks a newer
 * version (the caller accepted an old text), else the team as it now is; undefined when the team is gone.
 */
export const recordAcceptance = async (cid: string, teamId: string, memberIds: string[], version: number): Promise<TeamItem | 'outdated' | undefined> => {
  const ids = new Set(memberIds);
  for (let attempt = 0; attempt < 3; attempt++) {
    const same = await unlessConditionFails(async () => {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.team(cid, teamId),
          UpdateExpression: 'ADD rulesAcceptedBy :ids',
          ConditionExpression: 'rulesAcceptedVersion = :v',
          ExpressionAttributeValues: { ':ids': ids, ':v': version },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return teamFromItem(out.Attributes!);
    });
    if (same) return same;
    const newer = await unlessConditionFails(async () => {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.team(cid, teamId),
          UpdateExpression: 'SET rulesAcceptedVersion = :v, rulesAcceptedBy = :ids',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(rulesAcceptedVersion) OR rulesAcceptedVersion < :v)',
          ExpressionAttributeValues: { ':ids': ids, ':v': version },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return teamFromItem(out.Attributes!);
    });
    if (newer) return newer;
    // neither: the team is gone, tracks a newer version, or another member just started this version's set
    const now = await getTeam(cid, teamId);
    if (!now) return undefined;
    if ((now.rulesAcceptedVersion ?? 0) > version) return 'outdated';
  }
  throw new Error('rules acceptance kept racing');
};

// ---------------------------------------------------------------------------------------------------------------
// Invite codes

export const getInviteTeamId = async (cid: string, code: string): Promise<string | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.invite(cid, code), ConsistentRead: true }));
  return out.Item?.teamId as string | undefined;
};

/** Claims a code for a team; false when the code is taken (by another team: pick another). */
export const putInvitePointer = async (cid: string, code: string, teamId: string): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(
      new PutCommand({ TableName: table(), Item: { ...keys.invite(cid, code), teamId }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  })) ?? false;

export const deleteInvitePointer = (cid: string, code: string) => db().send(new DeleteCommand({ TableName: table(), Key: keys.invite(cid, code) }));

/** Sets the team's invite (its leader's, while the team is not refused); undefined when refused. */
export const setTeamInvite = (cid: string, teamId: string, leaderId: string, invite: { code: string; expiresAt: string }) =>
  unlessConditionFails(async () => {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.team(cid, teamId),
        UpdateExpression: 'SET invite = :invite',
        ConditionExpression: 'leaderId = :me AND #status <> :rejected',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':invite': invite, ':me': leaderId, ':rejected': 'rejected' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamFromItem(out.Attributes!);
  });

// ---------------------------------------------------------------------------------------------------------------
// Registration numbers

/** The next number of the year, counted atomically; taken before it is used (a refusal leaves a gap, never a twin). */
export const nextRegistrationSequence = async (cid: string, year: number): Promise<number> => {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.registrationSequence(cid, year),
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.n ?? 0);
};

export const putRegistrationPointer = (cid: string, number: string, teamId: string) =>
  db().send(new PutCommand({ TableName: table(), Item: { ...keys.registration(cid, number), teamId } }));

export const getRegistrationTeamId = async (cid: string, number: string): Promise<string | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.registration(cid, number) }));
  return out.Item?.teamId as string | undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Occupancy cells (occupancy.ts explains them)

/**
 * Takes a place for the team in one cell: only while fewer than `capacity` teams hold it (or the team holds it
 * already: a retry). One conditional write on one item, so racing approvals cannot overfill it. False when full.
 */
export const claimCell = async (cid: string, venueId: string, cell: string, teamId: string, capacity: number): Promise<boolean> =>
  (await unlessConditionFails(async () => {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: { pk: keys.cells(cid, venueId), sk: cell },
        UpdateExpression: 'ADD teamIds :t',
        ConditionExpression: 'attribute_not_exists(teamIds) OR contains(teamIds, :id) OR size(teamIds) < :cap',
        ExpressionAttributeValues: { ':t': new Set([teamId]), ':id': teamId, ':cap': capacity },
      }),
    );
    return true;
  })) ?? false;

/** Gives a cell's place back (idempotent: a team not in it changes nothing). */
export const releaseCell = (cid: string, venueId: string, cell: string, teamId: string) =>
  db().send(
    new UpdateCommand({
      TableName: table(),
      Key: { pk: keys.cells(cid, venueId), sk: cell },
      UpdateExpression: 'DELETE teamIds :t',
      ExpressionAttributeValues: { ':t': new Set([teamId]) },
    }),
  );

/** Every cell of a venue with the teams in it (tests and checks; not on a request path). */
export const readCells = async (cid: string, venueId: string): Promise<Map<string, string[]>> => {
  const cells = new Map<string, string[]>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': keys.cells(cid, venueId) }, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const i of page.Items ?? []) cells.set(String(i.sk), list(i.teamIds).sort());
    start = page.LastEvaluatedKey;
  } while (start);
  return cells;
};

// ---------------------------------------------------------------------------------------------------------------
// Activities, study sessions, complaints

export const putActivity = async (cid: string, teamId: string, a: ActivityItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.activity(cid, teamId, a.id), ...a }, ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getActivity = async (cid: string, teamId: string, id: string): Promise<ActivityItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.activity(cid, teamId, id), ConsistentRead: true }));
  return out.Item ? (strip(out.Item) as unknown as ActivityItem) : undefined;
};

export const putStudySession = async (cid: string, teamId: string, s: StudySessionItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.study(cid, teamId, s.id), ...s }, ConditionExpression: 'attribute_not_exists(pk)' }));
};

export const getStudySession = async (cid: string, teamId: string, id: string): Promise<StudySessionItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: keys.study(cid, teamId, id), ConsistentRead: true }));
  return out.Item ? (strip(out.Item) as unknown as StudySessionItem) : undefined;
};

/** Links a complaint to a team once: the link item first, then the team's set of complaint ids (both idempotent). */
export const putComplaint = async (cid: string, teamId: string, c: ComplaintItem): Promise<ComplaintItem> => {
  const key = keys.complaint(cid, teamId, c.reportedAt, c.feedbackId);
  const created = await unlessConditionFails(async () => {
    await db().send(new PutCommand({ TableName: table(), Item: { ...key, ...c }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return c;
  });
  const stored = created ?? (strip((await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item!) as unknown as ComplaintItem);
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.team(cid, teamId),
      UpdateExpression: 'ADD complaintIds :f',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':f': new Set([c.feedbackId]) },
    }),
  );
  return stored;
};

/** A team's linked complaints, newest complaint first: one Query of its partition's `COMPLAINT#` items. */
export const listComplaints = async (cid: string, teamId: string, limit: number, cursor?: string): Promise<Page<ComplaintItem>> => {
  const partition = { name: 'pk', value: keys.team(cid, teamId).pk };
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':p': partition.value, ':c': 'COMPLAINT#' },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { attributes: ['pk', 'sk'], partition }),
    }),
  );
  return { items: (out.Items ?? []).map((i) => strip(i) as unknown as ComplaintItem), nextCursor: encodeCursor(out.LastEvaluatedKey) };
};

// ---------------------------------------------------------------------------------------------------------------
// Lists

/** Teams in one status, longest in it first (gsi2 carries what a summary shows). */
export const listTeamsByStatus = (cid: string, status: TeamStatus, limit: number, cursor?: string): Promise<Page<TeamItem>> =>
  queryPage({
    table: table(),
    index: { name: 'gsi2', sortKey: 'gsi2sk' },
    partition: { name: 'gsi2pk', value: keys.byStatus(cid, status) },
    newestFirst: false,
    limit,
    cursor,
    toItem: teamFromItem,
  });

/** Every team in these statuses (the export), a page at a time underneath. */
export const allTeamsIn = async (cid: string, statuses: readonly TeamStatus[]): Promise<TeamItem[]> => {
  const out: TeamItem[] = [];
  for (const status of statuses) {
    let cursor: string | undefined;
    do {
      const page = await listTeamsByStatus(cid, status, 50, cursor);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
};

/** How many teams each status holds: one counting Query per status, in parallel. */
export const countTeamsByStatus = (cid: string): Promise<Record<TeamStatus, number>> =>
  countPerPartition(table(), 'gsi2', Object.fromEntries(TEAM_STATUSES.map((s) => [s, keys.byStatus(cid, s)])) as Record<TeamStatus, string>);

export type PlaceHolderItem = Pick<TeamItem, 'id' | 'name' | 'status' | 'slots' | 'registration' | 'venueId'>;

/** The teams holding places at a venue (gsi3): the timetable's teams and the slot check's holders. */
export const listPlaceHolders = async (cid: string, venueId: string): Promise<PlaceHolderItem[]> => {
  const out: PlaceHolderItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :p',
        ExpressionAttributeValues: { ':p': keys.placesAt(cid, venueId) },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []).map((i) => strip(i) as unknown as PlaceHolderItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
};

/**
 * A person's teams, newest membership first: one Query of their member items (gsi1), then the teams themselves
 * in one BatchGet (their status changes; the member items do not follow it). A member item the roster no longer
 * names (a leave cut short) is left out.
 */
export const listTeamsOf = async (cid: string, userId: string, limit: number, cursor?: string): Promise<Page<TeamItem>> => {
  const partition = { name: 'gsi1pk', value: keys.person(cid, userId) };
  const start = decodeCursor(cursor, { attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], partition });
  const page = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': partition.value },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const teamIds = [...new Set((page.Items ?? []).map((i) => String(i.teamId)))];
  const teams = new Map<string, TeamItem>();
  let wanted = teamIds.map((id) => keys.team(cid, id));
  for (let round = 0; wanted.length && round < 5; round++) {
    const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: wanted, ConsistentRead: true } } }));
    for (const raw of out.Responses?.[table()] ?? []) {
      const t = teamFromItem(raw);
      teams.set(t.id, t);
    }
    wanted = (out.UnprocessedKeys?.[table()]?.Keys ?? []) as typeof wanted;
  }
  const items = teamIds.map((id) => teams.get(id)).filter((t): t is TeamItem => Boolean(t?.memberIds.includes(userId)));
  return { items, nextCursor: encodeCursor(page.LastEvaluatedKey) };
};
