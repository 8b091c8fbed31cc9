import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const READS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'TransactGetItemsCommand',
]);

export interface CapacityMeter {
  /** Read capacity units consumed since the last reset. */
  readUnits(): number;
  /** Commands of each kind sent since the last reset (`ScanCommand` should never appear). */
  commands(): Readonly<Record<string, number>>;
  reset(): void;
}

type CapacityField = { CapacityUnits?: number; ReadCapacityUnits?: number } | undefined;

function units(consumed: unknown): number {
  const list = (Array.isArray(consumed) ? consumed : [consumed]) as CapacityField[];
  return list.reduce((sum, c) => sum + (c?.ReadCapacityUnits ?? c?.CapacityUnits ?? 0), 0);
}

/**
 * Counts what reads cost, from DynamoDB's own ConsumedCapacity: asks for it on every read
 * and adds it up. For tests and benchmarks that show cost follows the answer, not the table.
 */
export function meterReads(client: DynamoDBDocumentClient): CapacityMeter {
  let read = 0;
  let sent: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      sent[name] = (sent[name] ?? 0) + 1;
      if (READS.has(name)) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (READS.has(name)) read += units((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
      return result;
    },
    { step: 'initialize', name: 'capacityMeter', override: true },
  );
  return {
    readUnits: () => read,
    commands: () => ({ ...sent }),
    reset: () => {
      read = 0;
      sent = {};
    },
  };
}
