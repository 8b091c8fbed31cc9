/**
 * More rows than this is a file to split, not one request: the most one batch registration
 * (JSON or CSV) takes, and what the API document promises.
 */
export const MAX_BATCH_ROWS = 1000;

/**
 * A batch of up to this many rows is run by its own request, and answered 200 with every
 * row's result when it finishes within its time budget; anything larger, or slower, is
 * answered 202 at once and left to the worker (a 1,000-row upload once ran past the
 * gateway's 29 s and kept writing after its 503).
 */
export const SYNC_MAX_ROWS = 100;
