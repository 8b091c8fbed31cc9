import { randomUUID } from 'node:crypto';
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
  /** This request holds the key; `claim` names its hold for complete and abandon. */
  | { readonly state: 'new'; readonly claim: string }
  | { readonly state: 'done'; readonly response: StoredResponse }
  | { readonly state: 'in-progress' }
  | { readonly state: 'mismatch' };

export interface IdempotencyPort {
  begin(scope: string, key: string, fingerprint: string): Promise<IdempotencyBegin>;
  complete(scope: string, key: string, claim: string, response: StoredResponse): Promise<void>;
  abandon(scope: string, key: string, claim: string): Promise<void>;
}

/** Keys are kept a day (the table's TTL removes them), like most public APIs that take them. */
const TTL_SECONDS = 24 * 60 * 60;

/**
 * How long a request holds its key before it counts as abandoned: longer than any request can
 * run (API Gateway gives up after 30 s), so a retry never runs beside the first attempt, yet
 * short enough that a key whose holder died, or could not release it, is usable again soon.
 */
const LEASE_SECONDS = 35;

const keyOf = (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' });

/**
 * `Idempotency-Key` records: claimed with a conditional put before the work, filled with the
 * response after it, removed if the work failed so that a retry does it afresh.
 */
export function idempotencyRepository({ client, tableName }: Store): IdempotencyPort {
  /** Removes the key if `claim` still holds it; another holder's key is left alone. */
  async function release(scope: string, key: string, claim: string): Promise<void> {
    try {
      await client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keyOf(scope, key),
          ConditionExpression: 'claim = :claim',
          ExpressionAttributeValues: { ':claim': claim },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  return {
    async begin(scope, key, fingerprint) {
      const now = Math.floor(Date.now() / 1000);
      const claim = randomUUID();
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keyOf(scope, key),
              type: 'idempotency',
              state: 'in-progress',
              fingerprint,
              claim,
              leaseUntil: now + LEASE_SECONDS,
              [TABLE.ttlAttribute]: now + TTL_SECONDS,
            },
            // An expired record that TTL has not yet deleted counts as absent, and so does a
            // hold whose lease ran out (its request died, or could not release the key).
            ConditionExpression:
              'attribute_not_exists(pk) OR #ttl < :now OR (#state = :inProgress AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute, '#state': 'state' },
            ExpressionAttributeValues: { ':now': now, ':inProgress': 'in-progress' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { state: 'new', claim };
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') {
          // The put may have been written although its answer was lost: let go of it, so
          // that the client's retry is not told the key is in use by this very request.
          await release(scope, key, claim).catch(() => undefined);
          throw error;
        }
        const old = (error as { Item?: Record<string, AttributeValue> }).Item;
        const existing = old
          ? (unmarshall(old) as {
              fingerprint?: string;
              state?: string;
              claim?: string;
              response?: StoredResponse;
            })
          : undefined;
        if (!existing) return { state: 'in-progress' };
        // The SDK retried a put whose first answer was lost: the hold found is this request's own.
        if (existing.claim === claim) return { state: 'new', claim };
        if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
        if (existing.state === 'done' && existing.response)
          return { state: 'done', response: existing.response };
        return { state: 'in-progress' };
      }
    },

    async complete(scope, key, claim, response) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(scope, key),
            UpdateExpression: 'SET #state = :done, #response = :response REMOVE leaseUntil',
            ConditionExpression: 'claim = :claim',
            ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
            ExpressionAttributeValues: { ':done': 'done', ':response': response, ':claim': claim },
          }),
        );
      } catch (error) {
        // The lease ran out and a retry holds the key now: its answer will be the one kept.
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    },

    abandon: release,
  };
}
