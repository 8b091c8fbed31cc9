import { shanghaiTimestamp } from './dates.ts';

/** What an agency asks of its worklist: one status, only what is overdue or all, a page. */
export interface WorklistRequest<Status extends string> {
  readonly status: Status;
  readonly overdue: boolean;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The store's query for it: with `overdue`, only what fell due before `now`. */
export function worklistQuery<Status extends string>(
  agency: string,
  request: WorklistRequest<Status>,
  now: Date,
) {
  return {
    agency,
    status: request.status,
    ...(request.overdue ? { dueBefore: shanghaiTimestamp(now) } : {}),
    limit: request.limit,
    cursor: request.cursor,
  };
}
