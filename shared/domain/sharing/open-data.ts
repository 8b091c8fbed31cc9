import { createHash } from 'node:crypto';
import { CSV_BOM, toCsv } from '../csv.ts';
import { shanghaiDate } from '../dates.ts';
import type { RecordStore } from '../records/ports.ts';
import { type PublicRecord, publicView } from '../records/public-view.ts';
import { isShownAt } from '../records/shown.ts';
import { SUBJECT_CATEGORY_LABELS } from '../records/vocabulary.ts';

/**
 * Open data: every record in public view, as CSV (UTF-8 with BOM, the data standard's Chinese
 * headers, formula-safe cells) or NDJSON (one public record per line). Records are read page
 * by page through the public search's own index (no Scan) and checked against the record as
 * every public read is, so the file has exactly the records the public search finds; each
 * page is written out before the next is read, so memory does not grow with the table.
 * Natural persons' records and the others the public may not see are never in it.
 */
export const OPEN_DATA_PAGE = 100;

type Column = readonly [header: string, value: (r: PublicRecord) => unknown];

const detail = (r: PublicRecord, field: string) => {
  const v = r.details[field];
  return typeof v === 'string' || typeof v === 'number' ? v : Array.isArray(v) ? v.join(';') : '';
};

/** The columns, headed by the data standard's field names (行政许可和行政处罚等信用信息数据标准). */
export const OPEN_DATA_COLUMNS: readonly Column[] = [
  ['记录编号', (r) => r.id],
  ['信息类别', (r) => r.kindLabel],
  ['行政相对人名称', (r) => r.subject.name],
  ['行政相对人类别', (r) => SUBJECT_CATEGORY_LABELS[r.subject.category]],
  ['统一社会信用代码', (r) => r.subject.uscc ?? ''],
  ['决定文书号', (r) => r.documentNumber],
  ['决定日期', (r) => r.decisionDate],
  ['决定内容', (r) => detail(r, 'content')],
  ['处罚类别', (r) => detail(r, 'categories')],
  ['罚款金额（万元）', (r) => detail(r, 'fineAmount')],
  ['许可类别', (r) => detail(r, 'category')],
  ['有效期自', (r) => detail(r, 'validFrom')],
  ['有效期至', (r) => detail(r, 'validTo')],
  ['公示截止期', (r) => r.publicationEndsOn ?? ''],
  ['决定机关', (r) => r.authority.name ?? ''],
  ['决定机关统一社会信用代码', (r) => r.authority.uscc],
  ['公示日期', (r) => r.publishedAt.slice(0, 10)],
  ['版本', (r) => r.version],
  ['异议处理中', (r) => (r.objection ? '是' : '否')],
  ['备注', (r) => r.remarks ?? ''],
];

/** Every record in public view at `now`, a page at a time, in the public search's order. */
export async function* publicRecordPages(
  records: Pick<RecordStore, 'searchPublic'>,
  now: Date,
): AsyncIterable<PublicRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await records.searchPublic({ limit: OPEN_DATA_PAGE, ...(cursor ? { cursor } : {}) });
    const shown = page.items.filter((r) => isShownAt(r, now)).map(publicView);
    if (shown.length > 0) yield shown;
    cursor = page.cursor;
  } while (cursor);
}

export type OpenDataFormat = 'csv' | 'ndjson';

export const OPEN_DATA_TYPES: Readonly<Record<OpenDataFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** The file's text, chunk by chunk: one chunk per page of records. */
export async function* openDataChunks(
  pages: AsyncIterable<PublicRecord[]>,
  format: OpenDataFormat,
  named: (r: PublicRecord) => PublicRecord = (r) => r,
): AsyncIterable<string> {
  if (format === 'csv') yield `${CSV_BOM}${toCsv([OPEN_DATA_COLUMNS.map(([h]) => h)])}`;
  for await (const page of pages) {
    const shown = page.map(named);
    yield format === 'csv'
      ? toCsv(shown.map((r) => OPEN_DATA_COLUMNS.map(([, value]) => value(r))))
      : shown.map((r) => `${JSON.stringify(r)}\n`).join('');
  }
}

/** A day's snapshot of the open data, as the manifest names it. */
export interface Snapshot {
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly rows: number;
  readonly at: string;
}

export interface SnapshotStore {
  get(date: string): Promise<Snapshot | undefined>;
  /** Stores the file's bytes and its manifest entry. */
  put(snapshot: Snapshot, body: Uint8Array): Promise<void>;
  latest(limit: number): Promise<Snapshot[]>;
}

export const snapshotFile = (date: string) => `disclosures-${date}.csv`;

/**
 * The day's snapshot (Beijing date): the CSV of every public record, its SHA-256, byte and
 * row counts. Written once a day; a second run on the same day keeps the first. The file is
 * put in one piece (about 0.5 KB a record: 50 MB for 100,000 records, within the sweeps
 * function's memory); the endpoints stream instead.
 */
export async function writeSnapshot(deps: {
  records: Pick<RecordStore, 'searchPublic'>;
  snapshots: SnapshotStore;
  clock: () => Date;
}): Promise<{ written: boolean; snapshot: Snapshot }> {
  const now = deps.clock();
  const date = shanghaiDate(now);
  const existing = await deps.snapshots.get(date);
  if (existing) return { written: false, snapshot: existing };
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let rows = 0;
  for await (const chunk of openDataChunks(countRows(publicRecordPages(deps.records, now)), 'csv')) {
    const bytes = Buffer.from(chunk, 'utf8');
    hash.update(bytes);
    parts.push(bytes);
  }
  async function* countRows(pages: AsyncIterable<PublicRecord[]>) {
    for await (const page of pages) {
      rows += page.length;
      yield page;
    }
  }
  const body = Buffer.concat(parts);
  const snapshot: Snapshot = {
    date,
    file: snapshotFile(date),
    sha256: hash.digest('hex'),
    bytes: body.length,
    rows,
    at: now.toISOString(),
  };
  await deps.snapshots.put(snapshot, body);
  return { written: true, snapshot };
}
