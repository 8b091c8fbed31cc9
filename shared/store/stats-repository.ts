import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDate } from '../domain/dates.ts';
import { EARLIEST_DECISION_YEAR } from '../domain/records/public-range.ts';
import { monthsBetween } from '../domain/stats/period.ts';
import { addCounts, type Counts, countsOf, type TimelinessFigures } from '../domain/stats/timeliness.ts';
import type { CountsPort } from '../domain/stats/use-cases.ts';
import type { Store } from './client.ts';
import { countsFromItem, countsItem, statsPartition } from './stats-items.ts';

export { monthsBetween };

type Item = Record<string, unknown>;

/** How many months are read at once (each is one Query of a partition of a few items). */
const MONTHS_AT_ONCE = 12;

async function queryAll(
  store: Store,
  input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
) {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await store.client.send(
      new QueryCommand({ TableName: store.tableName, ...input, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export function statsRepository(store: Store) {
  /** Timeliness figures of every record decided in `month` (the byDecision index: one item per record). */
  async function figuresOfMonth(month: string, from = `${month}-01`, to = `${month}-31`) {
    const items = await queryAll(store, {
      IndexName: 'byDecision',
      KeyConditionExpression: 'decpk = :pk AND decsk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': `DEC#${month}`, ':from': from, ':to': `${to}#~` },
    });
    return items.map((item) => item.st as TimelinessFigures);
  }

  /** The counters of every agency in each month: one partition of agencies' items per month. */
  const counts: CountsPort = async (months) => {
    const out: { agency: string; month: string; counts: Counts }[] = [];
    for (let i = 0; i < months.length; i += MONTHS_AT_ONCE) {
      const pages = await Promise.all(
        months.slice(i, i + MONTHS_AT_ONCE).map((month) =>
          queryAll(store, {
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': statsPartition(month) },
          }),
        ),
      );
      for (const item of pages.flat()) out.push(countsFromItem(item));
    }
    return out;
  };

  return {
    counts,

    /**
     * Figures of every record decided from `from` to `to`, read record by record: what the
     * counters must always add up to (the tests' reference), and the input of a rebuild.
     */
    async figures(from: string, to: string): Promise<TimelinessFigures[]> {
      const out: TimelinessFigures[] = [];
      for (const month of monthsBetween(from, to)) out.push(...(await figuresOfMonth(month, from, to)));
      return out;
    },

    /**
     * Recomputes the counters of one month from its records and writes them whole: the
     * backfill for records written before the counters existed, and the repair after an
     * import of an older export. It reads every record of the month, and a record write that
     * lands between its read and its write would be lost from the counters, so it is run on
     * a quiet table (an import, a maintenance window), never by the service itself.
     */
    async rebuildMonth(month: string): Promise<{ records: number; agencies: number }> {
      const figures = await figuresOfMonth(month);
      const byAgency = new Map<string, Counts>();
      for (const f of figures) byAgency.set(f.agency, addCounts(byAgency.get(f.agency) ?? {}, countsOf(f)));
      const existing = await queryAll(store, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': statsPartition(month) },
      });
      const written = new Set<string>();
      for (const [agency, c] of byAgency) {
        const item = countsItem(month, agency, c);
        written.add(item.sk as string);
        await store.client.send(new PutCommand({ TableName: store.tableName, Item: item }));
      }
      // Every other item of the month (other shards, agencies with no record left) goes.
      for (const item of existing) {
        if (!written.has(item.sk as string)) {
          await store.client.send(
            new DeleteCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }),
          );
        }
      }
      return { records: figures.length, agencies: byAgency.size };
    },
  };
}

export type StatsRepository = ReturnType<typeof statsRepository>;

/**
 * Rebuilds the counters of every month that can hold records, from the earliest decision
 * year to this month: the one-off backfill of a table written before the counters existed,
 * and what an import of an older export runs after loading (about 280 months, two queries
 * each, plus one read of every record).
 */
export async function rebuildAllCounters(
  store: Store,
  now: Date,
  onMonth: (month: string, done: { records: number; agencies: number }) => void = () => {},
): Promise<{ months: number; records: number }> {
  const repository = statsRepository(store);
  const months = monthsBetween(`${EARLIEST_DECISION_YEAR}-01`, shanghaiDate(now).slice(0, 7));
  let records = 0;
  for (const month of months) {
    const done = await repository.rebuildMonth(month);
    records += done.records;
    onMonth(month, done);
  }
  return { months: months.length, records };
}
