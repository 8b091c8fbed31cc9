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
import { ResourceNotFoundException, ScanCommand } from '@aws-sdk/client-dynamodb';
import { localConfigFromEnv } from './config.ts';
import { openDataDirStore } from './data-dir-store.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { EXPORT_FORMAT, itemLine, type RawItem, trailerLine } from './export-file.ts';

const USAGE = 'usage: npm run export -- <file>';

class UsageError extends Error {}

class NoTableError extends Error {}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0] || args[0].startsWith('-'))
    throw new UsageError('name one file to write');
  const file = resolve(args[0]);
  const partial = `${file}.partial`;
  const opened = await openDataDirStore(localConfigFromEnv());
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
      const page = await opened.client.send(
        new ScanCommand({ TableName: opened.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of page.Items ?? []) {
        const line = itemLine(item);
        hash.update(line);
        count++;
        await write(line);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    out.end(
      trailerLine({
        format: EXPORT_FORMAT,
        table: opened.tableName,
        exportedAt: new Date().toISOString(),
        count,
        sha256: hash.digest('hex'),
      }),
    );
    await closed;
    // Only a complete file takes the name: an interrupted export leaves no file that looks whole.
    renameSync(partial, file);
    process.stdout.write(
      `exported ${count} items of table ${opened.tableName} (DynamoDB: ${opened.source}) to ${file}\n`,
    );
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ResourceNotFoundException) {
      throw new NoTableError(
        `there is no table ${opened.tableName} (DynamoDB: ${opened.source}); nothing to export`,
      );
    }
    throw error;
  } finally {
    await opened.close();
  }
}

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
