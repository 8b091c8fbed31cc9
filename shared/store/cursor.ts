import { createHash } from 'node:crypto';
import { InvalidInputError } from '../domain/errors.ts';

/**
 * Opaque page cursors: the position to continue from, bound to the query it came from, so a
 * cursor replayed with other filters is refused rather than silently mixing result sets.
 */
export function encodeCursor(query: unknown, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(query), p: position })).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  query: unknown,
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      q?: unknown;
      p?: unknown;
    };
    if (decoded.q === fingerprint(query) && decoded.p !== null && typeof decoded.p === 'object') {
      return decoded.p as Record<string, unknown>;
    }
  } catch {
    // fall through to the refusal below
  }
  throw new InvalidInputError({
    code: 'invalid_cursor',
    field: 'cursor',
    messages: { zh: '分页游标无效或与查询条件不符', en: 'the cursor is invalid or belongs to another query' },
  });
}

function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}
