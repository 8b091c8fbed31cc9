import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/records/ports.ts';
import { batchGetAll } from './batch-get.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';

/** A condition on the pointers' own attributes (DynamoDB FilterExpression). */
export interface PointerFilter {
  readonly expression: string;
  readonly names: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * One page of a pointer partition (items `{ pk, sk: <instant>#<id>, <id attribute> }` that
 * stand for aggregates kept elsewhere), newest first: the ids pointed at and the cursor. The
 * cursor is bound to `shape` (the query's filters), so one query's cursor cannot page another.
 */
export async function pointerPage(
  { client, tableName }: Store,
  pk: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  {
    shape = { pk },
    idAttribute = 'id',
    filter,
  }: { shape?: unknown; idAttribute?: string; filter?: PointerFilter } = {},
): Promise<{ ids: string[]; cursor: string | undefined }> {
  const start = decodeCursor(page.cursor, shape, (p) => isStartKey(p, startKeyRules('table', pk)));
  const filtered = filter && Object.keys(filter.values).length > 0;
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(filtered ? filter.values : {}) },
      ...(filtered ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
      ScanIndexForward: false,
      Limit: page.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  return {
    ids: (out.Items ?? []).map((item) => item[idAttribute] as string),
    cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined,
  };
}

/**
 * One page of a pointer partition with the aggregates it points at, read in one batch and
 * kept in the pointers' order; a pointer whose aggregate is gone is left out.
 */
export async function pointedPage<T>(
  store: Store,
  pk: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
  read: {
    readonly key: (id: string) => { pk: string; sk: string };
    readonly idOf: (item: Record<string, unknown>) => string;
    readonly fromItem: (item: Record<string, unknown>) => T;
  },
): Promise<Page<T>> {
  const { ids, cursor } = await pointerPage(store, pk, page);
  const items = ids.length ? await batchGetAll(store.client, store.tableName, ids.map(read.key)) : [];
  const found = new Map(items.map((item) => [read.idOf(item), read.fromItem(item)]));
  return { items: ids.flatMap((id) => found.get(id) ?? []), cursor };
}
