import type * as z from 'zod';
// The two locales by path: reaching them through z.locales would bundle all sixty (250 KiB).
import english from 'zod/v4/locales/en.js';
import chinese from 'zod/v4/locales/zh-CN.js';
import type { Messages } from '../domain/errors.ts';
import { type IssueParams, registeredIssue } from '../schemas/issue.ts';
import { type FieldProblem, HttpProblem } from './problem.ts';

const zh = chinese().localeError;
const en = english().localeError;

function localized(locale: typeof zh, issue: z.core.$ZodIssue): string {
  const out = locale(issue as never);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}

/**
 * An answer names at most this many offending fields, with a count of the rest: 90,000
 * unknown keys once made a 10 MB answer to a 1 MB request.
 */
export const MAX_LISTED_ERRORS = 20;

/** A caller's key is echoed back at most this long, so no answer grows with a key's length. */
const MAX_KEY_ECHO = 64;

const echoed = (key: string) => (key.length > MAX_KEY_ECHO ? `${key.slice(0, MAX_KEY_ECHO)}…` : key);

function fieldPath(location: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${echoed(String(key))}`),
    location,
  );
}

export function fieldProblems(location: string, error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const params =
      (issue.code === 'custom' ? (issue.params as IssueParams | undefined) : undefined) ??
      registeredIssue(issue.message);
    if (params?.code) {
      return [
        {
          field: fieldPath(location, issue.path),
          code: params.code,
          message: { zh: params.zh, en: params.en },
        },
      ];
    }
    // A field that is simply absent deserves plainer words than zod's type message.
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      return [
        {
          field: fieldPath(location, issue.path),
          code: 'required',
          message: { zh: '缺少必填字段', en: 'this field is required' },
        },
      ];
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.slice(0, MAX_LISTED_ERRORS).map((key) => ({
        field: fieldPath(location, [...issue.path, key]),
        code: 'unknown_field',
        message: { zh: `不允许的字段 "${echoed(key)}"`, en: `unknown field "${echoed(key)}"` },
      }));
    }
    return [
      {
        field: fieldPath(location, issue.path),
        code: issue.code,
        message: { zh: localized(zh, issue), en: localized(en, issue) },
      },
    ];
  });
}

/** How many fields are at fault, counting each unknown key once. */
function problemCount(error: z.ZodError): number {
  return error.issues.reduce(
    (n, issue) => n + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1),
    0,
  );
}

const INVALID: Messages = { zh: '请求参数不符合要求', en: 'the request is not valid' };

/** Parses one part of a request; a failure is a 400 naming every offending field. */
export function parsePart<T>(schema: z.ZodType<T>, location: string, value: unknown): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const errors = fieldProblems(location, result.error);
  const first = errors[0];
  const omitted = problemCount(result.error) - Math.min(errors.length, MAX_LISTED_ERRORS);
  throw new HttpProblem(400, 'validation_failed', first ? first.message : INVALID, {
    ...(first ? { field: first.field } : {}),
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    ...(omitted > 0 ? { details: { errorsOmitted: omitted } } : {}),
  });
}
