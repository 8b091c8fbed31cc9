import { CsvSyntaxError, parseCsv } from '../../csv.ts';
import { InvalidInputError, type Messages } from '../../errors.ts';
import { MAX_BATCH_ROWS } from '../batch.ts';
import type { RecordKind } from '../vocabulary.ts';
import { CONVERSIONS } from './cells.ts';
import { type Column, columnsOf, headerKey, KIND_MARKERS, type RecordPath } from './columns.ts';

/**
 * Bulk registration from a CSV whose header row uses the column names of the national data
 * standard (行政许可和行政处罚等信用信息数据标准, 2019). Each data row becomes the JSON shape of
 * `recordInputSchema`, NOT validated here: the caller validates every row and reports each
 * row's problems, while this module throws only for problems of the file as a whole.
 */

export type CsvFormatCode =
  | 'csv_syntax'
  | 'csv_encoding'
  | 'csv_no_header'
  | 'csv_unknown_column'
  | 'csv_duplicate_column'
  | 'csv_unnamed_column'
  | 'csv_kind_unknown'
  | 'csv_too_many_rows';

/** The file as a whole cannot be read (the HTTP layer answers 400, as for any invalid input). */
export class CsvFormatError extends InvalidInputError {
  declare readonly code: CsvFormatCode;

  constructor(details: { code: CsvFormatCode; messages: Messages; field?: string; cause?: unknown }) {
    super(details);
    this.name = 'CsvFormatError';
  }
}

export interface CsvImportRow {
  /** 1-based data row number, header excluded; blank rows are skipped but counted. */
  readonly row: number;
  readonly input: unknown;
}

export interface CsvImport {
  readonly kind: RecordKind;
  readonly rows: readonly CsvImportRow[];
  /** The header the file used for each field path, so a row error can name the column. */
  readonly columnOf: ReadonlyMap<string, string>;
}

// ---- File-level errors ------------------------------------------------------------------

const fail = (code: CsvFormatCode, zh: string, en: string, field?: string, cause?: unknown) =>
  new CsvFormatError({ code, messages: { zh, en }, ...(field === undefined ? {} : { field }), cause });

const SYNTAX_PROBLEMS = {
  unterminated_quote: { zh: '引号未闭合', en: 'a quoted field is not closed' },
  text_after_quote: { zh: '引号闭合后还有其他字符', en: 'text follows a closing quote' },
} as const;

function readRows(text: string): string[][] {
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const problem = SYNTAX_PROBLEMS[error.problem];
    const where = { zh: `CSV 第 ${error.line} 行格式错误：`, en: `CSV line ${error.line}: ` };
    throw fail('csv_syntax', where.zh + problem.zh, where.en + problem.en, undefined, error);
  }
}

// ---- Mapping ------------------------------------------------------------------------------

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function detectKind(header: readonly string[]): RecordKind {
  const keys = new Set(header.map(headerKey));
  const found = KIND_MARKERS.filter(([, markers]) => markers.some((marker) => keys.has(marker)));
  const only = found.length === 1 ? found[0] : undefined;
  if (only) return only[0];
  throw fail(
    'csv_kind_unknown',
    '无法从表头判断记录类型：请指定类型，或使用“行政处罚决定书文号”或“行政许可决定文书号”列',
    'cannot tell the kind of record from the header: name the kind, or use a 行政处罚决定书文号 or 行政许可决定文书号 column',
  );
}

/** The column of each header cell; undefined for a column without a name. */
function resolveColumns(header: readonly string[], kind: RecordKind): (Column | undefined)[] {
  const table = columnsOf(kind);
  const seen = new Map<string, string>();
  return header.map((cell) => {
    const name = cell.trim();
    if (name === '') return undefined;
    const column = table.get(headerKey(name));
    if (!column) {
      throw fail(
        'csv_unknown_column',
        `未知的列“${name}”`,
        `unknown column "${name}" for a ${kind} record`,
        name,
      );
    }
    const target = column.path ?? headerKey(name);
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      throw fail(
        'csv_duplicate_column',
        `列“${name}”与“${earlier}”重复`,
        `column "${name}" repeats "${earlier}"`,
        name,
      );
    }
    seen.set(target, name);
    return column;
  });
}

type Fields = Record<string, unknown>;

function place(input: Fields, path: RecordPath, value: unknown): void {
  const [outer = '', inner] = path.split('.');
  if (inner === undefined) input[outer] = value;
  else (input[outer] as Fields)[inner] = value;
}

/** One data row as a record input; `subject` and the kind's object are always present, so
 * validation names the missing leaf (subject.name) rather than the whole object. */
function rowInput(
  kind: RecordKind,
  columns: readonly (Column | undefined)[],
  cells: readonly string[],
  row: number,
) {
  const input: Fields = { kind, subject: {}, [kind]: {} };
  cells.forEach((cell, index) => {
    const value = cell.trim();
    if (value === '') return;
    const column = columns[index];
    if (!column) {
      throw fail(
        'csv_unnamed_column',
        `第 ${row} 行第 ${index + 1} 列有内容，但该列没有列名`,
        `data row ${row} has a value in column ${index + 1}, which has no header`,
      );
    }
    if (column.path !== null) place(input, column.path, CONVERSIONS[column.as ?? 'text'](value));
  });
  return input;
}

/**
 * Maps a CSV with the data standard's Chinese headers to record inputs, one per non-blank
 * data row. The kind is `kind` when given, else read from the document-number column. Cells
 * are trimmed, empty ones left out (so optional fields are absent), labels turned into codes,
 * dates into YYYY-MM-DD and amounts into numbers where that is faithful; anything that does
 * not convert is passed on as written, for validation to report.
 * @throws {CsvFormatError} for problems of the file: syntax, no header, an unknown, repeated
 *   or unnamed column, an unknown kind, more than {@link MAX_BATCH_ROWS} rows.
 */
export function csvRowsToRecordInputs(text: string, kind?: RecordKind): CsvImport {
  return tableToRecordInputs(readRows(text), kind);
}

/**
 * The same mapping over a table already read (a CSV's rows, or an .xlsx sheet's cells as
 * text), so every file format goes through one pipeline and answers alike.
 * @throws {CsvFormatError} as {@link csvRowsToRecordInputs}, syntax aside.
 */
export function tableToRecordInputs(table: readonly (readonly string[])[], kind?: RecordKind): CsvImport {
  const [header, ...data] = table;
  if (!header || isBlank(header)) {
    throw fail('csv_no_header', '文件没有表头行', 'the file has no header row');
  }
  const filled = data
    .map((cells, index) => ({ cells, row: index + 1 }))
    .filter(({ cells }) => !isBlank(cells));
  if (filled.length > MAX_BATCH_ROWS) {
    throw fail(
      'csv_too_many_rows',
      `一次最多导入 ${MAX_BATCH_ROWS} 行，此文件有 ${filled.length} 行`,
      `at most ${MAX_BATCH_ROWS} rows per file; this one has ${filled.length}`,
    );
  }
  const recordKind = kind ?? detectKind(header);
  const columns = resolveColumns(header, recordKind);
  const columnOf = new Map<string, string>();
  columns.forEach((column, index) => {
    if (column?.path) columnOf.set(column.path, (header[index] ?? '').trim());
  });
  return {
    kind: recordKind,
    rows: filled.map(({ cells, row }) => ({ row, input: rowInput(recordKind, columns, cells, row) })),
    columnOf,
  };
}
