import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one DynamoDB client. In AWS it uses the Lambda's role and region; locally `DYNAMODB_ENDPOINT` points it
 * at dynalite with dummy credentials. Nothing else differs between the two.
 */
const makeClient = (): DynamoDBClient => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  return new DynamoDBClient(
    endpoint
      ? {
          endpoint,
          region: process.env.AWS_REGION ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 3,
        }
      : {},
  );
};

let raw: DynamoDBClient | undefined;
let doc: DynamoDBDocumentClient | undefined;
let forEndpoint: string | undefined;

/** Built on first use (and rebuilt if a test points the process at another endpoint). */
export const dynamo = (): DynamoDBClient => {
  if (!raw || forEndpoint !== process.env.DYNAMODB_ENDPOINT) {
    raw = makeClient();
    doc = undefined;
    forEndpoint = process.env.DYNAMODB_ENDPOINT;
  }
  return raw;
};

export const db = (): DynamoDBDocumentClient => {
  const client = dynamo();
  doc ??= DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return doc;
};
