import { createHash } from 'node:crypto';
import { ConflictError } from '../domain/errors.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import { addCounts, type Counts, countsOf, figuresOf, monthOf } from '../domain/stats/timeliness.ts';
import type { Op } from './changes.ts';

/*
 * Item layout of the timeliness counters (a few items per agency and month of decision):
 *   STATS#<YYYY-MM> / AGENCY#<agency USCC>#<shard>
 *     type 'stats', month, agency, and one number attribute per counter: `c:<name>` for the
 *     counter names of domain/stats/timeliness.ts (`c:registered`, `c:due:<instant>`, …).
 * Every record write adds its change to the counters with ADD in the same transaction
 * (never read-modify-write), so a statistics call reads one partition per month.
 */

type Item = Record<string, unknown>;

export const statsPartition = (month: string) => `STATS#${month}`;

/**
 * Each agency-month's counters are spread over this many items, a record always adding to
 * the same one (by its id). DynamoDB cancels a transaction that meets another on the same
 * item, and a batch registers rows of one agency and month several at a time: on one item
 * they would take turns through retries. A statistics call reads every shard, so it still
 * reads agencies × months × shards items, whatever the number of records.
 */
export const COUNTER_SHARDS = 8;
export const counterShardOf = (recordId: string) =>
  (createHash('sha256').update(recordId).digest()[0] ?? 0) % COUNTER_SHARDS;

export const statsKey = (month: string, agency: string, shard: number) => ({
  pk: statsPartition(month),
  sk: `AGENCY#${agency}#${shard}`,
});

const COUNTER = 'c:';

/** Another transaction held the counter item (DynamoDB's TransactionConflict): nothing was written. */
export class CounterContentionError extends ConflictError {
  constructor() {
    super({
      code: 'record_changed',
      messages: {
        zh: '统计计数正被同时更新，请稍后再试',
        en: 'the statistics counters were being updated at the same moment; try again',
      },
    });
  }
}

interface Contribution {
  readonly month: string;
  readonly agency: string;
  readonly counts: Counts;
}

const contributionOf = (record: DisclosureRecord | undefined): Contribution | undefined =>
  record && { month: monthOf(record), agency: record.authority.uscc, counts: countsOf(figuresOf(record)) };

/**
 * How a record change moves the counters: per counter item, the counts to add (negative to
 * take away). A correction that moves the decision to another month, or a revocation, takes
 * the record out of one item (and into another); a change that moves nothing gives nothing.
 */
export function counterChanges(
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
): { month: string; agency: string; shard: number; delta: Counts }[] {
  const shard = counterShardOf(after.id);
  const byItem = new Map<string, { month: string; agency: string; shard: number; delta: Counts }>();
  const apply = (c: Contribution | undefined, sign: 1 | -1) => {
    if (!c) return;
    const key = `${c.month}\u0000${c.agency}`;
    const entry = byItem.get(key) ?? { month: c.month, agency: c.agency, shard, delta: {} };
    byItem.set(key, { ...entry, delta: addCounts(entry.delta, c.counts, sign) });
  };
  apply(contributionOf(before), -1);
  apply(contributionOf(after), 1);
  return [...byItem.values()].filter((c) => Object.keys(c.delta).length > 0);
}

/**
 * One transaction write per counter item that changes: `ADD` of each counter's delta. Its
 * conflict is the counter item being held by another transaction, which the record
 * repository answers by trying the whole transaction again.
 */
export function counterOps(
  tableName: string,
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
): Op[] {
  return counterChanges(before, after).map(({ month, agency, shard, delta }) => {
    const names: Record<string, string> = { '#type': 'type', '#month': 'month', '#agency': 'agency' };
    const values: Item = { ':type': 'stats', ':month': month, ':agency': agency };
    const adds = Object.entries(delta).map(([name, n], i) => {
      names[`#c${i}`] = `${COUNTER}${name}`;
      values[`:c${i}`] = n;
      return `#c${i} :c${i}`;
    });
    return {
      write: {
        Update: {
          TableName: tableName,
          Key: statsKey(month, agency, shard),
          UpdateExpression: `SET #type = :type, #month = :month, #agency = :agency ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConflict: () => new CounterContentionError(),
    };
  });
}

/** The whole counts of an agency and month in one item (its first shard), as a rebuild writes them. */
export function countsItem(month: string, agency: string, counts: Counts): Item {
  const item: Item = { ...statsKey(month, agency, 0), type: 'stats', month, agency };
  for (const [name, n] of Object.entries(counts)) item[`${COUNTER}${name}`] = n;
  return item;
}

export function countsFromItem(item: Item): Contribution {
  const counts: Record<string, number> = {};
  for (const [attribute, value] of Object.entries(item)) {
    // Counters that came back to zero stay as attributes; they count for nothing.
    if (attribute.startsWith(COUNTER) && Number(value) !== 0)
      counts[attribute.slice(COUNTER.length)] = Number(value);
  }
  return { month: item.month as string, agency: item.agency as string, counts };
}
