import type { FeedDraft, FeedEntry } from '../domain/sharing/feed.ts';
import type { Op } from './changes.ts';

/**
 * The feed in the table, in two steps:
 *
 * 1. A change that the public sees puts a *pending* entry (partition `FEEDQ`, keyed by its
 *    instant) in its own transaction: writers share no item, so they never wait for each other.
 * 2. The sequencer (feed-repository.ts) numbers pending entries, oldest first: in one
 *    transaction it moves the head from N to N+k (on condition it still reads N), puts entries
 *    N+1 … N+k in partition `FEED` and deletes the pending ones (on condition they are still
 *    there). Two sequencers can never give the same number or number an entry twice, and
 *    number N+1 never exists before N, so a reader of `FEED` sees a prefix of the feed.
 *
 * The writer runs the sequencer before it answers, so a change a client was told of is
 * numbered before any change the client makes next; the `public-feed` sweep numbers whatever
 * a writer that died between the two steps left pending.
 */
export const FEED_PARTITION = 'FEED';
export const FEED_PENDING_PARTITION = 'FEEDQ';
export const FEED_HEAD_KEY = { pk: 'FEED#HEAD', sk: 'HEAD' } as const;

const SEQ_DIGITS = 15;

export function feedSortKey(seq: number): string {
  return String(seq).padStart(SEQ_DIGITS, '0');
}

export function pendingSortKey(draft: FeedDraft): string {
  return `${draft.at}#${draft.recordId}#${String(draft.revision).padStart(8, '0')}`;
}

export function feedEntryItem(entry: FeedEntry): Record<string, unknown> {
  return { pk: FEED_PARTITION, sk: feedSortKey(entry.seq), type: 'feed-entry', ...entry };
}

export function feedEntryOf(item: Record<string, unknown>): FeedEntry {
  return { ...feedDraftOf(item), seq: item.seq as number };
}

export function feedDraftOf(item: Record<string, unknown>): FeedDraft {
  return {
    change: item.change as FeedEntry['change'],
    at: item.at as string,
    recordId: item.recordId as string,
    revision: item.revision as number,
  };
}

/** The pending entries of a change, written in its transaction. */
export function pendingFeedOps(tableName: string, drafts: readonly FeedDraft[]): Op[] {
  return drafts.map((draft) => ({
    write: {
      Put: {
        TableName: tableName,
        Item: { pk: FEED_PENDING_PARTITION, sk: pendingSortKey(draft), type: 'feed-pending', ...draft },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  }));
}
