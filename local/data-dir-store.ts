import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, type Store } from '../shared/store/client.ts';
import type { LocalConfig } from './config.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { readRuntime } from './runtime-file.ts';

/** The table of a DATA_DIR, opened for an admin command (export, import). */
export interface DataDirStore {
  readonly endpoint: string;
  readonly tableName: string;
  /** The low-level client: items as DynamoDB JSON, table administration. */
  readonly client: DynamoDBClient;
  /** The document client the repositories (and bulkLoad) use. */
  readonly store: Store;
  /** Where the DynamoDB came from, for the command's report. */
  readonly source: 'running server' | 'DYNAMODB_ENDPOINT' | 'started on DATA_DIR';
  close(): Promise<void>;
}

/**
 * The same choice `npm run sweep` makes: the DynamoDB of a server running on the same
 * DATA_DIR (DATA_DIR/runtime.json), else DYNAMODB_ENDPOINT, else DynamoDB Local started on
 * DATA_DIR for the command's duration.
 */
export async function openDataDirStore(config: LocalConfig): Promise<DataDirStore> {
  const running = readRuntime(config.dataDir);
  const own =
    running || config.dynamodbEndpoint
      ? undefined
      : await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb') });
  const endpoint = running?.dynamodbEndpoint ?? config.dynamodbEndpoint ?? own?.endpoint ?? '';
  const tableName = running?.tableName ?? config.tableName;
  process.env.AWS_REGION ??= 'local';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const client = new DynamoDBClient({ endpoint });
  const document = createDocumentClient({ endpoint });
  return {
    endpoint,
    tableName,
    client,
    store: { client: document, tableName },
    source: running
      ? 'running server'
      : config.dynamodbEndpoint
        ? 'DYNAMODB_ENDPOINT'
        : 'started on DATA_DIR',
    async close() {
      client.destroy();
      document.destroy();
      await own?.stop();
    },
  };
}
