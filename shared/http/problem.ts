import type { Messages } from '../domain/errors.ts';

/** One offending field of a request, as shown to the caller. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: Messages;
}

/** An answer that is the HTTP layer's own (401, 403, 404, 405, 413, 415, malformed JSON). */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Messages;
  readonly field: string | undefined;
  readonly errors: readonly FieldProblem[];
  readonly headers: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    status: number,
    code: string,
    messages: Messages,
    extra: {
      field?: string;
      errors?: readonly FieldProblem[];
      headers?: Record<string, string>;
      details?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(messages.en);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.field = extra.field;
    this.errors = extra.errors ?? [];
    this.headers = extra.headers ?? {};
    this.details = extra.details;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem+json body (RFC 9457) every error answer of the API carries. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly message: Messages;
  readonly field?: string;
  readonly errors?: readonly FieldProblem[];
  readonly details?: Readonly<Record<string, unknown>>;
  readonly requestId?: string;
}

export function problemBody(
  problem: {
    status: number;
    code: string;
    messages: Messages;
    field?: string | undefined;
    errors?: readonly FieldProblem[];
    details?: Readonly<Record<string, unknown>> | undefined;
  },
  requestId: string | undefined,
): ProblemBody {
  return {
    type: `urn:problem:disclosure-service:${problem.code}`,
    title: problem.messages.en,
    status: problem.status,
    code: problem.code,
    detail: problem.messages.zh,
    message: problem.messages,
    ...(problem.field ? { field: problem.field } : {}),
    ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
    ...(problem.details ? { details: problem.details } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
