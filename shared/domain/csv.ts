/**
 * A small RFC 4180 CSV reader and writer, enough for bulk registration and for exports that
 * agencies open in Excel or WPS. No dependency: the format is tiny, and owning it lets the
 * writer neutralise spreadsheet formulas (OWASP "CSV injection"), which general libraries
 * leave to the caller.
 */

/** Prepend to a file so Excel reads it as UTF-8 rather than the local code page (GBK). */
export const CSV_BOM = '\uFEFF';

export type CsvSyntaxProblem = 'unterminated_quote' | 'text_after_quote';

/** The text is not CSV. `line` is 1-based and counts physical lines, as an editor shows them. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly problem: CsvSyntaxProblem;

  constructor(problem: CsvSyntaxProblem, line: number) {
    super(`CSV syntax error on line ${line}: ${problem.replaceAll('_', ' ')}`);
    this.name = 'CsvSyntaxError';
    this.problem = problem;
    this.line = line;
  }
}

interface Field {
  readonly value: string;
  /** Index of the character after the field: a comma, a line break or the end. */
  readonly end: number;
  /** The physical line the field ends on. */
  readonly line: number;
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** A quoted field starting at `start` (on its `"`); `""` inside stands for one quote. */
function readQuoted(source: string, start: number, line: number): Field {
  let value = '';
  let at = start + 1;
  for (;;) {
    const quote = source.indexOf('"', at);
    if (quote < 0) throw new CsvSyntaxError('unterminated_quote', line);
    value += source.slice(at, quote);
    if (source[quote + 1] !== '"') {
      return { value, end: quote + 1, line: line + lineBreaks(value) };
    }
    value += '"';
    at = quote + 2;
  }
}

/**
 * An unquoted field runs to the next comma or line break. A quote inside it is kept as a
 * character (as Excel and Python's csv do), since it cannot be misread.
 */
function readBare(source: string, start: number, line: number): Field {
  const fieldEnd = /[,\r\n]/g;
  fieldEnd.lastIndex = start;
  const end = fieldEnd.exec(source)?.index ?? source.length;
  return { value: source.slice(start, end), end, line };
}

/** Length of the line break at `at` (CRLF, LF or a lone CR), or 0 when there is none. */
function lineBreakAt(source: string, at: number): number {
  if (source[at] === '\r') return source[at + 1] === '\n' ? 2 : 1;
  return source[at] === '\n' ? 1 : 0;
}

/**
 * Rows of fields. A BOM at the start is dropped; CRLF, LF and lone CR all end a row outside
 * quotes and are kept as written inside them; a final line break does not start an empty row
 * (an empty line elsewhere is a row of one empty field). Throws {@link CsvSyntaxError} on an
 * unterminated quote or on text right after a closing quote (`"a"b`), which is ambiguous.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  const rows: string[][] = [];
  if (source === '') return rows;
  let row: string[] = [];
  let at = 0;
  let line = 1;
  for (;;) {
    const field = source[at] === '"' ? readQuoted(source, at, line) : readBare(source, at, line);
    row.push(field.value);
    ({ end: at, line } = field);
    if (source[at] === ',') {
      at += 1;
      continue;
    }
    if (at === source.length) break;
    const breakLength = lineBreakAt(source, at);
    if (breakLength === 0) throw new CsvSyntaxError('text_after_quote', line);
    rows.push(row);
    row = [];
    at += breakLength;
    line += 1;
    if (at === source.length) return rows;
  }
  rows.push(row);
  return rows;
}

/**
 * Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP CSV
 * injection): `=`, `+`, `-`, `@`, and a leading tab or carriage return that hides one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would evaluate gets a leading `'`, which makes it plain text. */
function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The text of one cell. Finite JS numbers and bigints are written as they are, so `-1.5`
 * stays a number in the spreadsheet: they cannot carry a formula. Everything else that
 * becomes text is neutralised. Objects throw rather than appear as "[object Object]".
 */
function cellText(value: unknown): string {
  const plainNumber = typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value));
  if (plainNumber) return String(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutralised(value);
  if (typeof value === 'number' || typeof value === 'boolean') return neutralised(String(value));
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`a CSV cell must be text, a number, a boolean, a Date or empty, not ${typeof value}`);
}

/**
 * CSV text for `rows`: every row ends in CRLF (RFC 4180, and what Excel writes); a field is
 * quoted when it holds a quote, a comma or a line break; text that a spreadsheet would run
 * as a formula is prefixed with `'`. Prepend {@link CSV_BOM} for Excel.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => `${row.map((cell) => quoted(cellText(cell))).join(',')}\r\n`).join('');
}
