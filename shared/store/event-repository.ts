import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent, EventType } from '../domain/events.ts';
import type { Page } from '../domain/records/ports.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { ALL_EVENTS } from './event-items.ts';

/** The outbox read back, newest first: of one type, or of all through gsi1. */
export function eventRepository({ client, tableName }: Store) {
  return {
    async list(query: {
      type?: EventType | undefined;
      limit: number;
      cursor?: string | undefined;
    }): Promise<Page<DomainEvent>> {
      const shape = { type: query.type ?? null };
      const start = decodeCursor(query.cursor, shape, (p) =>
        isStartKey(
          p,
          query.type ? startKeyRules('table', `EVENT#${query.type}`) : startKeyRules('gsi1', ALL_EVENTS),
        ),
      );
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...(query.type
            ? {
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': `EVENT#${query.type}` },
              }
            : {
                IndexName: 'gsi1',
                KeyConditionExpression: 'gsi1pk = :pk',
                ExpressionAttributeValues: { ':pk': ALL_EVENTS },
              }),
          ScanIndexForward: false,
          Limit: query.limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return {
        items: (out.Items ?? []).map((item) => item.event as DomainEvent),
        cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined,
      };
    },
  };
}
