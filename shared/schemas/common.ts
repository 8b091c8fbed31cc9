import * as z from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { isUscc, usccProblem } from '../domain/identifiers/uscc.ts';
import { issue } from './issue.ts';

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issue('invalid_date', '日期须为 YYYY-MM-DD', 'a date is written YYYY-MM-DD'))
  .refine(isIsoDate, issue('invalid_date', '日期不存在', 'no such date'))
  .meta({ description: '日期 / date, YYYY-MM-DD (Asia/Shanghai)' });

/** An instant with its offset, e.g. `2026-10-16T00:00:00+08:00`. */
export const instant = z.iso.datetime({ offset: true });

export const uscc = z
  .string()
  .superRefine((value, ctx) => {
    const problem = usccProblem(value);
    if (problem === 'format') {
      ctx.addIssue({
        code: 'custom',
        ...issue(
          'invalid_uscc_format',
          '统一社会信用代码须为 18 位，仅含数字和除 I、O、S、V、Z 外的大写字母',
          'a unified social credit code is 18 characters: digits and capital letters other than I, O, S, V, Z',
        ),
      });
    } else if (problem === 'check_character') {
      ctx.addIssue({
        code: 'custom',
        ...issue(
          'invalid_uscc_check',
          '统一社会信用代码校验位错误',
          'the unified social credit code has a wrong check character',
        ),
      });
    }
  })
  .meta({ description: '统一社会信用代码 / unified social credit code (GB 32100-2015)' });

export { isUscc };

/** A path parameter that must be a four-digit year. */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/, issue('invalid_year', '年份须为四位数字', 'year must be four digits'))
  .transform(Number);

/** Whole numbers from a query string: digits only, so `1e1`, `1.5` and `-3` are refused. */
export function wholeNumberParam(min: number, max: number) {
  const range = issue(
    'out_of_range',
    `须为 ${min} 至 ${max} 之间的整数`,
    `must be a whole number from ${min} to ${max}`,
  );
  return z
    .string()
    .regex(/^\d{1,6}$/, range)
    .transform(Number)
    .pipe(z.number().int().min(min, range).max(max, range))
    .meta({ description: `${min}–${max}` });
}

/** The paging parameters of every list: a page size and the cursor a previous page returned. */
export const pageLimit = wholeNumberParam(1, 100).optional();
export const pageCursor = z
  .string()
  .max(2000)
  .optional()
  .meta({ description: '分页游标（上一页返回的 cursor）' });
export const paging = { limit: pageLimit, cursor: pageCursor };

/** The query of a list that takes nothing but paging. */
export const pageQuery = z.strictObject(paging);

/** A page of a list: its items and, while more remain, the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), cursor: z.string().optional() });
}

/**
 * A JSON object of any fields, checked as a whole later (a correction's changes). zod's record
 * skips a `__proto__` field without a word, so it would slip through unseen: it is refused
 * here as the unknown field it is, as a strict object refuses it.
 */
export const anyFields = z.preprocess(
  (value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'))
      ctx.addIssue({
        code: 'unrecognized_keys',
        keys: ['__proto__'],
        input: value as Record<string, unknown>,
      });
    return value;
  },
  z.record(z.string(), z.unknown()),
);
