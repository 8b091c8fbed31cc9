import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReconciliationReport } from '../domain/sharing/reconcile.ts';
import type { Store } from './client.ts';

/** The reconciliation reports, newest first, in one partition: one a night. */
const PARTITION = 'UPSTREAM#RECONCILIATION';

export function reconciliationRepository({ client, tableName }: Store) {
  return {
    async save(report: ReconciliationReport): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: PARTITION, sk: report.at, type: 'upstream-reconciliation', report },
        }),
      );
    },
    async latest(limit: number): Promise<ReconciliationReport[]> {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PARTITION },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((item) => item.report as ReconciliationReport);
    },
  };
}
