/**
 * `npm run import -- <file> [--force]`: loads a file written by `npm run export` into the
 * table of DATA_DIR (the same DynamoDB choice as `npm run sweep`), creating the table if
 * needed. It checks the whole file first and refuses one whose checksum or count does not
 * match; it refuses a table that already holds items unless --force (items of the file then
 * replace those with the same keys; others stay).
 */
import './quiet-sdk.ts';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { bulkLoad } from '../shared/store/bulk-loader.ts';
import type { Store } from '../shared/store/client.ts';
import { rebuildAllCounters } from '../shared/store/stats-repository.ts';
import { localConfigFromEnv } from './config.ts';
import { openDataDirStore } from './data-dir-store.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';
import { DamagedExportError, readItems, type Trailer, verifyExport } from './export-file.ts';

const USAGE = 'usage: npm run import -- <file> [--force]';

class UsageError extends Error {}

export class TableNotEmptyError extends Error {
  constructor(table: string) {
    super(
      `table ${table} already holds items; import into an empty DATA_DIR or table, or pass --force to load over them. Nothing was imported.`,
    );
    this.name = 'TableNotEmptyError';
  }
}

function parse(argv: string[]): { file: string; force: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { force: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1 || !positionals[0]) throw new UsageError('name one file to import');
    return { file: resolve(positionals[0]), force: values.force ?? false };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** Where an import writes: the low-level client (table administration) and the document store. */
export interface ImportTarget {
  readonly client: DynamoDBClient;
  readonly store: Store;
}

/**
 * Loads a checked export file into `target.store.tableName`, creating the table if needed;
 * refuses a table that already holds items unless `force`. Nothing is touched until the
 * whole file has been checked. Shared by `npm run import` and the restore drill.
 */
export async function importExport(
  target: ImportTarget,
  file: string,
  { force = false }: { force?: boolean } = {},
): Promise<{ trailer: Trailer; loaded: number; table: Awaited<ReturnType<typeof ensureTable>> }> {
  const trailer = await verifyExport(file);
  const { tableName } = target.store;
  const table = await ensureTable(target.client, tableName);
  const sample = await target.client.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
  if ((sample.Items ?? []).length > 0 && !force) throw new TableNotEmptyError(tableName);
  let loaded = 0;
  for await (const chunk of readItems(file, 1000)) {
    // Numbers stay exact (wrapNumbers), so each item is written back as it was read.
    loaded += await bulkLoad(
      target.store,
      chunk.map((item) => unmarshall(item, { wrapNumbers: true })),
    );
  }
  return { trailer, loaded, table };
}

async function main(): Promise<void> {
  const { file, force } = parse(process.argv.slice(2));
  // Nothing is touched until the whole file has been checked (again in importExport).
  await verifyExport(file);
  const opened = await openDataDirStore(localConfigFromEnv());
  try {
    const { trailer, loaded, table } = await importExport(opened, file, { force });
    // An export from before the statistics counters existed has none: count them afresh.
    const rebuilt = await rebuildAllCounters(opened.store, new Date());
    process.stdout.write(
      `imported ${loaded} items (exported from table ${trailer.table} at ${trailer.exportedAt}) into table ${opened.tableName} (${table}; DynamoDB: ${opened.source}); statistics counted afresh over ${rebuilt.months} months\n`,
    );
  } finally {
    await opened.close();
  }
}

// Run as `npm run import`; imported (by the restore drill), it only lends importExport.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`import: ${error.message}\n${USAGE}\n`);
    else if (
      error instanceof DamagedExportError ||
      error instanceof TableNotEmptyError ||
      error instanceof JavaMissingError
    )
      process.stderr.write(`import: ${error.message}\n`);
    else
      process.stderr.write(
        `import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
