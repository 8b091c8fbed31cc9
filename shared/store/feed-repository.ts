import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedDraft, FeedStore } from '../domain/sharing/feed.ts';
import type { Store } from './client.ts';
import {
  FEED_HEAD_KEY,
  FEED_PARTITION,
  FEED_PENDING_PARTITION,
  feedDraftOf,
  feedEntryItem,
  feedEntryOf,
  feedSortKey,
  pendingSortKey,
} from './feed-items.ts';
import { newestOf } from './newest.ts';

/** Pending entries one sequencer transaction numbers: 1 + 2 per entry stays under DynamoDB's 100. */
const SEQUENCE_BATCH = 40;

/** Rounds a writer's sequencer tries before leaving its entry to the `public-feed` sweep. */
const WRITER_ROUNDS = 20;

export function feedRepository(store: Store): FeedStore {
  const { client, tableName } = store;
  return {
    async after(after, limit) {
      // Strongly consistent: an entry numbered before a change was answered is in the next read.
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk > :after',
          ExpressionAttributeValues: { ':pk': FEED_PARTITION, ':after': feedSortKey(after) },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(feedEntryOf);
    },
    async latest(limit) {
      return (await newestOf(store, FEED_PARTITION, limit, true)).map(feedEntryOf);
    },
  };
}

async function headOf({ client, tableName }: Store): Promise<number> {
  const out = await client.send(
    new GetCommand({ TableName: tableName, Key: FEED_HEAD_KEY, ConsistentRead: true }),
  );
  return (out.Item?.seq as number | undefined) ?? 0;
}

async function pendingBatch({ client, tableName }: Store): Promise<FeedDraft[]> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': FEED_PENDING_PARTITION },
      ConsistentRead: true,
      Limit: SEQUENCE_BATCH,
    }),
  );
  return (out.Items ?? []).map(feedDraftOf);
}

/** Numbers one batch of pending entries; false when another sequencer got there first. */
async function numberBatch(store: Store, head: number, batch: readonly FeedDraft[]): Promise<boolean> {
  const { client, tableName } = store;
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: FEED_HEAD_KEY,
              UpdateExpression: 'SET seq = :next, #type = :type',
              ConditionExpression: head === 0 ? 'attribute_not_exists(seq)' : 'seq = :head',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':next': head + batch.length,
                ':type': 'feed-head',
                ...(head === 0 ? {} : { ':head': head }),
              },
            },
          },
          ...batch.flatMap((draft, i) => [
            {
              Put: {
                TableName: tableName,
                Item: feedEntryItem({ ...draft, seq: head + i + 1 }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Delete: {
                TableName: tableName,
                Key: { pk: FEED_PENDING_PARTITION, sk: pendingSortKey(draft) },
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ]),
        ],
      }),
    );
    return true;
  } catch (error) {
    // A failed condition or a transaction on the same items at the same moment: another
    // sequencer moved the head or took these entries. Nothing was written.
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
}

/**
 * Numbers pending entries until none is left (or, with `until`, until that entry is numbered)
 * or `rounds` tries are spent. Losing a race to another sequencer is progress: it numbered
 * what it found, which includes every entry pending when it read.
 */
export async function sequenceFeed(
  store: Store,
  options: { rounds?: number; until?: readonly FeedDraft[] } = {},
): Promise<{ numbered: number; left: boolean }> {
  const wanted = new Set((options.until ?? []).map(pendingSortKey));
  let numbered = 0;
  for (let round = 1; round <= (options.rounds ?? WRITER_ROUNDS); round++) {
    // One after the other, not together: the calls of a request come in a fixed order (the
    // fault tests replay each step of it), and the batch read after the head can only be newer.
    const head = await headOf(store);
    const batch = await pendingBatch(store);
    if (batch.length === 0) return { numbered, left: false };
    if (wanted.size > 0 && !batch.some((d) => wanted.has(pendingSortKey(d))) && batch.length < SEQUENCE_BATCH)
      return { numbered, left: true };
    if (await numberBatch(store, head, batch)) {
      numbered += batch.length;
      // A short batch was everything pending when it was read: the writer's entries included.
      if (wanted.size > 0 && batch.length < SEQUENCE_BATCH) return { numbered, left: false };
    } else await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * 2 ** round)));
  }
  return { numbered, left: true };
}
