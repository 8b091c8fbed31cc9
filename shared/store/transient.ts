/**
 * DynamoDB's own signals that trying again later will work, with nothing written: throttling,
 * a busy or failing service, a timeout. The API answers these with 503 and Retry-After; the
 * sweeps leave the item due for the next run instead of parking it.
 */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'ECONNRESET',
  'ECONNREFUSED',
]);

export function isTransientStoreError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return TRANSIENT.has(error.name) || (code !== undefined && TRANSIENT.has(code));
}
