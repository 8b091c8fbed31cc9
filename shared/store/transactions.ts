import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConflictError } from '../domain/errors.ts';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Writes all items or none. A failed condition (a lost race, a duplicate) becomes the
 * domain conflict the caller names, told which items' conditions failed (by position);
 * any other failure is rethrown untouched.
 */
export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: TransactItems,
  onConflict: (failed: readonly number[]) => ConflictError,
): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      // A failed condition, or another transaction on the same item at the same moment
      // (TransactionConflict): either way this write lost a race and changed nothing.
      const failed = (error.CancellationReasons ?? []).flatMap((reason, index) =>
        reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict' ? [index] : [],
      );
      if (failed.length > 0) throw onConflict(failed);
    }
    throw error;
  }
}
