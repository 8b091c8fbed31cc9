import {
  AccessDeniedError,
  ConflictError,
  type DomainError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  StaleVersionError,
} from '../domain/errors.ts';
import { isTransientStoreError } from '../store/transient.ts';
import { HttpProblem } from './problem.ts';

/** The one table from domain error families to HTTP status codes. */
const STATUS_BY_FAMILY: ReadonlyArray<[new (...args: never[]) => DomainError, number]> = [
  [InvalidInputError, 400],
  [AccessDeniedError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [StaleVersionError, 412],
  [RuleViolationError, 422],
];

const INTERNAL = new HttpProblem(500, 'internal_error', {
  zh: '服务内部错误，请稍后重试',
  en: 'internal error; please retry later',
});

const UNAVAILABLE = new HttpProblem(
  503,
  'service_unavailable',
  { zh: '服务繁忙，请稍后重试', en: 'the service is busy; please retry later' },
  { headers: { 'retry-after': '1' } },
);

/**
 * What the caller is told about `error`. Only answers below 500 say anything specific;
 * anything unexpected becomes a plain 500 that leaks nothing. `locate` turns a domain error's
 * bare field into the place in the request the caller sent it (see `fieldLocator`).
 */
export function toProblem(error: unknown, locate: (field: string) => string = (field) => field): HttpProblem {
  if (error instanceof HttpProblem) return error;
  for (const [family, status] of STATUS_BY_FAMILY) {
    if (error instanceof family) {
      return new HttpProblem(status, error.code, error.messages, {
        ...(error.field ? { field: locate(error.field) } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    }
  }
  if (isTransientStoreError(error)) return UNAVAILABLE;
  return INTERNAL;
}

/** The parts of a request as received, before validation. */
export interface RequestParts {
  readonly path?: Readonly<Record<string, unknown>> | undefined;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
}

/**
 * Names a domain error's field as validation errors name theirs (`body.recordId`,
 * `query.from`, `path.year`): the domain knows the field, not where the request carried it.
 * A field found in no part (a header such as `if-match`, or `body` itself) stays as it is.
 */
export function fieldLocator(parts: RequestParts): (field: string) => string {
  return (field) => {
    const head = /^[^.[]+/.exec(field)?.[0] ?? field;
    for (const part of ['path', 'query', 'body'] as const) {
      const value = parts[part];
      if (typeof value === 'object' && value !== null && Object.hasOwn(value, head))
        return `${part}.${field}`;
    }
    return field;
  };
}
