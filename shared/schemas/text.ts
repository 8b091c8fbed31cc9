import * as z from 'zod';
import { issue } from './issue.ts';

// C0/C1 controls except tab and newlines, and the invisible characters that hide or reorder
// text: zero-width, soft hyphen, bidi embeddings and isolates ("Trojan Source"), fillers; and
// lone surrogates, which are no character at all (JSON's \ud800 makes one) and which UTF-8
// cannot store. With the `u` flag a surrogate pair is one code point, so 𠀀 is not matched.
// biome-ignore lint/complexity/useRegexLiterals: a literal naming control characters trips noControlCharactersInRegex
const HIDDEN = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u3164\\uD800-\\uDFFF\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]',
  'u',
);
const LINE_BREAKS = /[\r\n\t\u2028\u2029]/;

const noHidden = issue(
  'invalid_characters',
  '含有不可见或控制字符',
  'contains control or invisible characters',
);
const oneLine = issue('invalid_characters', '不能包含换行或制表符', 'must not contain line breaks or tabs');

/**
 * `schema`, refusing what no text of the API may hold (HIDDEN) with `invalid_characters`: the
 * one check of every text field, and of strings with a format of their own, such as links.
 */
export function visible<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine((v) => !HIDDEN.test(v), noHidden) as S;
}

/** A one-line name or number: trimmed, 1–max characters, no control or invisible characters. */
export function line(max: number) {
  return visible(z.string().trim().min(1).max(max)).refine((v) => !LINE_BREAKS.test(v), oneLine);
}

/** Free text (facts, content): line breaks allowed, nothing hidden. */
export function text(max: number) {
  return visible(z.string().trim().min(1).max(max));
}

/**
 * An https (or, with `plainHttp`, also http) link of at most `max` characters. zod's URL check
 * parses the link with `new URL()`, which quietly percent-encodes a NUL or a right-to-left
 * override, and keeps the string as sent: the characters are refused here, as in text.
 */
export function link(max: number, { plainHttp = false } = {}) {
  return visible(z.url({ protocol: plainHttp ? /^https?$/ : /^https$/ }).max(max));
}

/** An amount in 万元: not negative, at most 6 decimals, below a trillion. */
export const wanYuan = z
  .number()
  .refine(
    (v) => Number.isFinite(v) && v >= 0 && v < 1e8 && /^\d+(\.\d{1,6})?$/.test(String(v)),
    issue(
      'invalid_amount',
      '金额须为非负数（万元），最多 6 位小数',
      'amount must be a non-negative number of 万元 with at most 6 decimals',
    ),
  )
  .meta({ description: '金额（万元）/ amount in units of 10,000 yuan' });
