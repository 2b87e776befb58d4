/**
 * The table definitions: the single source that CDK (AWS), the local gateway and the tests (dynalite) create
 * tables from. One table per bounded context; every key starts with the community id (`C#<communityId>#…`).
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  /** Logical name: the table is `gongzhi-<name>` unless the environment names it (`TABLE_<NAME>`). */
  name: string;
  partitionKey: string;
  sortKey?: string;
  indexes: readonly IndexDefinition[];
  /** Declared in CDK only: dynalite has no UpdateTimeToLive. */
  ttlAttribute?: string;
}

export const tables = {
  identity: {
    name: 'identity',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  },
  feedback: {
    name: 'feedback',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // a reporter's feedback, newest first
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      // the committee's queue per status, oldest waiting first
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  /** Powertools idempotency records: `Idempotency-Key` retries return the first result. */
  idempotency: {
    name: 'idempotency',
    partitionKey: 'id',
    indexes: [],
    ttlAttribute: 'expiration',
  },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof tables;

/** Environment variable that carries a table's physical name in AWS. */
export const tableEnvVar = (key: TableKey): string => `TABLE_${key.toUpperCase()}`;

/** Physical table name, read at call time so tests can point a run at its own tables. */
export const tableName = (key: TableKey): string =>
  process.env[tableEnvVar(key)] ?? `${process.env.TABLE_PREFIX ?? 'gongzhi-'}${tables[key].name}`;
