import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/*
 * The export file (`npm run export`, `npm run import`): NDJSON in UTF-8.
 *
 *   {"Item":{"pk":{"S":"REC#rec_…"},"sk":{"S":"REC"},…}}      one line per item of the table
 *   …
 *   {"format":"disclosure-export/1","table":"disclosure","exportedAt":"…","count":1234,"sha256":"…"}
 *
 * Items are in DynamoDB JSON (typed attribute values), the form DynamoDB's own export to S3
 * writes: unlike plain JSON it keeps numbers exact, tells sets from lists and carries
 * binary, so an import writes back exactly what was read. The last line, the trailer, gives
 * the number of item lines and the SHA-256 (hex) of every byte before it.
 */

export const EXPORT_FORMAT = 'disclosure-export/1';

export type RawItem = Record<string, AttributeValue>;

export interface Trailer {
  readonly format: string;
  readonly table: string;
  readonly exportedAt: string;
  readonly count: number;
  readonly sha256: string;
}

export const itemLine = (item: RawItem): string => `${JSON.stringify({ Item: item })}\n`;

export const trailerLine = (trailer: Trailer): string => `${JSON.stringify(trailer)}\n`;

/** Why an export file may not be imported. */
export class DamagedExportError extends Error {
  constructor(file: string, why: string) {
    super(`${file} cannot be imported: ${why}. Nothing was imported.`);
    this.name = 'DamagedExportError';
  }
}

function parseItemLine(line: string): RawItem | undefined {
  try {
    const parsed = JSON.parse(line) as { Item?: unknown };
    return parsed.Item !== null && typeof parsed.Item === 'object' ? (parsed.Item as RawItem) : undefined;
  } catch {
    return undefined;
  }
}

function parseTrailer(line: string | undefined): Trailer | undefined {
  if (line === undefined) return undefined;
  try {
    const t = JSON.parse(line) as Partial<Trailer>;
    return t.format === EXPORT_FORMAT && typeof t.count === 'number' && typeof t.sha256 === 'string'
      ? (t as Trailer)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The file's lines, the last one held back: it is the trailer, not an item. */
async function* itemLinesAndTrailer(file: string): AsyncGenerator<{ line: string; last: boolean }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let previous: string | undefined;
  for await (const line of lines) {
    if (previous !== undefined) yield { line: previous, last: false };
    previous = line;
  }
  if (previous !== undefined) yield { line: previous, last: true };
}

/**
 * Reads the whole file once and checks it before anything is written: the trailer is there,
 * the checksum and the count match, every line is an item. Returns the trailer.
 */
export async function verifyExport(file: string): Promise<Trailer> {
  const hash = createHash('sha256');
  let count = 0;
  let trailerText: string | undefined;
  for await (const { line, last } of itemLinesAndTrailer(file)) {
    if (last) {
      trailerText = line;
      break;
    }
    hash.update(`${line}\n`);
    count++;
    if (!parseItemLine(line)) throw new DamagedExportError(file, `line ${count} is not an item`);
  }
  const trailer = parseTrailer(trailerText);
  if (!trailer)
    throw new DamagedExportError(file, `its last line is not a ${EXPORT_FORMAT} trailer (truncated?)`);
  const sha256 = hash.digest('hex');
  if (sha256 !== trailer.sha256) {
    throw new DamagedExportError(
      file,
      `its checksum does not match (trailer ${trailer.sha256}, content ${sha256})`,
    );
  }
  if (count !== trailer.count) {
    throw new DamagedExportError(file, `it holds ${count} items, its trailer says ${trailer.count}`);
  }
  return trailer;
}

/** The items of a verified file, in chunks of `size`. */
export async function* readItems(file: string, size: number): AsyncGenerator<RawItem[]> {
  let chunk: RawItem[] = [];
  for await (const { line, last } of itemLinesAndTrailer(file)) {
    if (last) break;
    const item = parseItemLine(line);
    if (!item) throw new DamagedExportError(file, 'it changed while it was read');
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
