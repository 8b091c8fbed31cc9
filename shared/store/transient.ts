/**
 * DynamoDB's own signals that trying again later will work: throttling, a busy or failing
 * service, a timeout, a lost connection. The API answers these with 503 and Retry-After; the
 * sweeps leave the item due for the next run instead of parking it. (A write whose answer
 * was lost may have happened: transactions settle that themselves, see transactions.ts, and
 * every write is guarded by a condition, so trying again never applies it twice.)
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
  // batch-get.ts: DynamoDB kept leaving keys of a BatchGetItem unread.
  'UnprocessedKeysError',
]);

/**
 * An answer came but could not be read (a truncated or garbled body): the SDK attaches the
 * raw response to the parse error; a service exception, which it could read, has a `$fault`.
 */
function unreadableAnswer(error: Error): boolean {
  return Object.hasOwn(error, '$response') && !('$fault' in error);
}

/**
 * A transaction cancelled only because DynamoDB throttled some of its items (and none failed
 * a condition): it changed nothing, and the same write later will work.
 */
function throttledTransaction(error: Error): boolean {
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).filter(
    (r) => r.Code !== undefined && r.Code !== 'None',
  );
  return (
    reasons.length > 0 &&
    reasons.every((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')
  );
}

export function isTransientStoreError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (
    TRANSIENT.has(error.name) ||
    (code !== undefined && TRANSIENT.has(code)) ||
    unreadableAnswer(error) ||
    throttledTransaction(error)
  );
}
