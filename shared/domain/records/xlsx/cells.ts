import type { CellValue } from 'exceljs';

/**
 * An .xlsx cell as the text the clerk sees, so a workbook goes through the very pipeline a
 * CSV does (shared/domain/records/csv) and answers alike. Dates become YYYY-MM-DD, numbers
 * the digits Excel shows, rich text and hyperlinks their text, formulas their last result.
 */

/** Excel keeps 15 significant digits; a binary fraction beyond that is noise (0.30000000000000004). */
const asShown = (value: number) => String(Number(value.toPrecision(15)));

/**
 * exceljs turns a date cell's serial number into a Date at midnight UTC of that day (Excel
 * dates have no zone), so the day is read in UTC: in the local zone of a machine west of
 * Greenwich it would be the day before.
 */
const isoDay = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/**
 * A number of more than 15 digits has lost its last digits in Excel: an 18-digit ID number or
 * credit code typed into a number cell. Its digits are never passed on (a wrong code may still
 * pass the check digit and name another person); the marker fails validation in its column.
 */
export const DIGITS_LOST = '#数字超过15位已失真，请将该列设为文本格式后重新填写';

const numberText = (value: number) => (Math.abs(value) >= 1e15 ? DIGITS_LOST : asShown(value));

/** The text of one cell's value; empty for an empty cell. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  // An error value (#N/A, #REF!) is passed on as written, for validation to name it.
  if ('error' in value) return value.error;
  return '';
}
