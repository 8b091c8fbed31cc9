import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DeadlineKind, DueDeadline, SweepName } from '../domain/deadlines/kinds.ts';
import type { RecomputePorts } from '../domain/deadlines/recompute.ts';
import type { DueDeadlinesPort } from '../domain/deadlines/sweep.ts';
import type { Store } from './client.ts';
import { DEADLINE_SHARDS, deadlinePartition } from './deadline-items.ts';

type Item = Record<string, unknown>;

function toDue(item: Item): DueDeadline & { key: { pk: string; sk: string } } {
  return {
    kind: item.kind as DeadlineKind,
    subjectId: item.subjectId as string,
    dueAt: item.dueAt as string,
    key: { pk: item.pk as string, sk: item.sk as string },
  };
}

/** The `deadlines` index as the sweeps see it. */
export function deadlineRepository({ client, tableName }: Store): DueDeadlinesPort &
  Pick<RecomputePorts, 'openIn'> & {
    deadLetters(sweep: SweepName, limit: number): Promise<Item[]>;
  } {
  const keyOf = (item: DueDeadline) => (item as DueDeadline & { key?: { pk: string; sk: string } }).key;

  return {
    async *due(kind, now, pageSize) {
      const until = `${now.toISOString()}#~`;
      for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
        let start: Item | undefined;
        do {
          const out = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'deadlines',
              KeyConditionExpression: 'dlpk = :pk AND dlsk <= :until',
              ExpressionAttributeValues: { ':pk': deadlinePartition(kind, shard), ':until': until },
              Limit: pageSize,
              ExclusiveStartKey: start,
              ReturnConsumedCapacity: 'TOTAL',
            }),
          );
          const items = (out.Items ?? []).map(toDue);
          if (items.length > 0) yield items;
          start = out.LastEvaluatedKey;
        } while (start);
      }
    },

    async deadLetter(sweep, item, error, at) {
      const key = keyOf(item);
      if (!key) return;
      // Parked under DLQ#<sweep>: out of the sweep's partitions, still listable, error kept.
      await client
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'SET dlpk = :parked, deadLetter = :why',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':parked': `DLQ#${sweep}`,
              ':why': { error: error.slice(0, 1000), at: at.toISOString() },
            },
          }),
        )
        .catch((e: Error) => {
          if (e.name !== 'ConditionalCheckFailedException') throw e;
        });
    },

    async discard(item) {
      const key = keyOf(item);
      if (key) await client.send(new DeleteCommand({ TableName: tableName, Key: key }));
    },

    async deadLetters(sweep, limit) {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'deadlines',
          KeyConditionExpression: 'dlpk = :pk',
          ExpressionAttributeValues: { ':pk': `DLQ#${sweep}` },
          Limit: limit,
        }),
      );
      return out.Items ?? [];
    },

    /** One page of open deadlines of a kind and shard due between two instants, for recomputing. */
    async openIn(kind, shard, fromUtc, toUtc, limit, startKey) {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'deadlines',
          KeyConditionExpression: 'dlpk = :pk AND dlsk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': deadlinePartition(kind, shard),
            ':from': fromUtc,
            ':to': `${toUtc}#~`,
          },
          Limit: limit,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      return { items: (out.Items ?? []).map(toDue), next: out.LastEvaluatedKey };
    },
  };
}
