/**
 * `npm run export -- <file>`: writes every item of the table of DATA_DIR to <file> as NDJSON
 * with a checksum (the format: local/export-file.ts). It uses the DynamoDB of a server
 * running on the same DATA_DIR, else DYNAMODB_ENDPOINT, else starts DynamoDB Local on
 * DATA_DIR. A Scan reads the table: this is an offline admin tool, not a request path.
 */
import './quiet-sdk.ts';
import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DynamoDBClient, ResourceNotFoundException, ScanCommand } from '@aws-sdk/client-dynamodb';
import { localConfigFromEnv } from './config.ts';
import { openDataDirStore } from './data-dir-store.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { EXPORT_FORMAT, itemLine, type RawItem, type Trailer, trailerLine } from './export-file.ts';

const USAGE = 'usage: npm run export -- <file>';

class UsageError extends Error {}

/** The table to export does not exist. */
export class NoTableError extends Error {
  constructor(table: string, source?: string) {
    super(`there is no table ${table}${source ? ` (DynamoDB: ${source})` : ''}; nothing to export`);
    this.name = 'NoTableError';
  }
}

/**
 * Writes every item of `tableName` to `file` (the format of local/export-file.ts) and returns
 * its trailer. Only a complete file takes the name: an interrupted export leaves no file that
 * looks whole. Shared by `npm run export` and the restore drill (scripts/restore-drill.ts).
 */
export async function exportTable(client: DynamoDBClient, tableName: string, file: string): Promise<Trailer> {
  const partial = `${file}.partial`;
  try {
    const out = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
    const closed = new Promise<void>((done, fail) => {
      out.once('finish', done);
      out.once('error', fail);
    });
    const write = async (text: string) => {
      if (!out.write(text)) await new Promise<void>((drained) => out.once('drain', () => drained()));
    };
    const hash = createHash('sha256');
    let count = 0;
    let start: RawItem | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) {
        const line = itemLine(item);
        hash.update(line);
        count++;
        await write(line);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    const trailer: Trailer = {
      format: EXPORT_FORMAT,
      table: tableName,
      exportedAt: new Date().toISOString(),
      count,
      sha256: hash.digest('hex'),
    };
    out.end(trailerLine(trailer));
    await closed;
    renameSync(partial, file);
    return trailer;
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ResourceNotFoundException) throw new NoTableError(tableName);
    throw error;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0] || args[0].startsWith('-'))
    throw new UsageError('name one file to write');
  const file = resolve(args[0]);
  const opened = await openDataDirStore(localConfigFromEnv());
  try {
    const { count } = await exportTable(opened.client, opened.tableName, file).catch((error: unknown) => {
      throw error instanceof NoTableError ? new NoTableError(opened.tableName, opened.source) : error;
    });
    process.stdout.write(
      `exported ${count} items of table ${opened.tableName} (DynamoDB: ${opened.source}) to ${file}\n`,
    );
  } finally {
    await opened.close();
  }
}

// Run as `npm run export`; imported (by the restore drill), it only lends exportTable.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`export: ${error.message}\n${USAGE}\n`);
    else if (error instanceof NoTableError) process.stderr.write(`export: ${error.message}\n`);
    else if (error instanceof JavaMissingError) process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `export: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
