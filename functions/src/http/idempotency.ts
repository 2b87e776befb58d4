import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { dynamo } from '../db/client';
import { tableName } from '../db/tables';
import { HttpProblem, badRequest, conflict } from './problem';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** How long a retry with the same key returns the first result. */
const RECORD_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotentCall {
  /** Who asked and with which key: keys are scoped to the caller, so two residents never collide. */
  key: string;
  /** What was asked: a retry with the same key but another body is refused. */
  payload: unknown;
}

const layers = new Map<string, DynamoDBPersistenceLayer>();
const persistence = (): DynamoDBPersistenceLayer => {
  const name = tableName('idempotency');
  let layer = layers.get(name);
  if (!layer) {
    layer = new DynamoDBPersistenceLayer({ tableName: name, awsSdkV3Client: dynamo() });
    layers.set(name, layer);
  }
  return layer;
};

export const checkIdempotencyKey = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (!KEY_PATTERN.test(header))
    throw badRequest('Idempotency-Key 须为 8–128 位字母、数字、- 或 _', [
      { location: 'headers', path: 'idempotency-key', message: '格式无效' },
    ]);
  return header;
};

/**
 * Runs `work` at most once per (caller, key) with Powertools Idempotency: a retry of a finished call gets the
 * stored result; a retry while the first is still running gets 409; the same key with another body gets 422.
 */
export const runIdempotent = async <T>(call: IdempotentCall, lambdaContext: Context, work: () => Promise<T>): Promise<T> => {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: RECORD_TTL_SECONDS,
    throwOnNoIdempotencyKey: true,
  });
  config.registerLambdaContext(lambdaContext);
  const once = makeIdempotent(async (_call: IdempotentCall) => work(), { persistenceStore: persistence(), config });
  try {
    return (await once(call)) as T;
  } catch (err) {
    if (err instanceof IdempotencyAlreadyInProgressError)
      throw conflict('idempotency-in-progress', '同一请求正在处理中，请稍候再查看结果');
    if (err instanceof IdempotencyValidationError)
      throw new HttpProblem(422, 'idempotency-key-reused', '请求重复', '此 Idempotency-Key 已用于另一份内容');
    throw err;
  }
};
