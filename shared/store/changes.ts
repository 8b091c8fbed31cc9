import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { hashState } from '../domain/audit.ts';
import type { ConflictError } from '../domain/errors.ts';
import type { DomainEvent } from '../domain/events.ts';
import { documentNumberTaken, recordChanged, TransactionTooLargeError } from '../domain/records/errors.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import { isNewlyRevoked } from '../domain/records/transitions.ts';
import { type FeedDraft, feedChangeOf } from '../domain/sharing/feed.ts';
import { emitMetrics, type MetricCounts, sumCounts } from '../observability/metrics.ts';
import { auditItem } from './audit-items.ts';
import type { Store } from './client.ts';
import { eventItem } from './event-items.ts';
import { pendingFeedOps } from './feed-items.ts';
import { sequenceFeed } from './feed-repository.ts';
import { pushOps } from './push-items.ts';
import { derivedEntries, documentKey, type IndexEntry, recordKey, toItem } from './record-items.ts';
import { transactWrite, type Witness } from './transactions.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

/** One write of a transaction, and the conflict to report if its condition fails. */
export interface Op {
  readonly write: TransactItem;
  readonly onConflict?: () => ConflictError;
  /** What the write counts for the business metrics, once the transaction succeeded. */
  readonly metrics?: MetricCounts;
  /** Set on a new audit entry: reading it back tells whether an unanswered transaction committed. */
  readonly witness?: Witness;
}

/** DynamoDB's limit on the items of one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;

/** The writes of a transaction on the service table, with their conditions. */
export function ops(tableName: string) {
  return {
    put: (
      Item: Item,
      condition?: { expression: string; values?: Item },
      onConflict?: () => ConflictError,
    ): Op => ({
      write: {
        Put: {
          TableName: tableName,
          Item,
          ...(condition ? { ConditionExpression: condition.expression } : {}),
          ...(condition?.values ? { ExpressionAttributeValues: condition.values } : {}),
        },
      },
      ...(onConflict ? { onConflict } : {}),
    }),
    delete: (Key: Item, condition?: { expression: string }, onConflict?: () => ConflictError): Op => ({
      write: {
        Delete: {
          TableName: tableName,
          Key,
          ...(condition ? { ConditionExpression: condition.expression } : {}),
        },
      },
      ...(onConflict ? { onConflict } : {}),
    }),
    update: (Key: Item, expression: string, values: Item, names?: Record<string, string>): Op => ({
      write: {
        Update: {
          TableName: tableName,
          Key,
          UpdateExpression: expression,
          ExpressionAttributeValues: values,
          ...(names ? { ExpressionAttributeNames: names } : {}),
        },
      },
    }),
  };
}

const IS_NEW = { expression: 'attribute_not_exists(pk)' };
const conflictOnly = (error: () => ConflictError) => error;

/** Index puts and deletes that take `before`'s entries to `after`'s (unchanged ones: nothing). */
export function indexChanges(tableName: string, before: IndexEntry[], after: IndexEntry[]): Op[] {
  const { put, delete: del } = ops(tableName);
  const key = (e: IndexEntry) => `${e.pk}\u0000${e.sk}`;
  const afterByKey = new Map(after.map((e) => [key(e), e]));
  const beforeByKey = new Map(before.map((e) => [key(e), e]));
  return [
    ...before.filter((e) => !afterByKey.has(key(e))).map((e) => del({ pk: e.pk, sk: e.sk })),
    ...after
      .filter((e) => JSON.stringify(beforeByKey.get(key(e))?.item) !== JSON.stringify(e.item))
      .map((e) => put(e.item)),
  ];
}

export function auditOp(tableName: string, pk: string, entry: AuditEntry): Op {
  const item = auditItem(pk, entry);
  return {
    ...ops(tableName).put(item, IS_NEW),
    witness: { tableName, key: { pk: item.pk, sk: item.sk }, attribute: 'hash', value: entry.hash },
  };
}

export function eventOps(tableName: string, events: readonly DomainEvent[]): Op[] {
  return events.map((event) => ops(tableName).put(eventItem(event), IS_NEW));
}

/**
 * The writes of a record change: the record (guarded by its revision, or new), its audit
 * entry, its document claims, and the derived index and deadline entries.
 */
export function recordOps(
  tableName: string,
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
  audit: AuditEntry,
): Op[] {
  const { put, update } = ops(tableName);
  const hash = hashState(after.content);
  const newDoc = documentKey(after.authority.uscc, after.content.kind, after.content.documentNumber);
  const taken = conflictOnly(() => documentNumberTaken(after.content.documentNumber));
  const claim = put(
    { ...newDoc, type: 'document-claim', recordId: after.id, contentHash: hash },
    // A retired claim (its record's number was corrected) gives the number up.
    { expression: 'attribute_not_exists(pk) OR retired = :retired', values: { ':retired': true } },
    taken,
  );
  const recordPut = before
    ? put(
        toItem(after, hash),
        { expression: 'revision = :revision', values: { ':revision': before.revision } },
        recordChanged,
      )
    : put(toItem(after, hash), IS_NEW, taken);
  const oldDoc =
    before && documentKey(before.authority.uscc, before.content.kind, before.content.documentNumber);
  return [
    { ...recordPut, metrics: recordMetrics(before, after) },
    auditOp(tableName, recordKey(after.id).pk, audit),
    // The claim keeps the content it was registered with, so sending the original again still
    // finds this record. A corrected number takes a new claim (which must be free) and retires
    // the old one: it still recognises the original registration but gives the number up.
    ...(!oldDoc
      ? [claim]
      : oldDoc.pk === newDoc.pk
        ? []
        : [claim, update(oldDoc, 'SET retired = :retired', { ':retired': true })]),
    // A revoked decision gives its number up too: a new decision under the same number is a
    // new record (the revoked one stays, with its history); the claim still recognises the
    // revoked decision itself if it is sent again.
    ...(isNewlyRevoked(before, after)
      ? [update(newDoc, 'SET retired = :retired', { ':retired': true })]
      : []),
    ...indexChanges(tableName, before ? derivedEntries(before) : [], derivedEntries(after)),
    // What the city's platform should hold of the record changed: push it (upstream).
    ...pushOps(tableName, before, after, audit.at),
  ];
}

/** What a record change counts: registered, published (late), corrected, revoked, ended. */
function recordMetrics(before: DisclosureRecord | undefined, after: DisclosureRecord): MetricCounts {
  const published = after.publication && !before?.publication;
  return {
    RecordsRegistered: before ? 0 : 1,
    RecordsPublished: published ? 1 : 0,
    RecordsPublishedLate: published && !after.publication?.onTime ? 1 : 0,
    RecordsCorrected: before && after.version > before.version ? 1 : 0,
    RecordsRevoked: after.status === 'revoked' && before?.status !== 'revoked' ? 1 : 0,
    PublicationsEnded: after.publicationEnd && !before?.publicationEnd ? 1 : 0,
  };
}

/** The feed entry a record change makes (none, or one), timed by its audit entry. */
export function feedOf(
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
  audit: AuditEntry,
): FeedDraft[] {
  const draft = feedChangeOf(before, after, new Date(audit.at));
  return draft ? [draft] : [];
}

/**
 * Writes all of `writes` in one transaction, or nothing; a failed condition is its op's
 * conflict. A transaction whose answer was lost counts as done if its audit entry is there.
 *
 * `feed`: the public changes this transaction makes. They are written pending in it, and
 * numbered in the feed before this returns (feed-items.ts), so whoever is told of the change
 * finds it in the feed. A numbering that cannot finish now is left to the `public-feed` sweep:
 * the change itself is committed and is not undone for it.
 */
export async function commit(
  store: Store,
  writes: readonly Op[],
  feed: readonly FeedDraft[] = [],
): Promise<void> {
  await commitOnce(store, [...writes, ...pendingFeedOps(store.tableName, feed)]);
  if (feed.length === 0 || store.feedNumbering === 'deferred') return;
  try {
    await sequenceFeed(store, { until: feed });
  } catch (error) {
    process.stderr.write(
      `${JSON.stringify({ level: 'WARN', message: 'feed numbering left to the public-feed sweep', error: String(error) })}\n`,
    );
  }
}

async function commitOnce({ client }: Store, writes: readonly Op[]): Promise<void> {
  if (writes.length > MAX_TRANSACTION_ITEMS) throw new TransactionTooLargeError(writes.length);
  await transactWrite(
    client,
    writes.map((w) => w.write),
    (failed) => {
      const first = failed.map((i) => writes[i]?.onConflict).find((f) => f !== undefined);
      return (first ?? recordChanged)();
    },
    writes.find((w) => w.witness)?.witness,
  );
  emitMetrics(sumCounts(writes.map((w) => w.metrics)));
}
