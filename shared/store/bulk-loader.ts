import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { hashState } from '../domain/audit.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import { auditItem } from './audit-items.ts';
import type { Store } from './client.ts';
import { derivedEntries, documentKey, recordKey, toItem } from './record-items.ts';

type Item = Record<string, unknown>;

/**
 * Every item one record consists of, exactly as a registration (and publication) would have
 * written them: the record, its document claim, its audit entry and its derived index and
 * deadline entries.
 */
export function recordItems(record: DisclosureRecord, audit: AuditEntry): Item[] {
  const hash = hashState(record.content);
  return [
    toItem(record, hash),
    {
      ...documentKey(record.authority.uscc, record.content.kind, record.content.documentNumber),
      type: 'document-claim',
      recordId: record.id,
      contentHash: hash,
    },
    auditItem(recordKey(record.id).pk, audit),
    ...derivedEntries(record).map((entry) => entry.item),
  ];
}

/**
 * Loads many records fast, for benchmarks and imports into an empty table: BatchWriteItem in
 * parallel chunks instead of one transaction per record. It checks no condition, so it is
 * for data whose ids and document numbers are known to be new; the service never uses it.
 */
export async function bulkLoad(
  { client, tableName }: Store,
  items: readonly Item[],
  concurrency = 8,
): Promise<number> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25) as Item[]);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches.length; b = next++) {
      let requests: { PutRequest: { Item: Item } }[] = (batches[b] ?? []).map((Item) => ({
        PutRequest: { Item },
      }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return items.length;
}
