import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { dynamo } from './client';
import { tableName, tables, type TableDefinition, type TableKey } from './tables';

/**
 * CreateTable input for a definition: on-demand, string keys, each GSI projecting its keys plus the attributes
 * its lists read (`INCLUDE`), exactly as CDK creates it in AWS: a list sees locally the attributes it gets there.
 */
export const createTableInput = (def: TableDefinition, name: string): CreateTableCommandInput => {
  const attributes = new Set<string>([def.partitionKey, ...(def.sortKey ? [def.sortKey] : [])]);
  for (const ix of def.indexes) attributes.add(ix.partitionKey).add(ix.sortKey);
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      ...(def.sortKey ? [{ AttributeName: def.sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    ...(def.indexes.length
      ? {
          GlobalSecondaryIndexes: def.indexes.map((ix) => ({
            IndexName: ix.name,
            KeySchema: [
              { AttributeName: ix.partitionKey, KeyType: 'HASH' as const },
              { AttributeName: ix.sortKey, KeyType: 'RANGE' as const },
            ],
            Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...ix.projection] },
          })),
        }
      : {}),
  };
};

/** The index names a table lacks against its definition. */
const missingIndexes = async (def: TableDefinition, name: string): Promise<string[]> => {
  const out = await dynamo().send(new DescribeTableCommand({ TableName: name }));
  const has = new Set((out.Table?.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName));
  return def.indexes.map((ix) => ix.name).filter((ix) => !has.has(ix));
};

/**
 * A local table made before an index joined its definition (a `.data/` folder from an older version): dynalite
 * cannot add an index to a table, so the items are copied out, the table made anew and the items put back.
 */
const rebuildTable = async (def: TableDefinition, name: string): Promise<void> => {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await dynamo().send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  await dynamo().send(new DeleteTableCommand({ TableName: name }));
  await dynamo().send(new CreateTableCommand(createTableInput(def, name)));
  for (const item of items) await dynamo().send(new PutItemCommand({ TableName: name, Item: item }));
};

/**
 * Creates the tables that are missing and rebuilds those that lack an index of their definition (local store and
 * tests only; AWS tables come from CDK). Returns the tables it created or rebuilt.
 */
export const ensureTables = async (): Promise<string[]> => {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const out = await dynamo().send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    out.TableNames?.forEach((t) => existing.add(t));
    start = out.LastEvaluatedTableName;
  } while (start);
  const changed: string[] = [];
  for (const key of Object.keys(tables) as TableKey[]) {
    const name = tableName(key);
    if (!existing.has(name)) {
      await dynamo().send(new CreateTableCommand(createTableInput(tables[key], name)));
      changed.push(name);
    } else if ((await missingIndexes(tables[key], name)).length) {
      await rebuildTable(tables[key], name);
      changed.push(name);
    }
  }
  return changed;
};
