import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';

const storeEnv = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME must name the service table'),
  /** Set locally (DynamoDB Local); unset on AWS, where the SDK finds the regional endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
});

export interface StoreConfig {
  readonly tableName: string;
  readonly endpoint?: string | undefined;
}

/** Reads the store settings once; a missing TABLE_NAME fails at cold start, not mid-request. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = storeEnv.safeParse(env);
  if (!parsed.success) throw new Error(`store configuration: ${z.prettifyError(parsed.error)}`);
  return { tableName: parsed.data.TABLE_NAME, endpoint: parsed.data.DYNAMODB_ENDPOINT };
}

export function createDocumentClient(config: Pick<StoreConfig, 'endpoint'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    maxAttempts: 3,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** What every repository needs: the client and the table. */
export interface Store {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Store {
  const config = storeConfigFromEnv(env);
  return { client: createDocumentClient(config), tableName: config.tableName };
}
