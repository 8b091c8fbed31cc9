import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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
