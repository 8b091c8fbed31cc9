import ExcelJS from 'exceljs';
import { InvalidInputError, type Messages } from '../../errors.ts';
import { MAX_BATCH_ROWS } from '../batch.ts';
import { type CsvImport, tableToRecordInputs } from '../csv/import.ts';
import type { RecordKind } from '../vocabulary.ts';
import { cellText } from './cells.ts';
import { type ZipProblem, zipProblem } from './zip-guard.ts';

/**
 * Bulk registration from an .xlsx workbook: its first worksheet, whose first row holds the
 * national standard's Chinese headers, read into text cells and handed to the CSV import's
 * mapping, so a workbook and a CSV of the same rows give the same record inputs.
 */

export type XlsxFormatCode = 'xlsx_unreadable' | 'xlsx_encrypted' | 'xlsx_too_large' | 'xlsx_no_sheet';

/** The workbook as a whole cannot be read (400, as any invalid input; field `body`). */
export class XlsxFormatError extends InvalidInputError {
  declare readonly code: XlsxFormatCode;

  constructor(details: { code: XlsxFormatCode; messages: Messages; cause?: unknown }) {
    super({ ...details, field: 'body' });
    this.name = 'XlsxFormatError';
  }
}

const REFUSALS: Record<ZipProblem | 'no_sheet', { code: XlsxFormatCode; messages: Messages }> = {
  not_zip: {
    code: 'xlsx_unreadable',
    messages: { zh: '文件不是有效的 .xlsx 工作簿', en: 'the file is not an .xlsx workbook' },
  },
  corrupt: {
    code: 'xlsx_unreadable',
    messages: { zh: '.xlsx 文件已损坏，无法读取', en: 'the .xlsx file is damaged and cannot be read' },
  },
  encrypted: {
    code: 'xlsx_encrypted',
    messages: {
      zh: '.xlsx 文件设有密码，请取消密码保护后再上传',
      en: 'the .xlsx file is password-protected: remove the password and upload it again',
    },
  },
  too_large: {
    code: 'xlsx_too_large',
    messages: {
      zh: '.xlsx 文件解压后过大，请拆分后分批上传',
      en: 'the .xlsx file unpacks to too much data: split it into several uploads',
    },
  },
  no_sheet: {
    code: 'xlsx_no_sheet',
    messages: { zh: '.xlsx 文件中没有工作表', en: 'the .xlsx file has no worksheet' },
  },
};

/** More columns than any kind's standard has; a wider header is read up to here. */
const MAX_COLUMNS = 200;

const refuse = (problem: ZipProblem | 'no_sheet', cause?: unknown) =>
  new XlsxFormatError({ ...REFUSALS[problem], cause });

/**
 * The first worksheet's cells as text, row by row from row 1, so a data row's number is its
 * sheet row minus the header. Checked as a zip first ({@link zipProblem}): the reader unpacks
 * everything into memory, and a small file may unpack to gigabytes.
 * @throws {XlsxFormatError} for a file that is no workbook, damaged, encrypted, too large
 *   unpacked, or without a worksheet.
 */
export async function xlsxToTable(bytes: Uint8Array): Promise<string[][]> {
  const problem = zipProblem(bytes);
  if (problem) throw refuse(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    // A zip that is not a workbook, or whose XML does not parse.
    throw refuse('corrupt', error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('no_sheet');
  // The width is the header's, never the sheet's widest row, and rows are visited only where
  // they hold values: one cell at XFD1048576 would otherwise make billions of empty cells.
  const width = Math.min(sheet.getRow(1).cellCount, MAX_COLUMNS);
  const table: string[][] = [];
  let beyond = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    // Header, the most rows a batch takes and one more, for the import to say "too many rows".
    if (number > MAX_BATCH_ROWS + 2) beyond = true;
    else table[number - 1] = Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value));
  });
  if (beyond) throw refuse('too_large');
  // Rows without values between others stay in place as empty rows, so row numbers hold.
  return Array.from(table, (row) => row ?? []);
}

/**
 * Maps an .xlsx with the data standard's Chinese headers to record inputs, exactly as
 * {@link tableToRecordInputs} maps a CSV's rows.
 * @throws {XlsxFormatError} for a file that cannot be read as a workbook.
 * @throws {CsvFormatError} for the same header and size problems as a CSV.
 */
export async function xlsxRowsToRecordInputs(bytes: Uint8Array, kind?: RecordKind): Promise<CsvImport> {
  return tableToRecordInputs(await xlsxToTable(bytes), kind);
}
