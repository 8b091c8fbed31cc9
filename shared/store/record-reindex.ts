import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { recordDeadlines } from '../domain/records/deadlines.ts';
import { monthsBetween } from '../domain/stats/period.ts';
import type { Store } from './client.ts';
import { deadlineEntry } from './deadline-items.ts';
import { entityIndexEntries } from './entity-index.ts';
import { personIndexEntries } from './person-index.ts';
import { fromItem, recordKey } from './record-items.ts';

type Item = Record<string, unknown>;

export interface Reindex {
  readonly records: number;
  /** Entries written: new ones, and deadlines whose instant moved. */
  readonly written: number;
  /** Records that changed while being read: their own write already derived their entries. */
  readonly skipped: number;
}

/**
 * Writes the open deadlines and the person-index entry of every record decided from `from` to
 * `to` as the rules derive them today. Every record write derives these entries, so a rule that
 * opens a new deadline for records already stored (the publication expiry that decisions before
 * 2019 and natural persons' penalties gained with 条例 第38条's cap), or a new index (persons'
 * own records), reaches them only through this backfill. Each entry is written in a
 * transaction that checks the record's revision, so a record changed meanwhile keeps what its
 * own write derived; a deadline the rules no longer open is left for the sweep, which drops an
 * entry its record does not have open.
 */
export async function reindexRecords(
  store: Store,
  range: { from: string; to: string },
  onMonth: (month: string, done: Reindex) => void = () => {},
): Promise<Reindex> {
  const total = { records: 0, written: 0, skipped: 0 };
  for (const month of monthsBetween(range.from.slice(0, 7), range.to.slice(0, 7))) {
    const done = { records: 0, written: 0, skipped: 0 };
    for (const id of await recordIdsDecided(store, month, range)) {
      const got = await store.client.send(new GetCommand({ TableName: store.tableName, Key: recordKey(id) }));
      if (!got.Item) continue;
      done.records++;
      const outcome = await writeEntries(store, got.Item);
      done.written += outcome.written;
      if (outcome.skipped) done.skipped++;
    }
    for (const key of ['records', 'written', 'skipped'] as const) total[key] += done[key];
    onMonth(month, done);
  }
  return total;
}

async function recordIdsDecided(store: Store, month: string, range: { from: string; to: string }) {
  const ids: string[] = [];
  let start: Item | undefined;
  do {
    const page = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'byDecision',
        KeyConditionExpression: 'decpk = :pk AND decsk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `DEC#${month}`, ':from': range.from, ':to': `${range.to}#~` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.decsk).split('#')[1] ?? '');
    start = page.LastEvaluatedKey;
  } while (start);
  return ids.filter((id) => id !== '');
}

/** An entry to write unless the same one is there: a deadline by its instant, an index entry at all. */
interface Derived {
  readonly item: Item;
  readonly unlessPresent: { readonly ConditionExpression: string; readonly ExpressionAttributeValues?: Item };
}

function derivedOf(record: ReturnType<typeof fromItem>): Derived[] {
  const pk = recordKey(record.id).pk;
  return [
    ...recordDeadlines(record).map((deadline) => ({
      item: deadlineEntry(pk, record.id, deadline).item,
      unlessPresent: {
        ConditionExpression: 'attribute_not_exists(pk) OR dueAt <> :dueAt',
        ExpressionAttributeValues: { ':dueAt': deadline.dueAt },
      },
    })),
    ...[...personIndexEntries(record), ...entityIndexEntries(record)].map((entry) => ({
      item: entry.item,
      unlessPresent: { ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
}

async function writeEntries(store: Store, item: Item): Promise<{ written: number; skipped: boolean }> {
  const record = fromItem(item);
  let written = 0;
  for (const entry of derivedOf(record)) {
    try {
      await store.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: store.tableName,
                Key: recordKey(record.id),
                ConditionExpression: 'revision = :revision',
                ExpressionAttributeValues: { ':revision': record.revision },
              },
            },
            { Put: { TableName: store.tableName, Item: entry.item, ...entry.unlessPresent } },
          ],
        }),
      );
      written++;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [revision, entryCheck] = error.CancellationReasons ?? [];
      if (revision?.Code === 'ConditionalCheckFailed') return { written, skipped: true };
      if (entryCheck?.Code !== 'ConditionalCheckFailed') throw error;
    }
  }
  return { written, skipped: false };
}
