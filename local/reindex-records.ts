/**
 * `npm run records:reindex [-- --from YYYY-MM-DD] [--to YYYY-MM-DD]`: writes the open
 * deadlines and person-index entries of every record decided in the range (default: all) as
 * the rules derive them today, on the table of DATA_DIR (the same DynamoDB choice as `npm run
 * import`). The backfill after a rule opens a deadline or an index for records already stored,
 * such as the publication expiry that decisions before 2019-07-01 gained with the five-year cap,
 * or persons' own lists (shared/store/record-reindex.ts). Safe while the service runs: a record
 * changed meanwhile keeps what its own write derived.
 */
import './quiet-sdk.ts';
import { parseArgs } from 'node:util';
import { isIsoDate, shanghaiDate } from '../shared/domain/dates.ts';
import { EARLIEST_DECISION_YEAR } from '../shared/domain/records/public-range.ts';
import { reindexRecords } from '../shared/store/record-reindex.ts';
import { localConfigFromEnv } from './config.ts';
import { openDataDirStore } from './data-dir-store.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';

const USAGE = 'usage: npm run records:reindex [-- --from YYYY-MM-DD] [--to YYYY-MM-DD]';

class UsageError extends Error {}

function parse(argv: string[]): { from: string; to: string } {
  let values: { from?: string | undefined; to?: string | undefined };
  try {
    const parsed = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } } });
    if (parsed.positionals.length > 0) throw new UsageError('no positional arguments');
    values = parsed.values;
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
  const from = values.from ?? `${EARLIEST_DECISION_YEAR}-01-01`;
  const to = values.to ?? shanghaiDate(new Date());
  for (const [flag, date] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!isIsoDate(date)) throw new UsageError(`${flag} ${date}: not a date, e.g. 2019-06-30`);
  }
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

async function main(): Promise<void> {
  const range = parse(process.argv.slice(2));
  const opened = await openDataDirStore(localConfigFromEnv());
  try {
    await ensureTable(opened.client, opened.tableName);
    const total = await reindexRecords(opened.store, range, (month, done) => {
      if (done.records > 0)
        process.stdout.write(
          `${month}: ${done.records} records, ${done.written} entries written, ${done.skipped} changed meanwhile\n`,
        );
    });
    process.stdout.write(
      `${range.from} to ${range.to}: ${total.records} records, ${total.written} entries written, ${total.skipped} changed meanwhile\n`,
    );
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`reindex-records: ${error.message}\n${USAGE}\n`);
  else if (error instanceof JavaMissingError) process.stderr.write(`reindex-records: ${error.message}\n`);
  else
    process.stderr.write(
      `reindex-records: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(error instanceof UsageError ? 2 : 1);
});
