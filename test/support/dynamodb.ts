import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../local/ensure-table.ts';
import { createDocumentClient, type Store } from '../../shared/store/client.ts';

export const LOCAL_CREDENTIALS = {
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

process.env.AWS_REGION ??= 'local';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

export function dynamodbEndpoint(): string {
  return inject('dynamodbEndpoint');
}

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/** A fresh table of the service's shape in the shared DynamoDB Local, for one test file. */
export async function freshStore(): Promise<Store> {
  const endpoint = dynamodbEndpoint();
  const tableName = uniqueTableName();
  const admin = new DynamoDBClient({ endpoint, ...LOCAL_CREDENTIALS });
  try {
    await ensureTable(admin, tableName);
  } finally {
    admin.destroy();
  }
  return { client: createDocumentClient({ endpoint }), tableName };
}
