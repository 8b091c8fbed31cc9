import { DETAIL_FIELDS, type FieldWords, RECORD_FIELDS, SUBJECT_FIELDS } from '../fields.ts';
import {
  ID_TYPE_LABELS,
  KIND_LABELS,
  LICENSE_CATEGORIES,
  LICENSE_STATUS_LABELS,
  PENALTY_CATEGORIES,
  PROCEDURE_LABELS,
  type RecordKind,
  SECTOR_LABELS,
  SEVERITY_LABELS,
  SUBJECT_CATEGORY_LABELS,
} from '../vocabulary.ts';
import type { Conversion } from './cells.ts';
import { type RecordPath, templateHeaders } from './columns.ts';

/**
 * The template files a clerk fills in: the kind's columns in the standard's Chinese headers,
 * read from the import's own tables (columns.ts), so a template always imports. Each column
 * says what it holds and, for coded ones, the words the import takes.
 */

export interface TemplateColumn {
  readonly header: string;
  readonly path: RecordPath;
  /** What to write: the field's hint and the form of its values. */
  readonly help: string;
  /** The only values taken, for a column of codes (written as their Chinese words). */
  readonly allowed?: readonly string[];
  /** How the import reads the column's cells. */
  readonly as?: Conversion;
}

const FORMS: Partial<Record<Conversion, string>> = {
  date: '日期，如 2026-09-30（也可写 2026/9/30 或 20260930）',
  amount: '数字，单位万元，如 0.5',
  categories: '可填多个，以“；”分隔',
};

const ALLOWED: Partial<Record<Conversion, readonly string[]>> = {
  subjectCategory: Object.values(SUBJECT_CATEGORY_LABELS),
  idType: [...Object.values(ID_TYPE_LABELS).filter((label) => label !== '其他'), '其他-证件名称'],
  severity: Object.values(SEVERITY_LABELS),
  procedure: Object.values(PROCEDURE_LABELS),
  licenseStatus: Object.values(LICENSE_STATUS_LABELS),
  sector: Object.values(SECTOR_LABELS),
  categories: PENALTY_CATEGORIES.slice(0, PENALTY_CATEGORIES.indexOf('其他') + 1),
};

function wordsOf(kind: RecordKind, path: RecordPath): FieldWords | undefined {
  const [outer = '', inner] = path.split('.');
  if (inner === undefined) return (RECORD_FIELDS as Readonly<Record<string, FieldWords>>)[outer];
  const table = outer === 'subject' ? SUBJECT_FIELDS : DETAIL_FIELDS[kind];
  return (table as Readonly<Record<string, FieldWords>>)[inner];
}

/** The columns of `kind`'s template, in order, each with its help and allowed values. */
export function templateColumns(kind: RecordKind): TemplateColumn[] {
  return templateHeaders(kind).map(([header, column]) => {
    const words = wordsOf(kind, column.path);
    const allowed =
      column.path === 'license.category'
        ? [...LICENSE_CATEGORIES]
        : column.as
          ? ALLOWED[column.as]
          : undefined;
    const help = [words?.hint, column.as ? FORMS[column.as] : undefined].filter(Boolean).join('；');
    return {
      header,
      path: column.path,
      help,
      ...(allowed ? { allowed } : {}),
      ...(column.as ? { as: column.as } : {}),
    };
  });
}

/** The file name a template is offered under: 行政处罚-模板.csv. */
export const templateFileName = (kind: RecordKind, extension: 'csv' | 'xlsx') =>
  `${KIND_LABELS[kind]}-模板.${extension}`;

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/**
 * The CSV template: a UTF-8 BOM (so Excel opens it as UTF-8, not in the system's GBK) and the
 * header row.
 */
export function csvTemplate(kind: RecordKind): string {
  return `\uFEFF${templateColumns(kind)
    .map((column) => quote(column.header))
    .join(',')}\r\n`;
}
