import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SurveyQuestion, SurveyResponse, SurveyStatus } from '../../../shared/stewards/surveys';
import { db } from '../db/client';
import { countAll, queryAll, unlessConditionFails, withoutKeys } from '../db/items';
import { communityKey } from '../db/keys';
import { tableName } from '../db/tables';

/**
 * Surveys in the stewards table: a survey is one partition — the survey item (questions, status, version) and its
 * responses beside it. A resident's own response has their id in its key (one each, by a conditional put); an
 * answer a steward gathered has its own id. Results read the partition with one Query and count.
 */
const table = () => tableName('stewards');

export const surveyKeys = {
  survey: (cid: string, id: string) => ({ pk: communityKey(cid, 'SURVEY', id), sk: 'SURVEY' }),
  list: (cid: string) => communityKey(cid, 'SURVEYS'),
  ownResponse: (userId: string) => `RESPONSE#P#${userId}`,
  gatheredResponse: (id: string) => `RESPONSE#G#${id}`,
};

export interface SurveyItem {
  id: string;
  communityId: string;
  title: string;
  intro?: string;
  questions: SurveyQuestion[];
  status: SurveyStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  openedAt?: string;
  closedAt?: string;
  requestFingerprint?: string;
}

export interface ResponseItem extends SurveyResponse {
  id: string;
  at: string;
  recordedById: string;
  requestFingerprint?: string;
}

const surveyRecord = (s: SurveyItem) => ({ ...surveyKeys.survey(s.communityId, s.id), ...s, gsi1pk: surveyKeys.list(s.communityId), gsi1sk: `${s.createdAt}#${s.id}` });

export const getSurvey = async (cid: string, id: string): Promise<SurveyItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: surveyKeys.survey(cid, id), ConsistentRead: true }));
  return out.Item ? withoutKeys<SurveyItem>(out.Item) : undefined;
};

export const putNewSurvey = async (s: SurveyItem): Promise<void> => {
  await db().send(new PutCommand({ TableName: table(), Item: surveyRecord(s), ConditionExpression: 'attribute_not_exists(pk)' }));
};

/** The survey as changed, only over `version` (and for a draft's questions, only while a draft); undefined if not. */
export const replaceSurvey = (s: SurveyItem, version: number, onlyDraft: boolean): Promise<SurveyItem | undefined> =>
  unlessConditionFails(async () => {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: surveyRecord(s),
        ConditionExpression: `attribute_exists(pk) AND version = :v${onlyDraft ? ' AND #status = :draft' : ''}`,
        ...(onlyDraft ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
        ExpressionAttributeValues: { ':v': version, ...(onlyDraft ? { ':draft': 'draft' } : {}) },
      }),
    );
    return s;
  });

/** The community's surveys, newest first (tens: one Query). */
export const listSurveyItems = async (cid: string): Promise<SurveyItem[]> => {
  const out = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': surveyKeys.list(cid) },
      ScanIndexForward: false,
    }),
  );
  return (out.Items ?? []).map((i) => withoutKeys<SurveyItem>(i));
};

/** A response, once: a resident's own (their id in the key) or a gathered one (its own id). False: there is one already. */
export const putResponse = async (cid: string, surveyId: string, sk: string, r: ResponseItem): Promise<boolean> =>
  Boolean(
    await unlessConditionFails(() =>
      db().send(new PutCommand({ TableName: table(), Item: { pk: surveyKeys.survey(cid, surveyId).pk, sk, ...r }, ConditionExpression: 'attribute_not_exists(pk)' })),
    ),
  );

export const getResponse = async (cid: string, surveyId: string, sk: string): Promise<ResponseItem | undefined> => {
  const out = await db().send(new GetCommand({ TableName: table(), Key: { pk: surveyKeys.survey(cid, surveyId).pk, sk }, ConsistentRead: true }));
  return out.Item ? withoutKeys<ResponseItem>(out.Item) : undefined;
};

/** The Query of a survey's responses (beside the survey item in its partition). */
const responsesOf = (cid: string, surveyId: string) => ({
  TableName: table(),
  KeyConditionExpression: 'pk = :p AND begins_with(sk, :r)',
  ExpressionAttributeValues: { ':p': surveyKeys.survey(cid, surveyId).pk, ':r': 'RESPONSE#' },
});

/** Every response of a survey, oldest first. */
export const allResponses = async (cid: string, surveyId: string): Promise<ResponseItem[]> =>
  (await queryAll(responsesOf(cid, surveyId))).map((i) => withoutKeys<ResponseItem>(i)).sort((a, b) => a.at.localeCompare(b.at));

/** How many responses each survey has (a counting Query each, side by side). */
export const responseCounts = async (cid: string, ids: readonly string[]): Promise<Record<string, number>> =>
  Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await countAll(responsesOf(cid, id))] as const)));
