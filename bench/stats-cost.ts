/**
 * What one `GET /v1/stats/timeliness` reads, in DynamoDB's own ConsumedCapacity and
 * ScannedCount, with N and then 10·N records decided in its period: the counters kept per
 * agency and month make it the same, where reading every record grew tenfold. The seeding
 * writes records with the bulk loader and then the counters with the backfill
 * (`rebuildMonth`, which adds up `countsOf` of each record, as every record transaction
 * does), and registers a few records through the use case, so both ways of writing counters
 * are in the data; each phase checks the counters against a full count before measuring.
 *
 * `npx tsx bench/stats-cost.ts [--quick]` runs it alone on a stack of its own.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Actor } from '../shared/domain/audit.ts';
import { calendarYearsFrom } from '../shared/domain/calendar/use-cases.ts';
import { addDays } from '../shared/domain/dates.ts';
import { makeRecordUseCases } from '../shared/domain/records/use-cases.ts';
import { monthsBetween } from '../shared/domain/stats/period.ts';
import { timelinessByAgency } from '../shared/domain/stats/timeliness.ts';
import { makeStatsUseCases } from '../shared/domain/stats/use-cases.ts';
import { MAX_STATS_MONTHS } from '../shared/schemas/oversight.ts';
import { calendarRepository } from '../shared/store/calendar-repository.ts';
import { meterReads } from '../shared/store/capacity-meter.ts';
import type { Store } from '../shared/store/client.ts';
import { recordRepository } from '../shared/store/record-repository.ts';
import { statsRepository } from '../shared/store/stats-repository.ts';
import { loadRecords, seedWorld } from './seed.ts';

/** The period asked for: the year the seed's decisions fall in. */
const PERIOD = { from: '2026-01-01', to: '2026-12-31' } as const;
/** The instant the figures are taken at (pending and overdue depend on it). */
const AS_OF = new Date('2026-11-25T10:00:00+08:00');
/** Records registered through the use case in each phase, on top of the bulk-loaded ones. */
const THROUGH_USE_CASE = 20;

export interface StatsCallCost {
  readonly records: number;
  readonly read_units: number;
  /** Items DynamoDB read (ScannedCount summed over the queries). */
  readonly items_read: number;
  readonly queries: number;
  readonly ms: number;
}

export interface StatsCost {
  readonly small: StatsCallCost & { readonly full_scan: StatsCallCost };
  readonly large: StatsCallCost & { readonly full_scan: StatsCallCost };
}

/** Adds up ScannedCount of every Query the client sends (the capacity meter counts units). */
function meterItems(store: Store) {
  let items = 0;
  let queries = 0;
  store.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        queries++;
        items += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'statsItemMeter', override: true },
  );
  return {
    read: () => ({ items, queries }),
    reset: () => {
      items = 0;
      queries = 0;
    },
  };
}

/**
 * Seeds `sizes.small` records, measures, adds records up to `sizes.large`, measures again.
 * `store` writes, `metered` (a client of its own: the meters hook into it) reads.
 */
export async function measureStatsCost(
  store: Store,
  metered: Store,
  sizes: { small: number; large: number } = { small: 2_000, large: 20_000 },
): Promise<StatsCost> {
  const world = seedWorld(20261204);
  const units = meterReads(metered.client);
  const items = meterItems(metered);
  const stats = makeStatsUseCases({
    counts: statsRepository(metered).counts,
    clock: () => AS_OF,
    maxMonths: MAX_STATS_MONTHS,
  });
  const records = makeRecordUseCases({
    records: recordRepository(store),
    calendarYears: calendarYearsFrom(calendarRepository(store)),
    clock: () => AS_OF,
  });
  const months = monthsBetween(PERIOD.from, PERIOD.to);
  let total = 0;

  const phase = async (count: number) => {
    await loadRecords(store, count - THROUGH_USE_CASE, () => world.background());
    const rebuild = statsRepository(store);
    for (const month of months) await rebuild.rebuildMonth(month);
    for (let i = 0; i < THROUGH_USE_CASE; i++) {
      const agency = world.agencies[i % world.agencies.length] as string;
      const actor: Actor = { role: 'agency', id: agency };
      await records.register({ uscc: agency }, world.penaltyInput(addDays('2026-11-10', i % 10)), {
        publish: i % 3 !== 0,
        actor,
      });
    }
    total += count;

    const measure = async <T>(work: () => Promise<T>): Promise<[T, StatsCallCost]> => {
      units.reset();
      items.reset();
      const started = performance.now();
      const out = await work();
      const ms = performance.now() - started;
      const { items: read, queries } = items.read();
      return [
        out,
        { records: total, read_units: units.readUnits(), items_read: read, queries, ms: Math.round(ms) },
      ];
    };
    const [report, cost] = await measure(() => stats.timeliness(PERIOD));
    const [figures, fullScan] = await measure(() => statsRepository(metered).figures(PERIOD.from, PERIOD.to));
    const expected = timelinessByAgency(figures, AS_OF);
    if (JSON.stringify(report.agencies) !== JSON.stringify(expected))
      throw new Error('the counters do not add up to the full count of the records');
    if (figures.length !== total) throw new Error(`${figures.length} records in the period, ${total} seeded`);
    return { ...cost, full_scan: fullScan };
  };

  const small = await phase(sizes.small);
  const large = await phase(sizes.large - sizes.small);
  return { small, large };
}

/** The figures bench/results.json keeps: read units of one call at both sizes, and their ratio. */
export function statsCostFigures(cost: StatsCost) {
  return {
    stats_read_units_small: cost.small.read_units,
    stats_read_units_large: cost.large.read_units,
    stats_read_ratio:
      cost.small.read_units === 0 ? Number.NaN : cost.large.read_units / cost.small.read_units,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const { startStack } = await import('./stack.ts');
  const stack = await startStack();
  try {
    const sizes = values.quick ? { small: 200, large: 2_000 } : { small: 2_000, large: 20_000 };
    const cost = await measureStatsCost(stack.store(), stack.store(), sizes);
    process.stdout.write(`${JSON.stringify({ ...statsCostFigures(cost), ...cost }, null, 2)}\n`);
  } finally {
    await stack.stop();
  }
}
