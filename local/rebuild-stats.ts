/**
 * `npx tsx local/rebuild-stats.ts [--month YYYY-MM]`: recomputes the timeliness counters
 * (shared/store/stats-items.ts) from the records, for one month or for every month that can
 * hold records, on the table of DATA_DIR (the same DynamoDB choice as `npm run import`).
 * The one-off backfill for a table written before the counters existed; run it while no
 * records are being written (a record write between its read and its write of a month would
 * be missing from that month's counters until the next rebuild).
 */
import './quiet-sdk.ts';
import { parseArgs } from 'node:util';
import { rebuildAllCounters, statsRepository } from '../shared/store/stats-repository.ts';
import { localConfigFromEnv } from './config.ts';
import { openDataDirStore } from './data-dir-store.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';

const USAGE = 'usage: npx tsx local/rebuild-stats.ts [--month YYYY-MM]';

class UsageError extends Error {}

function parse(argv: string[]): { month: string | undefined } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { month: { type: 'string' } } });
    if (positionals.length > 0) throw new UsageError('no positional arguments');
    if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month))
      throw new UsageError(`--month ${values.month}: not a month, e.g. 2026-10`);
    return { month: values.month };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

async function main(): Promise<void> {
  const { month } = parse(process.argv.slice(2));
  const opened = await openDataDirStore(localConfigFromEnv());
  try {
    // As the import does: a DATA_DIR without the table gets an empty one (nothing to count).
    await ensureTable(opened.client, opened.tableName);
    if (month) {
      const done = await statsRepository(opened.store).rebuildMonth(month);
      process.stdout.write(`${month}: ${done.records} records, ${done.agencies} agencies\n`);
      return;
    }
    const all = await rebuildAllCounters(opened.store, new Date(), (m, done) => {
      if (done.records > 0)
        process.stdout.write(`${m}: ${done.records} records, ${done.agencies} agencies\n`);
    });
    process.stdout.write(`rebuilt ${all.months} months, ${all.records} records\n`);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`rebuild-stats: ${error.message}\n${USAGE}\n`);
  else if (error instanceof JavaMissingError) process.stderr.write(`rebuild-stats: ${error.message}\n`);
  else
    process.stderr.write(
      `rebuild-stats: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(error instanceof UsageError ? 2 : 1);
});
