import type { KindDetails } from '../../schemas/records/kind-details.ts';
import type { RecordKind } from '../../schemas/records/kinds.ts';
import { ID_TYPE_LABELS, ID_TYPES, type IdType, type Subject } from '../../schemas/records/subject.ts';
import { InvalidInputError, type Messages } from '../errors.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';

/**
 * Bulk registration from a CSV whose header row uses the column names of the national data
 * standard (行政许可和行政处罚等信用信息数据标准, 2019). Each data row becomes the JSON shape of
 * `recordInputSchema`, NOT validated here: the caller validates every row and reports each
 * row's problems, while this module throws only for problems of the file as a whole.
 */

/** More rows than this is a file to split, not one request. */
export const MAX_CSV_ROWS = 1000;

export type CsvFormatCode =
  | 'csv_syntax'
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

// ---- Cell conversions -------------------------------------------------------------------

/** 行政相对人类别 as written in the standard → the JSON code. */
export const SUBJECT_CATEGORY_BY_LABEL: ReadonlyMap<string, string> = new Map([
  ['法人及非法人组织', 'legal_person'],
  ['法人和非法人组织', 'legal_person'],
  ['个体工商户', 'individual_business'],
  ['自然人', 'natural_person'],
]);

/** 证件类型 label → code: the reverse of ID_TYPE_LABELS, plus the common short forms. */
export const ID_TYPE_BY_LABEL: ReadonlyMap<string, IdType> = new Map<string, IdType>([
  ...ID_TYPES.map((code) => [ID_TYPE_LABELS[code], code] as const),
  ['居民身份证', 'resident_id'],
  ['护照', 'passport'],
]);

/**
 * The code of a 证件类型 label. The standard writes other documents as `其他-<name>`
 * (其他-军官证); the schema keeps only `other`, so the name after the dash is not kept.
 */
export function idTypeFromLabel(label: string): IdType | undefined {
  return ID_TYPE_BY_LABEL.get(label) ?? (/^其他[-－—–:：]/.test(label) ? 'other' : undefined);
}

const SEVERITY_BY_LABEL: ReadonlyMap<string, string> = new Map([
  ['轻微', 'minor'],
  ['一般', 'general'],
  ['严重', 'serious'],
]);
const PROCEDURE_BY_LABEL: ReadonlyMap<string, string> = new Map([
  ['普通程序', 'ordinary'],
  ['简易程序', 'simplified'],
  ['普通', 'ordinary'],
  ['简易', 'simplified'],
]);
const LICENSE_STATUS_BY_LABEL: ReadonlyMap<string, string> = new Map([
  ['有效', 'valid'],
  ['无效', 'invalid'],
]);

/** An unknown label is passed on as written, so validation names the field and the value. */
const byLabel = (labels: ReadonlyMap<string, string>) => (value: string) => labels.get(value) ?? value;

/** The shortest decimal spelling of a number: no `+`, no leading or trailing zeros. */
function canonicalDecimal(value: string): string {
  const [whole = '', fraction = ''] = value.replace(/^\+/, '').split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return `${sign}${digits}${decimals ? `.${decimals}` : ''}`;
}

/**
 * 万元 as a number when the text is a plain decimal that a JS number holds exactly; anything
 * else (`1,000`, `约5万`, 20 significant digits) stays text, so validation rejects it rather
 * than this module silently rounding it.
 */
function toAmount(value: string): number | string {
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return value;
  const amount = Number(value);
  return String(amount) === canonicalDecimal(value) ? amount : value;
}

/** YYYY-MM-DD from YYYY-MM-DD, YYYY/MM/DD (also Excel's YYYY/M/D) or YYYYMMDD. */
function toIsoDate(value: string): string {
  const parts = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(value) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(value);
  if (!parts) return value;
  const [, year, , month = '', day = ''] = parts;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * 处罚类别 lists several categories. Only `;` `；` `,` `，` separate them: `、` cannot, since
 * the 2019 wording itself contains it (没收违法所得、没收非法财物; 法律、行政法规规定的其他行政处罚).
 */
const toCategories = (value: string) =>
  value
    .split(/[;；,，]/)
    .map((category) => category.trim())
    .filter((category) => category !== '');

const CONVERSIONS = {
  text: (value: string): unknown => value,
  amount: toAmount,
  date: toIsoDate,
  categories: toCategories,
  subjectCategory: byLabel(SUBJECT_CATEGORY_BY_LABEL),
  idType: (value: string) => idTypeFromLabel(value) ?? value,
  severity: byLabel(SEVERITY_BY_LABEL),
  procedure: byLabel(PROCEDURE_BY_LABEL),
  licenseStatus: byLabel(LICENSE_STATUS_BY_LABEL),
} as const;
type Conversion = keyof typeof CONVERSIONS;

// ---- Header tables: Chinese column → JSON path --------------------------------------------

type GenericKind = Exclude<RecordKind, 'penalty' | 'license'>;
type KindPath = { [K in RecordKind]: `${K}.${keyof KindDetails[K] & string}` }[RecordKind];
/** Every place a column can go, so a typo in the tables below fails type checking. */
type RecordPath =
  | 'documentNumber'
  | 'decisionDate'
  | 'remarks'
  | `subject.${keyof Subject & string}`
  | KindPath;

interface Column {
  /** Where the value goes in the record input; null: accepted and ignored. */
  readonly path: RecordPath | null;
  readonly as?: Conversion;
}
type ColumnTable = Readonly<Record<string, Column>>;

/**
 * The authority that decided is the caller's, taken from its token: a file must not be able
 * to register records in another agency's name. These columns are therefore accepted, so the
 * standard's template imports unchanged, and ignored.
 */
const AUTHORITY: Column = { path: null };

/** Subject and remarks, common to all kinds; `_1`–`_6` are the 2019 numbering only. */
const SUBJECT_COLUMNS = {
  行政相对人名称: { path: 'subject.name' },
  行政相对人类别: { path: 'subject.category', as: 'subjectCategory' },
  '行政相对人代码_1（统一社会信用代码）': { path: 'subject.uscc' },
  '行政相对人代码_2（工商注册号）': { path: 'subject.businessRegNo' },
  '行政相对人代码_3（组织机构代码）': { path: 'subject.orgCode' },
  '行政相对人代码_4（税务登记号）': { path: 'subject.taxNo' },
  '行政相对人代码_5（事业单位证书号）': { path: 'subject.institutionCertNo' },
  '行政相对人代码_6（社会组织登记证号）': { path: 'subject.socialOrgCertNo' },
  统一社会信用代码: { path: 'subject.uscc' },
  工商注册号: { path: 'subject.businessRegNo' },
  组织机构代码: { path: 'subject.orgCode' },
  税务登记号: { path: 'subject.taxNo' },
  事业单位证书号: { path: 'subject.institutionCertNo' },
  社会组织登记证号: { path: 'subject.socialOrgCertNo' },
  法定代表人: { path: 'subject.legalRepresentative' },
  法定代表人证件类型: { path: 'subject.legalRepresentativeIdType', as: 'idType' },
  法定代表人证件号码: { path: 'subject.legalRepresentativeIdNumber' },
  证件类型: { path: 'subject.idType', as: 'idType' },
  证件号码: { path: 'subject.idNumber' },
  备注: { path: 'remarks' },
  数据来源单位: AUTHORITY,
  数据来源单位统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

const PENALTY_COLUMNS = {
  行政处罚决定书文号: { path: 'documentNumber' },
  处罚决定书文号: { path: 'documentNumber' },
  违法行为类型: { path: 'penalty.violationType' },
  违法事实: { path: 'penalty.facts' },
  处罚依据: { path: 'penalty.basis' },
  处罚类别: { path: 'penalty.categories', as: 'categories' },
  处罚内容: { path: 'penalty.content' },
  '罚款金额（万元）': { path: 'penalty.fineAmount', as: 'amount' },
  '没收金额（万元）': { path: 'penalty.confiscatedAmount', as: 'amount' },
  '没收违法所得、没收非法财物的金额（万元）': { path: 'penalty.confiscatedAmount', as: 'amount' },
  暂扣或吊销证照名称及编号: { path: 'penalty.licenseAffected' },
  处罚决定日期: { path: 'decisionDate', as: 'date' },
  处罚有效期: { path: 'penalty.validUntil', as: 'date' },
  失信程度: { path: 'penalty.severity', as: 'severity' },
  处罚严重程度: { path: 'penalty.severity', as: 'severity' },
  处罚程序: { path: 'penalty.procedure', as: 'procedure' },
  // The service works the publication end out from severity and decision date (policy).
  公示截止期: { path: null },
  处罚机关: AUTHORITY,
  处罚机关统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

const LICENSE_COLUMNS = {
  行政许可决定文书名称: { path: 'license.documentName' },
  行政许可决定文书号: { path: 'documentNumber' },
  许可决定文书号: { path: 'documentNumber' },
  许可类别: { path: 'license.category' },
  许可证书名称: { path: 'license.certificateName' },
  许可编号: { path: 'license.licenseNumber' },
  许可内容: { path: 'license.content' },
  许可决定日期: { path: 'decisionDate', as: 'date' },
  有效期自: { path: 'license.validFrom', as: 'date' },
  有效期至: { path: 'license.validTo', as: 'date' },
  当前状态: { path: 'license.status', as: 'licenseStatus' },
  许可机关: AUTHORITY,
  许可机关统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

/** The other eight kinds have no standard columns: a generic set over their common core. */
function genericColumns(kind: GenericKind): ColumnTable {
  return {
    文书号: { path: 'documentNumber' },
    决定文书号: { path: 'documentNumber' },
    决定日期: { path: 'decisionDate', as: 'date' },
    内容: { path: `${kind}.content` },
    决定内容: { path: `${kind}.content` },
    依据: { path: `${kind}.basis` },
    决定机关: AUTHORITY,
    决定机关统一社会信用代码: AUTHORITY,
  };
}

const amount = (kind: 'levy' | 'payment' | 'compensation' | 'reward', header: string): ColumnTable => ({
  '金额（万元）': { path: `${kind}.amount`, as: 'amount' },
  [header]: { path: `${kind}.amount`, as: 'amount' },
});

const KIND_COLUMNS: Readonly<Record<RecordKind, ColumnTable>> = {
  penalty: PENALTY_COLUMNS,
  license: LICENSE_COLUMNS,
  coercion: {
    ...genericColumns('coercion'),
    强制措施: { path: 'coercion.measure' },
    期限自: { path: 'coercion.validFrom', as: 'date' },
    期限至: { path: 'coercion.validTo', as: 'date' },
  },
  confirmation: { ...genericColumns('confirmation'), 确认类别: { path: 'confirmation.confirmationType' } },
  levy: {
    ...genericColumns('levy'),
    征收项目: { path: 'levy.levyType' },
    ...amount('levy', '征收金额（万元）'),
  },
  payment: {
    ...genericColumns('payment'),
    给付类别: { path: 'payment.paymentType' },
    ...amount('payment', '给付金额（万元）'),
  },
  ruling: { ...genericColumns('ruling'), 争议类别: { path: 'ruling.disputeType' } },
  compensation: {
    ...genericColumns('compensation'),
    补偿类别: { path: 'compensation.compensationType' },
    ...amount('compensation', '补偿金额（万元）'),
  },
  reward: {
    ...genericColumns('reward'),
    奖励形式: { path: 'reward.rewardType' },
    ...amount('reward', '奖励金额（万元）'),
  },
  inspection: {
    ...genericColumns('inspection'),
    检查方式: { path: 'inspection.inspectionType' },
    检查结果: { path: 'inspection.result' },
  },
};

/**
 * Headers compare after NFKC (full-width `（万元）` equals `(万元)`, `＿` equals `_`) and
 * without white space, since templates and hand-made files differ in exactly these.
 */
const headerKey = (header: string) => header.normalize('NFKC').replace(/\s/g, '');

function columnsOf(kind: RecordKind): ReadonlyMap<string, Column> {
  const table: ColumnTable = { ...SUBJECT_COLUMNS, ...KIND_COLUMNS[kind] };
  return new Map(Object.entries(table).map(([header, column]) => [headerKey(header), column]));
}

/** The document-number columns that identify a file's kind when the caller does not say. */
const KIND_MARKERS: readonly (readonly [RecordKind, readonly string[]])[] = [
  ['penalty', ['行政处罚决定书文号', '处罚决定书文号'].map(headerKey)],
  ['license', ['行政许可决定文书号', '许可决定文书号'].map(headerKey)],
];

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
 *   or unnamed column, an unknown kind, more than {@link MAX_CSV_ROWS} rows.
 */
export function csvRowsToRecordInputs(text: string, kind?: RecordKind): CsvImport {
  const [header, ...data] = readRows(text);
  if (!header || isBlank(header)) {
    throw fail('csv_no_header', 'CSV 文件没有表头行', 'the CSV file has no header row');
  }
  const filled = data
    .map((cells, index) => ({ cells, row: index + 1 }))
    .filter(({ cells }) => !isBlank(cells));
  if (filled.length > MAX_CSV_ROWS) {
    throw fail(
      'csv_too_many_rows',
      `一次最多导入 ${MAX_CSV_ROWS} 行，此文件有 ${filled.length} 行`,
      `at most ${MAX_CSV_ROWS} rows per file; this one has ${filled.length}`,
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
