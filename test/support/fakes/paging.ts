import type { Page } from '../../../shared/domain/records/ports.ts';

/**
 * One page of `items` (already in the order the real index keeps them) from an opaque
 * cursor. The fakes need no tamper-proof cursors: the store's are tested against DynamoDB.
 */
export function pageOf<T>(items: readonly T[], limit: number, cursor?: string): Page<T> {
  const from = cursor === undefined ? 0 : Number(cursor);
  const to = from + limit;
  return { items: items.slice(from, to), cursor: to < items.length ? String(to) : undefined };
}
