import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../../shared/api/common';
import type { SignInThrottle } from '../../../shared/api/identity';
import type { Role } from '../../../shared/roles';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { queryPage } from '../db/page';
import { tableName } from '../db/tables';
import type { CounterState } from './throttle-rules';

/** The identity table's items. A login (WeChat openid or staff account) points at a user. */
export interface CommunityItem {
  id: string;
  name: string;
  subdistrict: string;
  district: string;
}

export interface UserItem {
  id: string;
  communityId: string;
  name: string;
  roles: Role[];
  createdAt: string;
}

/** A login (WeChat openid or staff account name) points at its user; staff logins carry the password hash. */
export interface LoginItem {
  userId: string;
  passwordHash?: string;
}

export type LoginKind = 'wx' | 'staff';

export const keys = {
  community: (cid: string) => ({ pk: communityKey(cid), sk: 'COMMUNITY' }),
  user: (cid: string, userId: string) => ({ pk: communityKey(cid, 'USER', userId), sk: 'USER' }),
  login: (cid: string, kind: LoginKind, name: string) => ({ pk: communityKey(cid, 'LOGIN', kind, name), sk: 'LOGIN' }),
  branch: (cid: string, branchId: string) => ({ pk: communityKey(cid), sk: `BRANCH#${branchId}` }),
  /** The community's list of compounds (小区), one item, versioned. */
  compounds: (cid: string) => ({ pk: communityKey(cid), sk: 'COMPOUNDS' }),
  /** Sign-in attempts on one staff account name (existing or not), from one address. */
  signInAccountAddress: (cid: string, username: string, address: string) => ({ pk: communityKey(cid, 'SIGNIN', username), sk: `ADDR#${address}` }),
  /** Wrong passwords on one account name since its owner last signed in: told to them at their next sign-in. */
  signInAccount: (cid: string, username: string) => ({ pk: communityKey(cid, 'SIGNIN', username), sk: 'ACCOUNT' }),
  /** Sign-in attempts from one address, on any account. */
  signInAddress: (cid: string, address: string) => ({ pk: communityKey(cid, 'SIGNIN-ADDR', address), sk: 'ADDR' }),
  /** gsi1: the people of one role (stewards), by name. */
  byRole: (cid: string, role: Role) => communityKey(cid, 'ROLE', role),
  /** gsi1: every sign-in throttle of the community, latest failure first (for the admin). */
  signInThrottles: (cid: string) => communityKey(cid, 'SIGNIN-THROTTLES'),
};

/** A Party branch (党支部) of the community; the scoring context will rate them. */
export interface BranchItem {
  id: string;
  name: string;
}

const table = () => tableName('identity');

const strip = <T>(item: Record<string, unknown> | undefined): T | undefined => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, ...rest } = item;
  return rest as T;
};

export const getCommunity = async (cid: string) =>
  strip<CommunityItem>((await db().send(new GetCommand({ TableName: table(), Key: keys.community(cid) }))).Item);

export const getUser = async (cid: string, userId: string) =>
  strip<UserItem>((await db().send(new GetCommand({ TableName: table(), Key: keys.user(cid, userId), ConsistentRead: true }))).Item);

export const getLogin = async (cid: string, kind: LoginKind, name: string) =>
  strip<LoginItem>(
    (await db().send(new GetCommand({ TableName: table(), Key: keys.login(cid, kind, name), ConsistentRead: true }))).Item,
  );

export const putCommunity = (c: CommunityItem) =>
  db().send(new PutCommand({ TableName: table(), Item: { ...keys.community(c.id), ...c } }));

export const putBranch = (cid: string, b: BranchItem) =>
  db().send(new PutCommand({ TableName: table(), Item: { ...keys.branch(cid, b.id), ...b } }));

/**
 * Creates a user and its login. The login is the uniqueness guard and points at the user, so the user is
 * written first: a login that exists always leads to a user. If the login is already taken (two first sign-ins
 * racing), our user is removed again and the existing one is returned.
 */
export const createUserWithLogin = async (
  user: UserItem,
  login: { kind: LoginKind; name: string; passwordHash?: string },
): Promise<{ created: boolean; userId: string }> => {
  const userKey = keys.user(user.communityId, user.id);
  // stewards are listed for the committee to assign feedback to
  const listed = user.roles.includes('steward') ? { gsi1pk: keys.byRole(user.communityId, 'steward'), gsi1sk: `${user.name}#${user.id}` } : {};
  await db().send(new PutCommand({ TableName: table(), Item: { ...userKey, ...listed, ...user }, ConditionExpression: 'attribute_not_exists(pk)' }));
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.login(user.communityId, login.kind, login.name), userId: user.id, passwordHash: login.passwordHash },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { created: true, userId: user.id };
  } catch (err) {
    await db().send(new DeleteCommand({ TableName: table(), Key: userKey }));
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const existing = await getLogin(user.communityId, login.kind, login.name);
    if (!existing) throw err;
    return { created: false, userId: existing.userId };
  }
};

type Key = { pk: string; sk: string };

/** A sign-in throttle counter as stored (see throttle-rules.ts). */
export interface ThrottleCounter extends CounterState {
  version: number;
}

export interface SignInRecords {
  login?: LoginItem;
  accountAddress?: ThrottleCounter;
  address?: ThrottleCounter;
  account?: { failedSinceSignIn?: number; lastFailedAt?: string };
}

/** Everything a staff sign-in needs to decide, in one consistent BatchGetItem. */
export const readSignInRecords = async (cid: string, username: string, address: string): Promise<SignInRecords> => {
  const wanted = {
    login: keys.login(cid, 'staff', username),
    accountAddress: keys.signInAccountAddress(cid, username, address),
    address: keys.signInAddress(cid, address),
    account: keys.signInAccount(cid, username),
  };
  const found: Record<string, unknown>[] = [];
  let pending: Key[] = Object.values(wanted);
  for (let round = 0; pending.length > 0 && round < 5; round++) {
    const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...(out.Responses?.[table()] ?? []));
    pending = (out.UnprocessedKeys?.[table()]?.Keys ?? []) as Key[];
  }
  if (pending.length > 0) throw new Error('sign-in records could not be read');
  const pick = <T>(k: Key) => strip<T>(found.find((i) => i.pk === k.pk && i.sk === k.sk));
  return {
    login: pick<LoginItem>(wanted.login),
    accountAddress: pick<ThrottleCounter>(wanted.accountAddress),
    address: pick<ThrottleCounter>(wanted.address),
    account: pick(wanted.account),
  };
};

export type ThrottleScope = SignInThrottle['scope'];

/** Where a counter lives and what it describes. */
export interface CounterRef {
  key: Key;
  scope: ThrottleScope;
  communityId: string;
  address: string;
  username?: string;
}

export const accountAddressCounter = (cid: string, username: string, address: string): CounterRef => ({
  key: keys.signInAccountAddress(cid, username, address),
  scope: 'account-address',
  communityId: cid,
  address,
  username,
});

export const addressCounter = (cid: string, address: string): CounterRef => ({
  key: keys.signInAddress(cid, address),
  scope: 'address',
  communityId: cid,
  address,
});

export const readCounter = async (ref: CounterRef): Promise<ThrottleCounter | undefined> =>
  strip<ThrottleCounter>((await db().send(new GetCommand({ TableName: table(), Key: ref.key, ConsistentRead: true }))).Item);

/** Throttle items leave the table by themselves (TTL) a month after their last failure. */
const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + 30 * 24 * 3600;

/**
 * Counts one attempt on a counter in one conditional write: only if nobody counted one since `seen` was read.
 * Returns false when someone did (read again and decide again).
 */
export const countAttempt = async (
  ref: CounterRef,
  seen: ThrottleCounter | undefined,
  next: { failures: number; nextAttemptAt: string },
  now: Date,
): Promise<boolean> => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: ref.key,
        UpdateExpression:
          'SET failures = :failures, nextAttemptAt = :next, lastFailureAt = :now, version = :version, #scope = :scope, address = :address, expiresAt = :expires, gsi1pk = :g1pk, gsi1sk = :now' +
          (ref.username ? ', username = :username' : ''),
        ConditionExpression: seen ? 'version = :seen' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#scope': 'scope' },
        ExpressionAttributeValues: {
          ':failures': next.failures,
          ':next': next.nextAttemptAt,
          ':now': now.toISOString(),
          ':version': (seen?.version ?? 0) + 1,
          ':scope': ref.scope,
          ':address': ref.address,
          ':expires': expiresAt(now),
          ':g1pk': keys.signInThrottles(ref.communityId),
          ...(ref.username ? { ':username': ref.username } : {}),
          ...(seen ? { ':seen': seen.version } : {}),
        },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};

/** A right password: its account-and-address counter starts again. */
export const clearCounter = (ref: CounterRef) => db().send(new DeleteCommand({ TableName: table(), Key: ref.key }));

/** A right password gives back the attempt it was charged on an address counter (never below zero). */
export const refundAttempt = async (ref: CounterRef): Promise<void> => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: ref.key,
        UpdateExpression: 'SET failures = failures - :one, version = version + :one',
        ConditionExpression: 'failures > :zero',
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      }),
    );
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
};

/** A wrong password on an account name (existing or not), for the owner's notice at their next sign-in. */
export const noteFailedSignIn = (cid: string, username: string, now: Date) =>
  db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.signInAccount(cid, username),
      UpdateExpression: 'ADD failedSinceSignIn :one SET lastFailedAt = :now, expiresAt = :expires',
      ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':expires': expiresAt(now) },
    }),
  );

/** The owner has been told: start counting again. */
export const clearFailedSignIns = (cid: string, username: string) =>
  db().send(new DeleteCommand({ TableName: table(), Key: keys.signInAccount(cid, username) }));

/** The community's sign-in throttles, latest failure first. */
export const listSignInThrottles = (cid: string, limit: number, cursor?: string): Promise<Page<SignInThrottle>> =>
  queryPage({
    table: table(),
    index: { name: 'gsi1', sortKey: 'gsi1sk' },
    partition: { name: 'gsi1pk', value: keys.signInThrottles(cid) },
    newestFirst: true,
    limit,
    cursor,
    toItem: (i) => ({
      scope: i.scope as ThrottleScope,
      ...(typeof i.username === 'string' ? { username: i.username } : {}),
      address: String(i.address),
      failures: Number(i.failures),
      nextAttemptAt: String(i.nextAttemptAt),
      lastFailureAt: String(i.lastFailureAt),
    }),
  });

/** Lifts the slow-down on an account from every address; returns how many counters were removed. */
export const clearAccountThrottles = async (cid: string, username: string): Promise<number> => {
  let cleared = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :addr)',
        ExpressionAttributeValues: { ':pk': keys.signInAccount(cid, username).pk, ':addr': 'ADDR#' },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      await db().send(new DeleteCommand({ TableName: table(), Key: { pk: item.pk, sk: item.sk } }));
      cleared++;
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return cleared;
};

/** The community's Party branches (a handful: one Query, one page). */
export const listBranches = async (cid: string): Promise<BranchItem[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :branch)',
      ExpressionAttributeValues: { ':pk': keys.community(cid).pk, ':branch': 'BRANCH#' },
    }),
  );
  return (out.Items ?? []).map((i) => ({ id: String(i.id), name: String(i.name) }));
};

/** The people of one role, by name (tens, not thousands: one Query). */
export const listPeopleWithRole = async (cid: string, role: Role): Promise<{ id: string; name: string }[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.byRole(cid, role) },
    }),
  );
  return (out.Items ?? []).map((i) => ({ id: String(i.id), name: String(i.name) }));
};

/** The community's compounds, in order; an empty list at version 0 before the committee keeps one. */
export const getCompounds = async (cid: string): Promise<{ names: string[]; version: number }> => {
  const item = (await db().send(new GetCommand({ TableName: table(), Key: keys.compounds(cid), ConsistentRead: true }))).Item;
  return { names: (item?.names as string[] | undefined) ?? [], version: Number(item?.version ?? 0) };
};

/** Replaces the list in one conditional write, only if nobody changed it since `version`. False when stale. */
export const putCompounds = async (cid: string, names: string[], version: number): Promise<boolean> => {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.compounds(cid), names, version: version + 1 },
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};
