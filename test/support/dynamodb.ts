import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../local/ensure-table.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { createDocumentClient, type Store } from '../../shared/store/client.ts';
import { deadlineRepository } from '../../shared/store/deadline-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import type { MakePorts } from './contracts/ports.ts';

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

/** The DynamoDB repositories the service runs on, over a fresh table: what the port contracts run against. */
export const dynamoDbPorts: MakePorts = async () => {
  const store = await freshStore();
  return {
    records: recordRepository(store),
    workflows: workflowRepository(store),
    deadlines: deadlineRepository(store),
    calendars: calendarRepository(store),
  };
};
