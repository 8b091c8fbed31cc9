import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** DynamoDB's limit on the keys of one BatchGetItem. */
const MAX_KEYS = 100;
/** Tries of one batch before giving up: about three seconds of backing off in all. */
const MAX_TRIES = 8;

/** DynamoDB kept leaving keys unread: it is throttling us; a 503 with Retry-After (transient.ts). */
export class UnprocessedKeysError extends Error {
  override readonly name = 'UnprocessedKeysError';
  constructor(readonly count: number) {
    super(`DynamoDB left ${count} keys unprocessed after ${MAX_TRIES} tries`);
  }
}

/**
 * Every item of `keys` that exists, any order. A BatchGetItem that succeeds may still have
 * read only part of what was asked (throttling, or an answer over 16 MB): the rest comes back
 * as UnprocessedKeys and is asked again, with backoff, so no item is ever silently missing.
 * Duplicate keys, which BatchGetItem refuses, are asked once.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Item[],
  { consistentRead = false } = {},
): Promise<Item[]> {
  const unique = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += MAX_KEYS) {
    let pending: Item[] = unique.slice(i, i + MAX_KEYS);
    for (let tries = 0; pending.length > 0; tries++) {
      if (tries === MAX_TRIES) throw new UnprocessedKeysError(pending.length);
      if (tries > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** tries)));
      const out = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: { Keys: pending, ...(consistentRead ? { ConsistentRead: true } : {}) },
          },
        }),
      );
      found.push(...(out.Responses?.[tableName] ?? []));
      pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Item[];
    }
  }
  return found;
}
