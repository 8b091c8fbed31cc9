/**
 * The cold-start floor the AWS SDK sets (bench/bundles.ts): the one GetItem that
 * `GET /v1/disclosures/{id}` needs, through the service's store client, and nothing else.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { storeFromEnv } from '../shared/store/client.ts';
import { recordKey } from '../shared/store/record-items.ts';

const store = storeFromEnv();

export const handler = async (event: APIGatewayProxyEventV2) => {
  const id = event.pathParameters?.id ?? '';
  await store.client.send(new GetCommand({ TableName: store.tableName, Key: recordKey(id) }));
  return { statusCode: 200, body: '{}' };
};
