import type { Actor } from '../domain/audit.ts';
import { personRef } from '../domain/workflows/party.ts';
import type { Principal } from './principal.ts';
import { HttpProblem } from './problem.ts';

/**
 * The audit actor for a caller: the agency or entity code, the admin's subject, or for a person
 * the hash of their ID number (party.ts personRef): the audit trail is read by the credit
 * office and verified in bulk, and needs to tell persons apart, not to hold their numbers.
 */
export function actorOf(principal: Principal | undefined): Actor {
  if (!principal) throw new Error('a mutation reached a route without a caller');
  switch (principal.role) {
    case 'agency':
      return { role: 'agency', id: principal.agency };
    case 'entity':
      return { role: 'entity', id: principal.uscc };
    case 'person':
      return { role: 'person', id: personRef(principal.idNumber) };
    case 'admin':
      return { role: 'admin', id: principal.subject };
  }
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match: "N"` header names, or undefined without the header. */
export function parseIfMatch(headers: Readonly<Record<string, string | undefined>>): number | undefined {
  const value = headers['if-match'] ?? headers['If-Match'];
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(value);
  if (!match) {
    throw new HttpProblem(
      400,
      'invalid_if_match',
      { zh: 'If-Match 须为 GET 返回的 ETag，例如 "3"', en: 'If-Match must be an ETag from a GET, e.g. "3"' },
      { field: 'if-match' },
    );
  }
  return Number(match[1]);
}
