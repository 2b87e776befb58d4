/**
 * A `.data/` folder kept from an older version holds tables made before an index joined their definition;
 * dynalite cannot add an index to a table, so `npm start` rebuilds such a table with its items.
 */
import { DescribeTableCommand, CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startStore, type LocalStore } from '../../functions/local/store';
import { dynamo } from '../../functions/src/db/client';
import { createTableInput, ensureTables } from '../../functions/src/db/setup';
import { tableName, tables } from '../../functions/src/db/tables';

let store: LocalStore;

beforeAll(async () => {
  store = await startStore();
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
});

afterAll(async () => {
  await store?.close();
});

test('a table lacking an index of its definition is made anew with every item it held', async () => {
  const def = tables.scoring;
  const name = tableName('scoring');
  const older = { ...def, indexes: def.indexes.slice(0, -1) };
  await dynamo().send(new CreateTableCommand(createTableInput(older, name)));
  const key = { [def.partitionKey]: { S: 'c1#PERIOD#p1' }, ...(def.sortKey ? { [def.sortKey]: { S: 'META' } } : {}) };
  await dynamo().send(new PutItemCommand({ TableName: name, Item: { ...key, name: { S: '2025年度' } } }));

  const changed = await ensureTables();

  expect(changed).toContain(name);
  const described = await dynamo().send(new DescribeTableCommand({ TableName: name }));
  expect((described.Table?.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName).sort()).toEqual(def.indexes.map((ix) => ix.name).sort());
  const kept = await dynamo().send(new GetItemCommand({ TableName: name, Key: key }));
  expect(kept.Item?.name).toEqual({ S: '2025年度' });
  // every other table was only created, and a second start changes nothing
  expect(await ensureTables()).toEqual([]);
});
