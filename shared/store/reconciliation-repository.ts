import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReconciliationReport } from '../domain/sharing/reconcile.ts';
import type { Store } from './client.ts';
import { newestOf } from './newest.ts';

/** The reconciliation reports, newest first, in one partition: one a night. */
const PARTITION = 'UPSTREAM#RECONCILIATION';

export function reconciliationRepository(store: Store) {
  const { client, tableName } = store;
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
      return (await newestOf(store, PARTITION, limit)).map((item) => item.report as ReconciliationReport);
    },
  };
}
