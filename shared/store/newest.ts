import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client.ts';

/** The newest `limit` items of a partition whose sort keys grow with time (a log), newest first. */
export async function newestOf(
  { client, tableName }: Store,
  partition: string,
  limit: number,
  consistent = false,
): Promise<Record<string, unknown>[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: limit,
      ...(consistent ? { ConsistentRead: true } : {}),
    }),
  );
  return out.Items ?? [];
}
