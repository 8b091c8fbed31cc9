/**
 * More rows than this is a file to split, not one request: the most one batch registration
 * (JSON or CSV) takes, and what the API document promises.
 */
export const MAX_BATCH_ROWS = 1000;
