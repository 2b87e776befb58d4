import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../../shared/roles';
import { db } from '../db/client';
import { communityKey } from '../db/keys';
import { tableName } from '../db/tables';

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

/** Staff accounts keep their lockout state in the same item as the hash: one conditional write each time. */
export interface LoginItem {
  userId: string;
  passwordHash?: string;
  failedAttempts?: number;
  lockedUntil?: string;
}

export type LoginKind = 'wx' | 'staff';

export const keys = {
  community: (cid: string) => ({ pk: communityKey(cid), sk: 'COMMUNITY' }),
  user: (cid: string, userId: string) => ({ pk: communityKey(cid, 'USER', userId), sk: 'USER' }),
  login: (cid: string, kind: LoginKind, name: string) => ({ pk: communityKey(cid, 'LOGIN', kind, name), sk: 'LOGIN' }),
  branch: (cid: string, branchId: string) => ({ pk: communityKey(cid), sk: `BRANCH#${branchId}` }),
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
  await db().send(new PutCommand({ TableName: table(), Item: { ...userKey, ...user }, ConditionExpression: 'attribute_not_exists(pk)' }));
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

/** Counts a failed password; returns the new count. */
export const recordFailedLogin = async (cid: string, username: string): Promise<number> => {
  const out = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.login(cid, 'staff', username),
      UpdateExpression: 'ADD failedAttempts :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.failedAttempts ?? 0);
};

export const lockLogin = (cid: string, username: string, until: Date) =>
  db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.login(cid, 'staff', username),
      UpdateExpression: 'SET lockedUntil = :until, failedAttempts = :zero',
      ExpressionAttributeValues: { ':until': until.toISOString(), ':zero': 0 },
    }),
  );

export const clearFailedLogins = (cid: string, username: string) =>
  db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.login(cid, 'staff', username),
      UpdateExpression: 'SET failedAttempts = :zero REMOVE lockedUntil',
      ExpressionAttributeValues: { ':zero': 0 },
    }),
  );
