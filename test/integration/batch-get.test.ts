import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchGetAll, UnprocessedKeysError } from '../../shared/store/batch-get.ts';
import type { Store } from '../../shared/store/client.ts';
import { isTransientStoreError } from '../../shared/store/transient.ts';
import { freshStore } from '../support/dynamodb.ts';

const key = (n: number) => ({ pk: `ITEM#${n}`, sk: 'ITEM' });

/**
 * DynamoDB Local never leaves keys unprocessed, so those tests hold some back with an SDK
 * middleware after the real answer came: the only part here that is not DynamoDB's own.
 */
function holdingBack(store: Store, perAnswer: number, answers = Number.POSITIVE_INFINITY) {
  let held = 0;
  store.client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const output = result.output as {
        Responses?: Record<string, Record<string, unknown>[]>;
        UnprocessedKeys?: Record<string, { Keys: Record<string, unknown>[] }>;
      };
      const items = output.Responses?.[store.tableName];
      if (!items || held >= answers || items.length === 0) return result;
      held++;
      const back = items.splice(0, perAnswer);
      output.UnprocessedKeys = {
        [store.tableName]: { Keys: back.map((item) => ({ pk: item.pk, sk: item.sk })) },
      };
      return result;
    },
    { step: 'initialize', name: 'holdBackKeys', override: true },
  );
  return () => store.client.middlewareStack.remove('holdBackKeys');
}

describe('batchGetAll', () => {
  let store: Store;

  beforeAll(async () => {
    store = await freshStore();
    for (let i = 0; i < 250; i += 25) {
      const items = Array.from({ length: 25 }, (_, k) => ({ ...key(i + k), n: i + k }));
      await store.client.send(
        new BatchWriteCommand({
          RequestItems: { [store.tableName]: items.map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
  });

  afterAll(() => store.client.destroy());

  it('reads more than the 100 keys one BatchGetItem takes, each duplicate once, missing ones absent', async () => {
    const keys = [...Array.from({ length: 250 }, (_, n) => key(n)), key(7), key(7), key(999)];

    const items = await batchGetAll(store.client, store.tableName, keys);

    expect(items.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 250 }, (_, n) => n),
    );
  });

  it('asks again for the keys DynamoDB left unprocessed, until every item is read', async () => {
    const release = holdingBack(store, 30, 3);
    try {
      const items = await batchGetAll(
        store.client,
        store.tableName,
        Array.from({ length: 60 }, (_, n) => key(n)),
      );

      expect(new Set(items.map((item) => item.n)).size).toBe(60);
    } finally {
      release();
    }
  });

  it('gives up with a transient error (a 503 to the caller) when keys stay unprocessed', async () => {
    const release = holdingBack(store, 1);
    try {
      const failure = batchGetAll(store.client, store.tableName, [key(1)]);

      await expect(failure).rejects.toBeInstanceOf(UnprocessedKeysError);
      expect(isTransientStoreError(await failure.catch((e: unknown) => e))).toBe(true);
    } finally {
      release();
    }
  });
});
