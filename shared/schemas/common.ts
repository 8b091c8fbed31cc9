import * as z from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { isUscc, usccProblem } from '../domain/identifiers/uscc.ts';
import { issue } from './issue.ts';

type IssueParams = ReturnType<typeof issue>;

/*
 * A check with `abort` stops the others: a value longer than its format allows is refused at
 * once, with the format's own code, and the maxLength of the document is that same number.
 */

const dateFormat = issue('invalid_date', '日期须为 YYYY-MM-DD', 'a date is written YYYY-MM-DD');

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is refused). */
export const isoDate = z
  .string()
  .max('YYYY-MM-DD'.length, { ...dateFormat, abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, dateFormat)
  .refine(isIsoDate, issue('invalid_date', '日期不存在', 'no such date'))
  .meta({ description: '日期 / date, YYYY-MM-DD (Asia/Shanghai)' });

/** An instant with its offset, e.g. `2026-10-16T00:00:00+08:00`. */
export const instant = z.iso.datetime({ offset: true });

/**
 * The longest instant the service writes: `toISOString()` (24 characters) or a deadline's
 * `2026-10-16T00:00:00.000+08:00` (29).
 */
export const MAX_INSTANT_LENGTH = 29;

/** An instant in an answer, written by the service itself (never an echo of a caller's text). */
export const instantOut = z.string().max(MAX_INSTANT_LENGTH).meta({ format: 'date-time' });

/** The body of every id after its prefix and `_`: 26 Crockford base-32 characters (domain/ids.ts). */
const ID_BODY = '[0-9a-hjkmnp-tv-z]{26}';
const idLength = (prefix: string) => prefix.length + 1 + 26;

/** A path or body id with this prefix, refused with `problem` when it is not one. */
export function idParam(prefix: string, problem: IssueParams) {
  return z
    .string()
    .max(idLength(prefix), { ...problem, abort: true })
    .regex(new RegExp(`^${prefix}_${ID_BODY}$`), problem);
}

/** An id with this prefix in an answer. */
export function idOut(prefix: string) {
  return z
    .string()
    .max(idLength(prefix))
    .regex(new RegExp(`^${prefix}_${ID_BODY}$`));
}

/** A unified social credit code has 18 characters (GB 32100-2015). */
export const USCC_LENGTH = 18;

const usccFormat = issue(
  'invalid_uscc_format',
  '统一社会信用代码须为 18 位，仅含数字和除 I、O、S、V、Z 外的大写字母',
  'a unified social credit code is 18 characters: digits and capital letters other than I, O, S, V, Z',
);

export const uscc = z
  .string()
  .max(USCC_LENGTH, { ...usccFormat, abort: true })
  .superRefine((value, ctx) => {
    const problem = usccProblem(value);
    if (problem === 'format') {
      ctx.addIssue({ code: 'custom', ...usccFormat });
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

/** A unified social credit code in an answer: one the service checked when it took it. */
export const usccOut = z
  .string()
  .length(USCC_LENGTH)
  .regex(/^[0-9A-HJ-NP-RTUW-Y]{18}$/);

const yearFormat = issue('invalid_year', '年份须为四位数字', 'year must be four digits');

/** A path parameter that must be a four-digit year. */
export const yearParam = z
  .string()
  .max(4, { ...yearFormat, abort: true })
  .regex(/^\d{4}$/, yearFormat)
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
    .max(6, { ...range, abort: true })
    .regex(/^\d{1,6}$/, range)
    .transform(Number)
    .pipe(z.number().int().min(min, range).max(max, range))
    .meta({ description: `${min}–${max}` });
}

/** The most items a page of any list holds: the largest `limit` a caller may ask for. */
export const MAX_PAGE_SIZE = 100;
/** The longest cursor taken back, and so the longest one a page may give. */
export const MAX_CURSOR_LENGTH = 2000;

/** The paging parameters of every list: a page size and the cursor a previous page returned. */
export const pageLimit = wholeNumberParam(1, MAX_PAGE_SIZE).optional();
export const pageCursor = z
  .string()
  .max(MAX_CURSOR_LENGTH)
  .optional()
  .meta({ description: '分页游标（上一页返回的 cursor）' });
export const paging = { limit: pageLimit, cursor: pageCursor };

/** The query of a list that takes nothing but paging. */
export const pageQuery = z.strictObject(paging);

/** A page of a list: its items and, while more remain, the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).max(MAX_PAGE_SIZE),
    cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
  });
}

/**
 * The longest field name a JSON object of the API may have. Longer keys name no field, so
 * anyFields refuses them as unknown, and maps of names in answers declare the same limit.
 */
export const MAX_FIELD_NAME_LENGTH = 64;

/** A map from field names to values, in an answer. */
export const fieldMap = z.record(z.string().max(MAX_FIELD_NAME_LENGTH), z.unknown());

/**
 * A JSON object of any fields, checked as a whole later (a correction's changes). zod's record
 * skips a `__proto__` field without a word, so it would slip through unseen: it is refused
 * here as the unknown field it is, as a strict object refuses it. So is a key longer than any
 * field name, before the record's own key check could call it something else.
 */
export const anyFields = z.preprocess(
  (value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const unknown = Object.keys(value).filter((k) => k.length > MAX_FIELD_NAME_LENGTH);
    if (Object.hasOwn(value, '__proto__')) unknown.unshift('__proto__');
    if (unknown.length === 0) return value;
    ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value as Record<string, unknown> });
    return Object.fromEntries(Object.entries(value).filter(([k]) => k.length <= MAX_FIELD_NAME_LENGTH));
  },
  z.record(z.string().max(MAX_FIELD_NAME_LENGTH), z.unknown()),
);
