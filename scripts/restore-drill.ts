/**
 * `npm run restore-drill`: proves that a copy of the table can be restored and trusted
 * (opinion (十七), 容灾备份). Steps are in docs/restore-drill.md.
 *
 *   npm run restore-drill [-- --restore-table <name>] [--file <export.ndjson>] [--keep]
 *
 *     The whole drill on the table of DATA_DIR (the same DynamoDB choice as `npm run export`):
 *     export it → import the file into a NEW table (it must not exist) → run the audit
 *     verification on the new table → compare its item counts, type by type, with the export.
 *     The new table is dropped afterwards unless --keep, or unless the drill failed.
 *
 *   npm run restore-drill -- --restored-table <name> --source-export <file|dir> [--aws]
 *
 *     Only the checks, on a table restored some other way — on AWS from a recovery point of
 *     the backup vault or from point-in-time recovery — against an export of the source taken
 *     at the same moment: a file of `npm run export`, or the folder of a DynamoDB export to S3
 *     (DYNAMODB_JSON, its data/*.json.gz). --aws reaches DynamoDB with the usual AWS
 *     credentials and region (AWS_PROFILE, AWS_REGION) instead of DynamoDB Local.
 *
 * Prints one JSON summary on stdout. Exit 0: every chain verified and every count equal;
 * 1: a problem, a difference, or a step that failed; 2: wrong arguments.
 */
import '../local/quiet-sdk.ts';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import {
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { localConfigFromEnv } from '../local/config.ts';
import { openDataDirStore } from '../local/data-dir-store.ts';
import { exportTable } from '../local/export.ts';
import { type RawItem, readItems, verifyExport } from '../local/export-file.ts';
import { importExport } from '../local/import.ts';
import { type ChainProblem, chainProblems } from '../shared/domain/audit-verification.ts';
import { auditRepository } from '../shared/store/audit-repository.ts';
import { createDocumentClient, type Store } from '../shared/store/client.ts';

const USAGE = [
  'usage: npm run restore-drill [-- --restore-table <name>] [--file <export.ndjson>] [--keep]',
  '       npm run restore-drill -- --restored-table <name> --source-export <file|dir> [--aws]',
].join('\n');

class UsageError extends Error {}

type Counts = Record<string, number>;

/** One DynamoDB to work in: the low-level client for tables, the document client for the repositories. */
interface Db {
  readonly client: DynamoDBClient;
  readonly document: Store['client'];
  readonly source: string;
  close(): Promise<void>;
}

/**
 * The kind of an item: its `type` attribute where the layout has one, else the prefixes of
 * its keys (`IDEM#…` / `IDEM` → `IDEM/IDEM`), which name the layout just as well.
 */
export function kindOf(item: RawItem): string {
  const type = item.type?.S;
  if (type) return type;
  const prefix = (key: string) => (item[key]?.S ?? '?').split('#')[0];
  return `${prefix('pk')}/${prefix('sk')}`;
}

const add = (counts: Counts, kind: string) => {
  counts[kind] = (counts[kind] ?? 0) + 1;
};

/** Every file of a DynamoDB export to S3 that holds items (data/*.json.gz), under `dir`. */
function dataFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json.gz'))
    .sort()
    .map((name) => join(dir, name));
}

/** `itemCount` of a DynamoDB export's manifest-summary.json under `dir`, if there is one. */
function manifestCount(dir: string): number | undefined {
  const summary = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((name) =>
    name.endsWith('manifest-summary.json'),
  );
  if (!summary) return undefined;
  const parsed = JSON.parse(readFileSync(join(dir, summary), 'utf8')) as { itemCount?: unknown };
  return typeof parsed.itemCount === 'number' ? parsed.itemCount : undefined;
}

/**
 * The counts of the source, from its export: a checked `npm run export` file (checksum and
 * count), or a DynamoDB export folder (its lines against its manifest's item count).
 */
async function exportCounts(path: string): Promise<{ counts: Counts; items: number; exportedAt?: string }> {
  const counts: Counts = {};
  let items = 0;
  if (statSync(path).isDirectory()) {
    const files = dataFiles(path);
    if (files.length === 0) throw new Error(`${path} holds no data/*.json.gz of a DynamoDB export`);
    for (const file of files) {
      const lines = createInterface({
        input: createReadStream(file).pipe(createGunzip()),
        crlfDelay: Infinity,
      });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        const item = (JSON.parse(line) as { Item?: RawItem }).Item;
        if (!item) throw new Error(`${file}: a line that is not an item`);
        add(counts, kindOf(item));
        items++;
      }
    }
    const expected = manifestCount(path);
    if (expected !== undefined && expected !== items)
      throw new Error(
        `${path} holds ${items} items, its manifest says ${expected}: the download is incomplete`,
      );
    return { counts, items };
  }
  const trailer = await verifyExport(path);
  for await (const chunk of readItems(path, 1000))
    for (const item of chunk) {
      add(counts, kindOf(item));
      items++;
    }
  return { counts, items, exportedAt: trailer.exportedAt };
}

/** The counts of a table, by a Scan of its keys and types only. */
async function tableCounts(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ counts: Counts; items: number }> {
  const counts: Counts = {};
  let items = 0;
  let start: RawItem | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: 'pk, sk, #type',
        ExpressionAttributeNames: { '#type': 'type' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      add(counts, kindOf(item));
      items++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { counts, items };
}

/** Every audit chain of the table, checked as `GET /v1/admin/audit/verify` checks them. */
async function verifyChains(store: Store): Promise<{ chains: number; problems: ChainProblem[] }> {
  const audit = auditRepository(store);
  const problems: ChainProblem[] = [];
  let chains = 0;
  let cursor: string | undefined;
  do {
    const page = await audit.chains(100, cursor);
    chains += page.snapshots.length;
    problems.push(...page.snapshots.flatMap(chainProblems));
    cursor = page.cursor;
  } while (cursor);
  return { chains, problems };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

interface Options {
  readonly restoreTable?: string | undefined;
  readonly file?: string | undefined;
  readonly keep: boolean;
  readonly restoredTable?: string | undefined;
  readonly sourceExport?: string | undefined;
  readonly aws: boolean;
}

function parse(argv: string[]): Options {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        'restore-table': { type: 'string' },
        file: { type: 'string' },
        keep: { type: 'boolean' },
        'restored-table': { type: 'string' },
        'source-export': { type: 'string' },
        aws: { type: 'boolean' },
      },
      allowPositionals: false,
    });
    const options: Options = {
      restoreTable: values['restore-table'],
      file: values.file,
      keep: values.keep === true,
      restoredTable: values['restored-table'],
      sourceExport: values['source-export'],
      aws: values.aws === true,
    };
    const checkOnly = options.restoredTable !== undefined || options.sourceExport !== undefined;
    if (checkOnly && !(options.restoredTable && options.sourceExport))
      throw new UsageError('--restored-table and --source-export go together');
    if (checkOnly && (options.restoreTable || options.file || options.keep))
      throw new UsageError(
        '--restore-table, --file and --keep belong to the whole drill, not to the checks alone',
      );
    if (options.aws && !checkOnly)
      throw new UsageError('--aws checks a table restored on AWS: give --restored-table and --source-export');
    return options;
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** The DynamoDB of AWS (credentials and region from the environment), for --aws. */
function awsDb(): Db {
  const client = new DynamoDBClient({});
  const document = createDocumentClient({});
  return {
    client,
    document,
    source: 'AWS',
    async close() {
      client.destroy();
      document.destroy();
    },
  };
}

interface Summary {
  drill: 'restore';
  ok: boolean;
  mode: 'export-import' | 'check-restored';
  seconds: number;
  source: { table?: string; export: string; exportedAt?: string; items: number };
  restored: { table: string; dynamodb: string; items: number; kept: boolean };
  audit: { chains: number; problems: ChainProblem[] };
  counts: Record<string, { source: number; restored: number }>;
  differences: { kind: string; source: number; restored: number }[];
}

/** The checks of both modes: the restored table against the source's export. */
async function check(db: Db, restoredTable: string, exported: string) {
  const [source, restored, audit] = await Promise.all([
    exportCounts(exported),
    tableCounts(db.client, restoredTable),
    verifyChains({ client: db.document, tableName: restoredTable }),
  ]);
  const kinds = [...new Set([...Object.keys(source.counts), ...Object.keys(restored.counts)])].sort();
  const counts = Object.fromEntries(
    kinds.map((kind) => [kind, { source: source.counts[kind] ?? 0, restored: restored.counts[kind] ?? 0 }]),
  );
  const differences = Object.entries(counts)
    .filter(([, count]) => count.source !== count.restored)
    .map(([kind, count]) => ({ kind, ...count }));
  return {
    source,
    restored,
    audit,
    counts,
    differences,
    ok: audit.problems.length === 0 && differences.length === 0,
  };
}

async function run(options: Options): Promise<Summary> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;

  if (options.restoredTable && options.sourceExport) {
    const exported = resolve(options.sourceExport);
    const db = options.aws ? awsDb() : await dataDirDb();
    try {
      const result = await check(db, options.restoredTable, exported);
      return {
        drill: 'restore',
        ok: result.ok,
        mode: 'check-restored',
        seconds: seconds(),
        source: {
          export: exported,
          ...(result.source.exportedAt ? { exportedAt: result.source.exportedAt } : {}),
          items: result.source.items,
        },
        // Not made by the drill, so never dropped by it.
        restored: {
          table: options.restoredTable,
          dynamodb: db.source,
          items: result.restored.items,
          kept: true,
        },
        audit: result.audit,
        counts: result.counts,
        differences: result.differences,
      };
    } finally {
      await db.close();
    }
  }

  const opened = await openDataDirStore(localConfigFromEnv());
  const ownFile = options.file === undefined;
  const dir = ownFile ? mkdtempSync(join(tmpdir(), 'disclosure-restore-drill-')) : undefined;
  const file = options.file ? resolve(options.file) : join(dir ?? '', 'export.ndjson');
  try {
    const restoreTable = options.restoreTable ?? `${opened.tableName}-restore-drill-${stamp(new Date())}`;
    if (restoreTable === opened.tableName)
      throw new Error(`the restore table must not be the source table (${opened.tableName})`);
    if (await tableExists(opened.client, restoreTable))
      throw new Error(`table ${restoreTable} already exists: a drill restores into a new table only`);

    await exportTable(opened.client, opened.tableName, file);
    const target = { client: opened.client, store: { client: opened.store.client, tableName: restoreTable } };
    await importExport(target, file);
    const db: Db = {
      client: opened.client,
      document: opened.store.client,
      source: opened.source,
      close: async () => {},
    };
    const result = await check(db, restoreTable, file);
    const { ok } = result;
    // A failed drill keeps its table and file, to be looked into.
    const kept = options.keep || !ok;
    if (!kept) await opened.client.send(new DeleteTableCommand({ TableName: restoreTable }));
    if (ok && dir) rmSync(dir, { recursive: true, force: true });
    return {
      drill: 'restore',
      ok,
      mode: 'export-import',
      seconds: seconds(),
      source: {
        table: opened.tableName,
        export: ok && ownFile ? '(removed)' : file,
        ...(result.source.exportedAt ? { exportedAt: result.source.exportedAt } : {}),
        items: result.source.items,
      },
      restored: { table: restoreTable, dynamodb: opened.source, items: result.restored.items, kept },
      audit: result.audit,
      counts: result.counts,
      differences: result.differences,
    };
  } finally {
    await opened.close();
  }
}

/** The DynamoDB of DATA_DIR (running server, DYNAMODB_ENDPOINT or DynamoDB Local on DATA_DIR). */
async function dataDirDb(): Promise<Db> {
  const opened = await openDataDirStore(localConfigFromEnv());
  return { client: opened.client, document: opened.store.client, source: opened.source, close: opened.close };
}

/** 2026-12-04T14:05:06.789Z → 20261204T140506Z: a table-name-safe instant. */
const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`restore-drill: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  run(options)
    .then((summary) => {
      print(summary);
      process.exit(summary.ok ? 0 : 1);
    })
    .catch((error: unknown) => {
      print({ drill: 'restore', ok: false, error: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    });
}
