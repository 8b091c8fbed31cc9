import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/records/ports.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { LATE_CHANGES_PARTITION as PARTITION } from './record-items.ts';
import { recordRepository } from './record-repository.ts';

/**
 * Records revoked or changed after the 3 working days of their revoking or changing decision
 * (条例 第40条), newest first, each once: the credit office's list beside the escalated
 * objections and repairs (workflow-repository.ts).
 */
export async function lateRecordChanges(
  store: Store,
  q: { limit: number; cursor?: string | undefined },
): Promise<Page<DisclosureRecord>> {
  const shape = { kind: 'record-change' };
  const start = decodeCursor(q.cursor, shape, (p) => isStartKey(p, startKeyRules('table', PARTITION)));
  const out = await store.client.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': PARTITION },
      ScanIndexForward: false,
      Limit: q.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  // A record changed late and then revoked late has two pointers; the page names it once.
  const ids = [...new Set((out.Items ?? []).map((item) => item.id as string))];
  return {
    items: await recordRepository(store).getMany(ids),
    cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined,
  };
}
