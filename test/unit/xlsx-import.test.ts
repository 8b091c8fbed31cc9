import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../shared/domain/records/csv/decode.ts';
import { CsvFormatError, csvRowsToRecordInputs } from '../../shared/domain/records/csv/import.ts';
import { csvTemplate, templateColumns } from '../../shared/domain/records/csv/template.ts';
import { RECORD_KINDS } from '../../shared/domain/records/vocabulary.ts';
import { cellText, DIGITS_LOST } from '../../shared/domain/records/xlsx/cells.ts';
import {
  XlsxFormatError,
  xlsxRowsToRecordInputs,
  xlsxToTable,
} from '../../shared/domain/records/xlsx/read.ts';
import { xlsxTemplate } from '../../shared/domain/records/xlsx/template.ts';
import { MAX_UNZIPPED_BYTES, zipProblem } from '../../shared/domain/records/xlsx/zip-guard.ts';

const HEADER = [
  '行政处罚决定书文号',
  '行政相对人名称',
  '处罚决定日期',
  '罚款金额（万元）',
  '违法事实',
  '失信程度',
];

async function workbookOf(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  tweak?: (sheet: ExcelJS.Worksheet) => void,
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow([...row]);
  tweak?.(sheet);
  workbook.addWorksheet('另一个表').addRow(['不读此表']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(action: () => Promise<unknown>): Promise<XlsxFormatError> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XlsxFormatError);
  return error as XlsxFormatError;
}

/** A zip of one stored-deflated part, written out here so nothing in it is the code under test. */
function zipOf(name: string, content: Buffer, options: { encrypted?: boolean } = {}): Buffer {
  const data = deflateRawSync(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(options.encrypted ? 1 : 0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(100, 22); // a lie: the part is far larger
  local.writeUInt16LE(fileName.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(options.encrypted ? 1 : 0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(100, 24);
  central.writeUInt16LE(fileName.byteLength, 28);
  central.writeUInt32LE(0, 42);
  const directoryAt = local.byteLength + fileName.byteLength + data.byteLength;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + fileName.byteLength, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('cellText: an .xlsx cell as the text the clerk sees', () => {
  it('maps strings, numbers, dates (read in UTC), rich text, hyperlinks, formulas and errors', () => {
    expect(cellText('福州某某公司')).toBe('福州某某公司');
    expect(cellText(0.5)).toBe('0.5');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2026, 8, 30)))).toBe('2026-09-30');
    expect(cellText({ richText: [{ text: '福州' }, { text: '某某', font: { bold: true } }] })).toBe(
      '福州某某',
    );
    expect(cellText({ text: '榕市监罚〔2026〕12号', hyperlink: 'https://example.org/d/12' })).toBe(
      '榕市监罚〔2026〕12号',
    );
    expect(cellText({ formula: 'A1*2', result: 1.5 })).toBe('1.5');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 2)) })).toBe('2026-01-02');
    expect(cellText({ sharedFormula: 'A2', result: '一般' })).toBe('一般');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
});

describe('xlsxRowsToRecordInputs', () => {
  it('reads the first worksheet through the CSV mapping: same inputs as the same rows in a CSV', async () => {
    const rows = [
      ['榕市监罚〔2026〕12号', '福州鑫犇科技有限公司', '2026-09-30', '0.5', '未明码标价', '一般'],
      ['', '', '', '', '', ''],
      ['榕市监罚〔2026〕13号', '厦门某某商行', '2026/9/1', '1.25', '虚假宣传', '轻微'],
    ];
    const csv = [HEADER, ...rows].map((r) => `${r.join(',')}\r\n`).join('');
    const xlsx = await workbookOf([
      HEADER,
      // As Excel stores what a clerk types: a date and a number, not their text.
      [
        '榕市监罚〔2026〕12号',
        '福州鑫犇科技有限公司',
        new Date(Date.UTC(2026, 8, 30)),
        0.5,
        '未明码标价',
        '一般',
      ],
      [],
      [
        { text: '榕市监罚〔2026〕13号', hyperlink: 'https://example.org' },
        { richText: [{ text: '厦门某某' }, { text: '商行' }] },
        { formula: 'DATE(2026,9,1)', result: new Date(Date.UTC(2026, 8, 1)) },
        { formula: '0.5+0.75', result: 1.25 },
        '虚假宣传',
        '轻微',
      ],
    ]);

    const fromXlsx = await xlsxRowsToRecordInputs(xlsx);
    const fromCsv = csvRowsToRecordInputs(csv);

    expect(fromXlsx.kind).toBe('penalty');
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.rows.map((r) => r.row)).toEqual([1, 3]);
    expect(fromXlsx.rows[0]?.input).toMatchObject({
      documentNumber: '榕市监罚〔2026〕12号',
      decisionDate: '2026-09-30',
      subject: { name: '福州鑫犇科技有限公司' },
      penalty: { fineAmount: 0.5, severity: 'general' },
    });
    expect([...fromXlsx.columnOf]).toEqual([...fromCsv.columnOf]);
  });

  it('refuses an unknown header as a CSV would, naming the column', async () => {
    const error = await xlsxRowsToRecordInputs(await workbookOf([[...HEADER, '神秘列'], ['x']])).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error).toMatchObject({ code: 'csv_unknown_column', field: '神秘列' });
  });

  it('refuses a sheet over the batch row limit', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => [`文号${i}`, '某公司']);
    const error = await xlsxRowsToRecordInputs(await workbookOf([HEADER, ...rows])).catch((e) => e);
    expect(error).toMatchObject({ code: 'csv_too_many_rows' });
  });

  it('reads only rows with values, as wide as the header: a far-away cell is refused, not walked', async () => {
    const sparse = await workbookOf([HEADER, ['文号1', '某公司']], (sheet) => {
      sheet.getCell('XFD1048576').value = 'x';
    });
    expect(await refusal(() => xlsxToTable(sparse))).toMatchObject({ code: 'xlsx_too_large' });
    const gap = await workbookOf([HEADER], (sheet) => {
      sheet.getCell('A4').value = '文号4';
      sheet.getCell('ZZ4').value = '表头之外';
    });
    const table = await xlsxToTable(gap);
    expect(table.map((row) => row.length)).toEqual([HEADER.length, 0, 0, HEADER.length]);
    expect(table[3]?.[0]).toBe('文号4');
  });

  it('never passes on an identifier that Excel stored as a number of more than 15 digits', () => {
    expect(cellText(110105194912310020)).toBe(DIGITS_LOST);
    expect(cellText(123456789012345)).toBe('123456789012345');
  });

  it('refuses what is no workbook: text, a damaged zip, a zip of something else', async () => {
    expect((await refusal(() => xlsxToTable(Buffer.from('行政处罚决定书文号\r\n', 'utf8')))).code).toBe(
      'xlsx_unreadable',
    );
    const good = await workbookOf([HEADER]);
    const damaged = Buffer.from(good);
    damaged.fill(0x41, 200, 600);
    expect((await refusal(() => xlsxToTable(damaged))).code).toBe('xlsx_unreadable');
    const truncated = good.subarray(0, good.byteLength - 100);
    expect((await refusal(() => xlsxToTable(truncated))).code).toBe('xlsx_unreadable');
    expect((await refusal(() => xlsxToTable(zipOf('readme.txt', Buffer.from('hello'))))).code).toBe(
      'xlsx_unreadable',
    );
  });

  it('refuses a password-protected workbook (an OLE2 file) and an encrypted zip part', async () => {
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const error = await refusal(() => xlsxToTable(ole2));
    expect(error.code).toBe('xlsx_encrypted');
    expect(error.field).toBe('body');
    expect(error.messages.zh).toMatch(/密码/);
    expect(zipProblem(zipOf('xl/workbook.xml', Buffer.from('<x/>'), { encrypted: true }))).toBe('encrypted');
  });

  it('refuses a zip bomb by inflating under a cap, whatever sizes the archive declares', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(MAX_UNZIPPED_BYTES + 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(zipProblem(bomb)).toBe('too_large');
    expect((await refusal(() => xlsxToTable(bomb))).code).toBe('xlsx_too_large');
  });
});

describe('templates', () => {
  it.each(RECORD_KINDS)(
    'the %s templates (CSV and .xlsx) have the same headers, and import',
    async (kind) => {
      const columns = templateColumns(kind);
      const csv = csvTemplate(kind);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const xlsx = await xlsxTemplate(kind);
      const table = await xlsxToTable(xlsx);
      expect(table[0]).toEqual(columns.map((c) => c.header));
      expect(decodeCsvBytes(Buffer.from(csv, 'utf8')).text.trimEnd().split(',')).toEqual(table[0]);
      // A header-only template maps (no rows, no error), for the kind named or read from it.
      expect((await xlsxRowsToRecordInputs(xlsx, kind)).rows).toEqual([]);
      expect(csvRowsToRecordInputs(decodeCsvBytes(Buffer.from(csv)).text, kind).rows).toEqual([]);
    },
  );

  it('an .xlsx template filled with Excel dates and numbers imports as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxTemplate('penalty')) as never);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = templateColumns('penalty').map((c) => c.header);
    const cells: Record<string, ExcelJS.CellValue> = {
      行政处罚决定书文号: '榕市监罚〔2026〕12号',
      处罚决定日期: new Date(Date.UTC(2026, 8, 30)),
      '罚款金额（万元）': 0.5,
    };
    sheet.addRow(header.map((h) => cells[h] ?? null));
    const { rows } = await xlsxRowsToRecordInputs(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows[0]?.input).toMatchObject({ decisionDate: '2026-09-30', penalty: { fineAmount: 0.5 } });
  });

  it('the .xlsx template has bold frozen headers, lists for coded columns and a 填写说明 sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxTemplate('penalty')) as never);
    const [sheet, help] = workbook.worksheets;
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const severityAt = templateColumns('penalty').findIndex((c) => c.path === 'penalty.severity');
    const validation = sheet?.getRow(2).getCell(severityAt + 1).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"轻微,一般,严重"'] });
    expect(help?.name).toBe('填写说明');
    const helpRows =
      help?.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : [])) ?? [];
    expect(helpRows).toContainEqual(['失信程度', '', '轻微、一般、严重']);
    expect(helpRows.some((row) => row[0] === '处罚决定日期' && String(row[1]).includes('2026-09-30'))).toBe(
      true,
    );
  });
});
