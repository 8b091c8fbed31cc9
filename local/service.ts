import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LocalConfig } from './config.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';
import { createApiServer } from './http-server.ts';
import { localKeys } from './jwt-keys.ts';

export interface LocalService {
  readonly url: string;
  readonly dynamodbEndpoint: string;
  readonly startedDynamoDb: boolean;
  readonly table: 'created' | 'updated' | 'exists';
  stop(): Promise<void>;
}

/**
 * The whole service on one machine: DynamoDB Local (unless DYNAMODB_ENDPOINT names one),
 * the table, the signing key and the local API gateway in front of the Lambda handlers.
 */
export async function startLocalService(config: LocalConfig): Promise<LocalService> {
  const dynamo: RunningDynamoDb | undefined = config.dynamodbEndpoint
    ? undefined
    : await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb') });
  const endpoint = dynamo?.endpoint ?? (config.dynamodbEndpoint as string);
  try {
    // The handler modules read these once, at import, exactly as on Lambda.
    process.env.TABLE_NAME = config.tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.AWS_REGION ??= 'local';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

    const admin = new DynamoDBClient({ endpoint });
    const table = await ensureTable(admin, config.tableName).finally(() => admin.destroy());
    const keys = await localKeys(config.dataDir);
    const server = createApiServer({ keys });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`,
      dynamodbEndpoint: endpoint,
      startedDynamoDb: dynamo !== undefined,
      table,
      async stop() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await dynamo?.stop();
    throw error;
  }
}
