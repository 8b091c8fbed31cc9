import type { Page } from '../domain/records/ports.ts';

/** Items per page when the caller does not say: the size of every list of the API … */
export const DEFAULT_PAGE_SIZE = 20;
/** … but the credit office's oversight lists, read in longer runs. */
export const OVERSIGHT_PAGE_SIZE = 50;

/** What a list route asks its use case for: the caller's page size (or the default) and cursor. */
export function pageRequest(
  query: { readonly limit?: number | undefined; readonly cursor?: string | undefined },
  size = DEFAULT_PAGE_SIZE,
): { limit: number; cursor: string | undefined } {
  return { limit: query.limit ?? size, cursor: query.cursor };
}

/** The body of a list answer: the items (as `view` shows them) and the next page's cursor, if any. */
export function pageBody<T, V = T>(
  page: Page<T>,
  view?: (item: T) => V,
): { items: (T | V)[]; cursor?: string } {
  return {
    items: view ? page.items.map(view) : [...page.items],
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
