import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isTransientStoreError } from '../../shared/store/transient.ts';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('a cancelled transaction', () => {
  it('is worth trying again when DynamoDB only throttled it', () => {
    expect(isTransientStoreError(cancelled('None', 'ThrottlingError', 'None'))).toBe(true);
  });

  it('is not when a condition failed, even beside throttling: that is a lost race', () => {
    expect(isTransientStoreError(cancelled('ConditionalCheckFailed', 'ThrottlingError'))).toBe(false);
    expect(isTransientStoreError(cancelled('None', 'None'))).toBe(false);
  });
});
