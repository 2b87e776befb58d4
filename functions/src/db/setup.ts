import { CreateTableCommand, ListTablesCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
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

/** Creates the tables that are missing (local store and tests only; AWS tables come from CDK). */
export const ensureTables = async (): Promise<string[]> => {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const out = await dynamo().send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    out.TableNames?.forEach((t) => existing.add(t));
    start = out.LastEvaluatedTableName;
  } while (start);
  const created: string[] = [];
  for (const key of Object.keys(tables) as TableKey[]) {
    const name = tableName(key);
    if (existing.has(name)) continue;
    await dynamo().send(new CreateTableCommand(createTableInput(tables[key], name)));
    created.push(name);
  }
  return created;
};
