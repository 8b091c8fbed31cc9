import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { INDEX_NAMES, keyAttributes, type Projection, TABLE } from '../shared/store/table.ts';

function indexDefinition(name: (typeof INDEX_NAMES)[number]) {
  const index = TABLE.indexes[name];
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: projectionOf(index.projection),
  };
}

function projectionOf(projection: Projection) {
  return projection === 'ALL'
    ? { ProjectionType: 'ALL' as const }
    : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...projection] };
}

/** The CreateTable request for the table of shared/store/table.ts. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: INDEX_NAMES.map(indexDefinition),
  };
}

/**
 * Creates the table when it does not exist, and adds any index declared since it was
 * created, so a data directory from an older version keeps working after an upgrade.
 * Returns what it did.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<'created' | 'updated' | 'exists'> {
  let existing: Set<string>;
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
    existing = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? ''));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
    return 'created';
  }
  const missing = INDEX_NAMES.filter((name) => !existing.has(name));
  for (const name of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: keyAttributes().map((attr) => ({ AttributeName: attr, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(name) }],
      }),
    );
  }
  return missing.length > 0 ? 'updated' : 'exists';
}
