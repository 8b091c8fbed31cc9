import { csvTemplate, templateFileName } from '../../shared/domain/records/csv/template.ts';
import type { RecordKind } from '../../shared/domain/records/vocabulary.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/http/body.ts';
import type { Reply } from '../../shared/http/http-handler.ts';

/** The media types a template comes in, for the route's documentation. */
export const TEMPLATE_MEDIA_TYPES = {
  'text/csv': 'format=csv — 表头行（UTF-8 带 BOM）/ the header row, UTF-8 with BOM',
  [XLSX_MEDIA_TYPE]: 'format=xlsx — 表头行及“填写说明”工作表 / header row and a 填写说明 sheet',
} as const;

/**
 * `attachment` with the Chinese name as RFC 5987/6266 `filename*`, and an ASCII `filename`
 * for the clients that know no other.
 */
export function attachment(kind: RecordKind, extension: 'csv' | 'xlsx'): string {
  const name = encodeURIComponent(templateFileName(kind, extension));
  return `attachment; filename="${kind}-template.${extension}"; filename*=UTF-8''${name}`;
}

/** Loaded on the first .xlsx asked for: exceljs adds some 270 ms to a cold start. */
const xlsxWriter = () => import('../../shared/domain/records/xlsx/template.ts');

/** A kind's template file as an answer; the same for everyone, so it may be cached a while. */
export async function templateReply(kind: RecordKind, format: 'csv' | 'xlsx'): Promise<Reply> {
  const headers = { 'content-disposition': attachment(kind, format), 'cache-control': 'public, max-age=300' };
  return format === 'csv'
    ? { text: csvTemplate(kind), contentType: 'text/csv; charset=utf-8', headers }
    : { bytes: await (await xlsxWriter()).xlsxTemplate(kind), contentType: XLSX_MEDIA_TYPE, headers };
}
