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
 * anything unexpected becomes a plain 500 that leaks nothing.
 */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  for (const [family, status] of STATUS_BY_FAMILY) {
    if (error instanceof family) {
      return new HttpProblem(status, error.code, error.messages, {
        ...(error.field ? { field: error.field } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    }
  }
  if (isTransientStoreError(error)) return UNAVAILABLE;
  return INTERNAL;
}
