import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { shanghaiDate } from '../domain/dates.ts';
import { lookupBigram, nameKey } from '../domain/records/name-search.ts';
import type { DocumentClaim, Page, PublicSearch, RecordStore } from '../domain/records/ports.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import type { RecordKind } from '../domain/records/vocabulary.ts';
import { batchGetAll } from './batch-get.ts';
import { commit, eventOps, feedOf, recordOps } from './changes.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { documentKey, fromItem, recordKey, worklistPartition } from './record-items.ts';
import { CounterContentionError, counterOps } from './stats-items.ts';

type Item = Record<string, unknown>;

export function recordRepository(store: Store): RecordStore {
  const { client, tableName } = store;
  async function query(input: Omit<QueryCommandInput, 'TableName'>) {
    return client.send(new QueryCommand({ TableName: tableName, ...input }));
  }

  async function getMany(ids: readonly string[]): Promise<DisclosureRecord[]> {
    const items = await batchGetAll(client, tableName, ids.map(recordKey));
    const found = new Map(items.map((item) => [item.id as string, fromItem(item)]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  return {
    async get(id) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: recordKey(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    getMany,

    async findByDocument(agency, kind, documentNumber): Promise<DocumentClaim | undefined> {
      const out = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: documentKey(agency, kind, documentNumber),
          ConsistentRead: true,
        }),
      );
      return out.Item
        ? {
            recordId: out.Item.recordId as string,
            contentHash: out.Item.contentHash as string,
            retired: out.Item.retired === true,
          }
        : undefined;
    },

    async create(record, audit, events = []) {
      await commitCounting(
        store,
        [
          ...recordOps(tableName, undefined, record, audit),
          ...eventOps(tableName, events),
          ...counterOps(tableName, undefined, record),
        ],
        feedOf(undefined, record, audit),
      );
    },

    async save(before, after, audit: AuditEntry, events = []) {
      await commitCounting(
        store,
        [
          ...recordOps(tableName, before, after, audit),
          ...eventOps(tableName, events),
          ...counterOps(tableName, before, after),
        ],
        feedOf(before, after, audit),
      );
    },

    async listForAgency({
      agency,
      status,
      dueBefore,
      dueAfter,
      limit,
      cursor,
    }): Promise<Page<DisclosureRecord>> {
      // The cursor is bound to the filters, not to the instants: `now` moves between pages.
      const shape = {
        agency,
        status,
        overdue: dueBefore !== undefined,
        ...(dueAfter === undefined ? {} : { upcoming: true }),
      };
      const pk = worklistPartition(agency, status);
      const start = decodeCursor(cursor, shape, (p) =>
        isStartKey(
          p,
          startKeyRules('gsi1', pk, (sk) => (!dueBefore || sk < dueBefore) && (!dueAfter || sk >= dueAfter)),
        ),
      );
      // Index keys are `dueAt#id`: `>= dueAfter` keeps what ends at that instant or later.
      const range =
        dueBefore && dueAfter
          ? ' AND gsi1sk BETWEEN :after AND :due'
          : dueBefore
            ? ' AND gsi1sk < :due'
            : dueAfter
              ? ' AND gsi1sk >= :after'
              : '';
      const out = await query({
        IndexName: 'gsi1',
        KeyConditionExpression: `gsi1pk = :pk${range}`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(dueBefore ? { ':due': dueBefore } : {}),
          ...(dueAfter ? { ':after': dueAfter } : {}),
        },
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      const items = (out.Items ?? []).map(fromItem);
      return { items, cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined };
    },

    async searchPublic(search): Promise<Page<DisclosureRecord>> {
      return searchPublicIndex(query, getMany, search);
    },

    countPublic: (search, cap) => countPublicIndex(query, search, cap),
  };
}

/** Tries of a record write whose only conflict was its counter item being busy. */
const COUNTER_TRIES = 5;

/**
 * Commits a record write that carries counter updates (placed last, so a failed condition of
 * the record itself is the conflict reported). Many writes of one agency in one month share a
 * counter item, and DynamoDB cancels a transaction that meets another on the same item
 * (TransactionConflict): nothing was written, so the same transaction is tried again after a
 * short random pause; its conditions still guard the record.
 */
async function commitCounting(
  store: Store,
  writes: Parameters<typeof commit>[1],
  feed: Parameters<typeof commit>[2],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commit(store, writes, feed);
    } catch (error) {
      if (!(error instanceof CounterContentionError) || attempt === COUNTER_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}

/**
 * Queries one page may make before it answers with what it has and a cursor. An unfiltered
 * search walks the years from this one back to 2004 (23 partitions, empty ones nearly free),
 * so it fits in one page instead of handing back a short page with a cursor.
 */
const MAX_QUERIES_PER_PAGE = 30;

/**
 * Answers a public search from the public index: one partition chosen by the most selective
 * filter given (USCC, then a bigram of the name, the agency, the kind, else each year from
 * the newest), the others applied as filters, newest decision first. Results are then read
 * from the records themselves, so an entry that went stale can never show what is not public.
 */
async function searchPublicIndex(
  query: (
    input: Omit<QueryCommandInput, 'TableName'>,
  ) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>,
  getMany: (ids: readonly string[]) => Promise<DisclosureRecord[]>,
  search: PublicSearch,
): Promise<Page<DisclosureRecord>> {
  const { cursor, limit, ...filters } = search;
  const plan = partitionsFor(filters);
  const range = dateRange(filters.from, filters.to);
  const start = decodeCursor(cursor, filters, ({ partition, key, ...rest }) => {
    const pk = typeof partition === 'number' ? plan.partitions[partition] : undefined;
    return (
      Object.keys(rest).length === 0 &&
      pk !== undefined &&
      // An empty key: the page ended before the partition was first read.
      (isStartKey(key, {}) || isStartKey(key, startKeyRules('table', pk, range.accepts)))
    );
  }) as { partition: number; key: Item } | undefined;
  const { expression, names, values } = filterExpression(filters, plan.filtered);

  const ids: string[] = [];
  let partition = start?.partition ?? 0;
  let startKey: Item | undefined = start?.key;
  let next: { partition: number; key: Item } | undefined;
  for (let queries = 0; partition < plan.partitions.length && ids.length < limit; queries++) {
    if (queries === MAX_QUERIES_PER_PAGE) {
      next = startKey ? { partition, key: startKey } : { partition, key: {} };
      break;
    }
    const out = await query({
      KeyConditionExpression: `pk = :pk${range.condition}`,
      ...(expression ? { FilterExpression: expression } : {}),
      ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
      ExpressionAttributeValues: { ':pk': plan.partitions[partition], ...range.values, ...values },
      ScanIndexForward: false,
      Limit: Math.max(limit * 2, 20),
      ...(startKey && Object.keys(startKey).length > 0 ? { ExclusiveStartKey: startKey } : {}),
    });
    const items = out.Items ?? [];
    for (const item of items) {
      ids.push(item.recordId as string);
      if (ids.length === limit) {
        next = { partition, key: { pk: item.pk, sk: item.sk } };
        break;
      }
    }
    if (next) break;
    if (out.LastEvaluatedKey) startKey = out.LastEvaluatedKey;
    else {
      partition++;
      startKey = undefined;
    }
  }
  const records = await getMany(ids);
  return {
    items: records.filter((r) => r.status === 'published'),
    cursor: next ? encodeCursor(filters, next) : undefined,
  };
}

/**
 * How many public index entries match a search: the search's own partitions and filters,
 * asked with Select COUNT, reading at most `cap` entries in all (Limit counts entries read,
 * before the filter). Exact when the entries ran out first; otherwise `capped`, with the
 * matches found so far. Index entries are small (about 200 bytes), so the count reads at
 * most about 200 KB once per search — the first page only (the use case asks no more).
 */
export async function countPublicIndex(
  query: (
    input: Omit<QueryCommandInput, 'TableName'>,
  ) => Promise<{ Count?: number; ScannedCount?: number; LastEvaluatedKey?: Item }>,
  search: Omit<PublicSearch, 'cursor' | 'limit'>,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  const plan = partitionsFor(search);
  const range = dateRange(search.from, search.to);
  const { expression, names, values } = filterExpression(search, plan.filtered);
  let total = 0;
  let read = 0;
  for (const pk of plan.partitions) {
    let startKey: Item | undefined;
    do {
      if (read >= cap || total >= cap) return { total: Math.min(total, cap), capped: true };
      const out = await query({
        Select: 'COUNT',
        KeyConditionExpression: `pk = :pk${range.condition}`,
        ...(expression ? { FilterExpression: expression } : {}),
        ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
        ExpressionAttributeValues: { ':pk': pk, ...range.values, ...values },
        Limit: cap - read,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      total += out.Count ?? 0;
      read += out.ScannedCount ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey);
  }
  return { total, capped: false };
}

type Filters = Omit<PublicSearch, 'cursor' | 'limit'>;
type Facet = 'uscc' | 'name' | 'agency' | 'kind';

function partitionsFor(filters: Filters): { partitions: string[]; filtered: Facet[] } {
  const all: Facet[] = ['uscc', 'name', 'agency', 'kind'];
  const rest = (used: Facet) => all.filter((f) => f !== used && filters[f] !== undefined);
  if (filters.uscc) return { partitions: [`PUB#USCC#${filters.uscc}`], filtered: rest('uscc') };
  if (filters.name) {
    const bigram = lookupBigram(filters.name);
    return { partitions: [`PUB#NAME#${bigram}`], filtered: [...rest('name'), 'name'] };
  }
  if (filters.agency) return { partitions: [`PUB#AGENCY#${filters.agency}`], filtered: rest('agency') };
  if (filters.kind) return { partitions: [`PUB#KIND#${filters.kind}`], filtered: rest('kind') };
  // No decision lies in the future (Asia/Shanghai), so the newest year to look in is this one.
  const newest = Number((filters.to ?? shanghaiDate(new Date())).slice(0, 4));
  const oldest = Number((filters.from ?? '2004').slice(0, 4));
  const years: string[] = [];
  for (let year = newest; year >= oldest; year--) years.push(`PUB#ALL#${year}`);
  return { partitions: years, filtered: [] };
}

function filterExpression(filters: Filters, facets: Facet[]) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Item = {};
  for (const facet of facets) {
    if (facet === 'name') {
      parts.push('contains(#nameKey, :nameKey)');
      names['#nameKey'] = 'nameKey';
      values[':nameKey'] = nameKey(filters.name ?? '');
    } else {
      parts.push(`#${facet} = :${facet}`);
      names[`#${facet}`] = facet;
      values[`:${facet}`] = filters[facet];
    }
  }
  return { expression: parts.join(' AND '), names, values };
}

/** The key condition on decision dates, and the sort keys it lets through (to check a cursor). */
function dateRange(from: string | undefined, to: string | undefined) {
  // Sort keys are `<decisionDate>#<id>`; '#' sorts before every id character and '~' after.
  const accepts = (sk: string) => (!from || sk >= from) && (!to || sk <= `${to}#~`);
  if (from && to)
    return {
      condition: ' AND sk BETWEEN :from AND :to',
      values: { ':from': from, ':to': `${to}#~` },
      accepts,
    };
  if (from) return { condition: ' AND sk >= :from', values: { ':from': from }, accepts };
  if (to) return { condition: ' AND sk <= :to', values: { ':to': `${to}#~` }, accepts };
  return { condition: '', values: {}, accepts };
}

export type { RecordKind };
