/**
 * Local tables are created from the same definitions CDK reads, with the same index projections: what a list
 * sees in dynalite is what it sees in AWS. (tests/infra/stack.test.ts checks the CDK side.)
 */
import { CreateTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { dynamo } from '../../../functions/src/db/client';
import { createTableInput } from '../../../functions/src/db/setup';
import { tables, type TableDefinition, type TableKey } from '../../../functions/src/db/tables';
import { startStore, type LocalStore } from '../../../functions/local/store';

const tableKeys = Object.keys(tables) as TableKey[];
const definition = (key: TableKey): TableDefinition => tables[key];

describe('createTableInput', () => {
  it.each(tableKeys)('%s: on demand, string keys, every key attribute defined once', (key) => {
    const def = definition(key);
    const input = createTableInput(def, `t-${key}`);
    expect(input).toMatchObject({ TableName: `t-${key}`, BillingMode: 'PAY_PER_REQUEST' });
    expect(input.KeySchema).toEqual([
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      ...(def.sortKey ? [{ AttributeName: def.sortKey, KeyType: 'RANGE' }] : []),
    ]);
    const keyAttributes = new Set([def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
    keyAttributes.delete(undefined);
    expect(input.AttributeDefinitions).toEqual([...keyAttributes].map((a) => ({ AttributeName: a, AttributeType: 'S' })));
  });

  it.each(tableKeys)('%s: each index projects its keys plus exactly the attributes its lists read', (key) => {
    const def = definition(key);
    const input = createTableInput(def, `t-${key}`);
    expect(input.GlobalSecondaryIndexes ?? []).toEqual(
      def.indexes.map((ix) => ({
        IndexName: ix.name,
        KeySchema: [
          { AttributeName: ix.partitionKey, KeyType: 'HASH' },
          { AttributeName: ix.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...ix.projection] },
      })),
    );
  });

  it('list no key attribute among the non-key ones (keys always come along), and none twice', () => {
    for (const key of tableKeys) {
      const def = definition(key);
      for (const ix of def.indexes) {
        const keys = [def.partitionKey, def.sortKey, ix.partitionKey, ix.sortKey];
        expect(ix.projection.filter((a) => keys.includes(a))).toEqual([]);
        expect(new Set(ix.projection).size).toBe(ix.projection.length);
      }
    }
  });
});

describe('tables in dynalite', () => {
  let store: LocalStore;
  let endpoint: string | undefined;
  beforeAll(async () => {
    store = await startStore();
    endpoint = process.env.DYNAMODB_ENDPOINT;
    process.env.DYNAMODB_ENDPOINT = store.endpoint;
  });
  afterAll(async () => {
    if (endpoint === undefined) delete process.env.DYNAMODB_ENDPOINT;
    else process.env.DYNAMODB_ENDPOINT = endpoint;
    await store.close();
  });

  it.each(tableKeys)('%s: are accepted as defined, INCLUDE projections and all', async (key) => {
    const def = definition(key);
    const name = `setup-${key}`;
    await dynamo().send(new CreateTableCommand(createTableInput(def, name)));
    const { Table } = await dynamo().send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const described = (Table?.GlobalSecondaryIndexes ?? []).map((ix) => ({
      name: ix.IndexName,
      type: ix.Projection?.ProjectionType,
      attributes: [...(ix.Projection?.NonKeyAttributes ?? [])].sort(),
    }));
    expect(described.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      def.indexes
        .map((ix) => ({ name: ix.name, type: 'INCLUDE', attributes: [...ix.projection].sort() }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it.each(tableKeys.flatMap((key) => definition(key).indexes.map((ix) => [key, ix.name] as const)))(
    '%s: a Query on %s returns the keys and the projected attributes, nothing else',
    async (key, indexName) => {
      const def = definition(key);
      const ix = def.indexes.find((i) => i.name === indexName)!;
      const name = `query-${key}-${indexName}`;
      await dynamo().send(new CreateTableCommand(createTableInput(def, name)));

      const keyValues: Record<string, string> = {
        [def.partitionKey]: 'C#c1#X#1',
        [ix.partitionKey]: 'C#c1#LIST',
        [ix.sortKey]: '0001',
      };
      if (def.sortKey) keyValues[def.sortKey] = 'X';
      const projected = Object.fromEntries(ix.projection.map((a) => [a, `${a}-value`]));
      const item = { ...keyValues, ...projected, notProjected: 'only in the base table', history: 'long text' };
      await dynamo().send(
        new PutItemCommand({ TableName: name, Item: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { S: v }])) }),
      );

      const out = await dynamo().send(
        new QueryCommand({
          TableName: name,
          IndexName: indexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': ix.partitionKey },
          ExpressionAttributeValues: { ':pk': { S: 'C#c1#LIST' } },
        }),
      );
      expect(out.Items).toHaveLength(1);
      const returned = Object.fromEntries(Object.entries(out.Items![0]!).map(([k, v]) => [k, v.S]));
      expect(returned).toEqual({ ...keyValues, ...projected });
    },
  );
});
