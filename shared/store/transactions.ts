import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConflictError } from '../domain/errors.ts';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * An item only this transaction writes (in practice its new audit entry, whose hash covers the
 * instant, the actor and the new state): finding it afterwards proves the transaction committed.
 */
export interface Witness {
  readonly tableName: string;
  readonly key: Record<string, unknown>;
  readonly attribute: string;
  readonly value: unknown;
}

/**
 * Whether DynamoDB may have carried out the transaction although the call failed: an earlier
 * attempt's answer may have been lost (the SDK retried), or no readable answer came at all
 * (a reset connection, a timeout, a garbled body, a 500). Only a 4xx answer to the first and
 * only attempt says for sure that nothing was written.
 */
function mayHaveCommitted(error: unknown): boolean {
  const metadata = (error as { $metadata?: { attempts?: number; httpStatusCode?: number } }).$metadata;
  if ((metadata?.attempts ?? 1) > 1) return true;
  const status = metadata?.httpStatusCode;
  const refused = status !== undefined && status >= 400 && status < 500 && '$fault' in (error as object);
  return !refused;
}

async function committed(client: DynamoDBDocumentClient, witness: Witness): Promise<boolean> {
  try {
    const out = await client.send(
      new GetCommand({ TableName: witness.tableName, Key: witness.key, ConsistentRead: true }),
    );
    return out.Item !== undefined && out.Item[witness.attribute] === witness.value;
  } catch {
    // Still no way to tell: the caller reports the original failure.
    return false;
  }
}

/**
 * Writes all items or none. A failed condition (a lost race, a duplicate) becomes the
 * domain conflict the caller names, told which items' conditions failed (by position);
 * any other failure is rethrown untouched.
 *
 * With a `witness`, a failure whose outcome is unknown is settled by reading the witness:
 * if the transaction did commit (its answer was lost, or the SDK's retry of it met the
 * conditions it had itself just fulfilled), this is a success, not a 503 or a 409.
 */
export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: TransactItems,
  onConflict: (failed: readonly number[]) => ConflictError,
  witness?: Witness,
): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (witness && mayHaveCommitted(error) && (await committed(client, witness))) return;
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
