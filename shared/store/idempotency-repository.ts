import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Store } from './client.ts';
import { TABLE } from './table.ts';

/** A response as it was first sent, to send again to a retry with the same key. */
export interface StoredResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type IdempotencyBegin =
  | { readonly state: 'new' }
  | { readonly state: 'done'; readonly response: StoredResponse }
  | { readonly state: 'in-progress' }
  | { readonly state: 'mismatch' };

export interface IdempotencyPort {
  begin(scope: string, key: string, fingerprint: string): Promise<IdempotencyBegin>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  abandon(scope: string, key: string): Promise<void>;
}

/** Keys are kept a day (the table's TTL removes them), like most public APIs that take them. */
const TTL_SECONDS = 24 * 60 * 60;

const keyOf = (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' });

/**
 * `Idempotency-Key` records: claimed with a conditional put before the work, filled with the
 * response after it, removed if the work failed so that a retry does it afresh.
 */
export function idempotencyRepository({ client, tableName }: Store): IdempotencyPort {
  return {
    async begin(scope, key, fingerprint) {
      const now = Math.floor(Date.now() / 1000);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keyOf(scope, key),
              type: 'idempotency',
              state: 'in-progress',
              fingerprint,
              [TABLE.ttlAttribute]: now + TTL_SECONDS,
            },
            // An expired record that TTL has not yet deleted counts as absent.
            ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
            ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
            ExpressionAttributeValues: { ':now': now },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { state: 'new' };
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        const old = (error as { Item?: Record<string, AttributeValue> }).Item;
        const existing = old
          ? (unmarshall(old) as { fingerprint?: string; state?: string; response?: StoredResponse })
          : undefined;
        if (!existing) return { state: 'in-progress' };
        if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
        if (existing.state === 'done' && existing.response)
          return { state: 'done', response: existing.response };
        return { state: 'in-progress' };
      }
    },

    async complete(scope, key, response) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(scope, key),
          UpdateExpression: 'SET #state = :done, #response = :response',
          ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
          ExpressionAttributeValues: { ':done': 'done', ':response': response },
        }),
      );
    },

    async abandon(scope, key) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: keyOf(scope, key) }));
    },
  };
}
