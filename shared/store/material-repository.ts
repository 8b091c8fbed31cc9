import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MaterialReceipt, MaterialReceipts } from '../domain/materials/use-cases.ts';
import type { Store } from './client.ts';
import { type WorkflowKind, workflowKey } from './workflow-items.ts';

/*
 * A filing's material receipts live in the filing's own partition (`OBJ#<id>` / `REP#<id>`),
 * one item per file: sk `MATERIAL#<nn>`. They are not part of the filing's state, so a receipt
 * never races the agency's decision for the filing's revision, and one Query reads them all.
 */

const SK_PREFIX = 'MATERIAL#';
const sortKey = (n: number) => `${SK_PREFIX}${String(n).padStart(2, '0')}`;

export function materialReceiptRepository({ client, tableName }: Store): MaterialReceipts {
  return {
    async of(kind: WorkflowKind, filingId: string) {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': workflowKey(kind, filingId).pk, ':sk': SK_PREFIX },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map(
        (item): MaterialReceipt => ({
          n: item.n as number,
          size: item.size as number,
          sha256: item.sha256 as string,
          receivedAt: item.receivedAt as string,
        }),
      );
    },

    async keep(kind: WorkflowKind, filingId: string, receipt: MaterialReceipt) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: workflowKey(kind, filingId).pk,
              sk: sortKey(receipt.n),
              type: 'material',
              ...receipt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        // Two confirmations of one upload: the first receipt stands, and it says the same.
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    },
  };
}
