import ExcelJS from 'exceljs';
import { MAX_BATCH_ROWS } from '../batch.ts';
import type { Conversion } from '../csv/cells.ts';
import { templateColumns } from '../csv/template.ts';
import { KIND_LABELS, type RecordKind } from '../vocabulary.ts';

/**
 * The .xlsx template of a kind: a sheet whose first row is the standard's Chinese headers
 * (bold, frozen, wide enough to read), the coded columns offering their words in a list, and
 * a second sheet 填写说明 saying what each column holds. Its columns are those of the CSV
 * template (csv/template.ts), so both import alike.
 */

/** Where Excel shows a column's list: as many rows as one upload takes. */
const LAST_ROW = MAX_BATCH_ROWS + 1;
/** Excel refuses an inline list longer than 255 characters. */
const MAX_LIST_CHARS = 255;

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** About two character widths per Chinese character, within reason. */
const widthOf = (header: string) => Math.min(40, Math.max(12, header.length * 2 + 2));

/**
 * Text cells, as a rule: Excel would turn an 18-digit ID number into 1.1E+17 and drop its
 * last digits. Dates are date cells (the import reads them as the day shown), amounts numbers.
 */
const TEXT = '@';
const NUMBER_FORMATS: Partial<Record<Conversion, string>> = { date: 'yyyy-mm-dd', amount: 'General' };

interface Validations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** The .xlsx template of `kind`, as file bytes. */
export async function xlsxTemplate(kind: RecordKind): Promise<Buffer> {
  const columns = templateColumns(kind);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(KIND_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.path,
    width: widthOf(column.header),
    style: { numFmt: NUMBER_FORMATS[column.as ?? 'text'] ?? TEXT },
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, index) => {
    const list = column.allowed?.join(',');
    // 处罚类别 takes several values, which a list cell cannot.
    if (!list || column.path === 'penalty.categories' || list.length + 2 > MAX_LIST_CHARS) return;
    const letter = columnLetter(index);
    (sheet as unknown as { dataValidations: Validations }).dataValidations.add(
      `${letter}2:${letter}${LAST_ROW}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: true,
        errorTitle: column.header,
        error: `请从列表中选择：${list}`,
      },
    );
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 36 },
    { header: '说明', key: 'help', width: 60 },
    { header: '可填写的值', key: 'allowed', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    help.addRow({ header: column.header, help: column.help, allowed: column.allowed?.join('、') ?? '' });
  }
  help.addRow({});
  help.addRow({
    header: '说明',
    help: `每个文件最多 ${MAX_BATCH_ROWS} 行；第一行为表头，请勿修改。处罚机关、数据来源单位由登录的单位确定，无需填写。`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
