/**
 * Domain errors. Each carries a stable `code`, a message in Chinese and in English and,
 * where one field is to blame, that field's path. The HTTP layer maps the four families
 * below to status codes in one table; the domain never speaks HTTP.
 */

export interface Messages {
  readonly zh: string;
  readonly en: string;
}

export interface DomainErrorDetails {
  readonly code: string;
  readonly messages: Messages;
  readonly field?: string;
  readonly cause?: unknown;
  /** Facts the caller needs to act, e.g. `{ firstAllowedDate }`; shown in the answer. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly messages: Messages;
  readonly field: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor({ code, messages, field, cause, details }: DomainErrorDetails) {
    super(messages.en, { cause });
    this.name = 'DomainError';
    this.code = code;
    this.messages = messages;
    this.field = field;
    this.details = details;
  }
}

/** The input breaks a rule (a date outside its year, a wrong check character). */
export class InvalidInputError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'InvalidInputError';
  }
}

/** The thing asked for does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'NotFoundError';
  }
}

/** The request is valid but collides with the current state (a lost race, a duplicate). */
export class ConflictError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'ConflictError';
  }
}

/** The caller's copy is stale: the `If-Match` version is not the current one. */
export class StaleVersionError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'StaleVersionError';
  }
}

/**
 * The caller may not touch this object. Also answered for objects that do not exist, so
 * the answer never tells whether someone else's object does.
 */
export class AccessDeniedError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'AccessDeniedError';
  }
}

/** The request is well-formed but a rule of the domain forbids it now (e.g. too early). */
export class RuleViolationError extends DomainError {
  constructor(details: DomainErrorDetails) {
    super(details);
    this.name = 'RuleViolationError';
  }
}

/**
 * Runs `work`; a domain error it throws about a field of the record's content is reported
 * under `prefix`, where the caller put that field (`changes.documentNumber` of a correction,
 * where the store only knows `documentNumber`).
 */
export async function fieldsUnder<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.field) throw error;
    const Family = error.constructor as new (details: DomainErrorDetails) => DomainError;
    throw new Family({
      code: error.code,
      messages: error.messages,
      field: `${prefix}.${error.field}`,
      cause: error,
      ...(error.details ? { details: error.details } : {}),
    });
  }
}
