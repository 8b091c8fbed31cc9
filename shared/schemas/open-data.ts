import * as z from 'zod';
import { OPEN_DATA_COLUMNS } from '../domain/sharing/open-data.ts';
import { instantOut, isoDate } from './common.ts';
import { issue } from './issue.ts';

/** The streamed files take no parameters: the whole public register, as of now. */
export const openDataQuery = z.strictObject({});

export const snapshotParams = z.strictObject({
  date: z
    .string()
    .max(10, { ...issue('invalid_date', '日期须为 YYYY-MM-DD', 'the date must be YYYY-MM-DD'), abort: true })
    .pipe(isoDate)
    .meta({ description: '快照日期（北京时间），YYYY-MM-DD' }),
});

export const openDataManifest = z
  .object({
    columns: z
      .array(z.string().max(40))
      .max(OPEN_DATA_COLUMNS.length)
      .meta({ description: 'CSV 的列（数据标准的中文字段名）' }),
    files: z
      .object({
        csv: z.string().max(100).meta({ description: '全部公示信息（CSV，UTF-8 带 BOM），实时生成' }),
        ndjson: z.string().max(100).meta({ description: '全部公示信息（每行一条 JSON），实时生成' }),
      })
      .meta({ description: '实时文件的地址' }),
    snapshots: z
      .array(
        z.object({
          date: isoDate,
          file: z.string().max(60),
          url: z.string().max(100).meta({ description: '下载地址（重定向到短时有效的文件链接）' }),
          sha256: z.string().max(64).meta({ description: '文件内容的 SHA-256（十六进制）' }),
          bytes: z.number().int().min(0),
          rows: z.number().int().min(0).meta({ description: '记录条数（不含表头）' }),
          at: instantOut,
        }),
      )
      .max(31)
      .meta({ description: '每日快照，新的在前（最近 31 天）' }),
  })
  .meta({ id: 'OpenDataManifest', description: '开放数据清单：实时文件与每日快照及其 SHA-256' });
