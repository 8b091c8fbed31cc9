import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import type { PushStore, UpstreamPush } from '../domain/sharing/upstream.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { dueKeys, PUSH_SHARDS, pushKey, pushPartition, pushSortKey } from './push-items.ts';

const lost = () =>
  new ConflictError({
    code: 'upstream_push_race',
    messages: {
      zh: '该记录的报送已由另一次运行处理或已有新内容',
      en: 'another run handled this push, or the record changed since',
    },
  });

const isConditionFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export function pushRepository({ client, tableName }: Store): PushStore {
  const update = async (
    push: UpstreamPush,
    expression: string,
    condition: string,
    values: Record<string, unknown>,
  ) => {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: pushKey(push.recordId),
          UpdateExpression: expression,
          // The same intent, still pending: a newer record change wrote a state of its own.
          ConditionExpression: `push.digest = :digest AND push.#state = :pending${condition ? ` AND ${condition}` : ''}`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':digest': push.digest, ':pending': 'pending', ...values },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw lost();
      throw error;
    }
  };

  async function* all(): AsyncIterable<readonly UpstreamPush[]> {
    for (let shard = 0; shard < PUSH_SHARDS; shard++) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': pushPartition(shard) },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        yield (out.Items ?? []).map((item) => item.push as UpstreamPush);
        start = out.LastEvaluatedKey;
      } while (start);
    }
  }

  return {
    async get(recordId) {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: pushKey(recordId), ConsistentRead: true }),
      );
      return out.Item?.push as UpstreamPush | undefined;
    },

    claim: (push, now, until) =>
      update(
        push,
        'SET leaseUntil = :until',
        'push.attempts = :attempts AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        { ':until': until.toISOString(), ':now': now.toISOString(), ':attempts': push.attempts },
      ),

    async settle(push, outcome) {
      const at = outcome.at.toISOString();
      if (outcome.state === 'pending') {
        const dueAt = outcome.retryAt.toISOString();
        return update(
          push,
          'SET push.attempts = :n, push.reason = :reason, push.dueAt = :due, push.updatedAt = :at, dueAt = :due, dlsk = :dlsk REMOVE leaseUntil',
          '',
          {
            ':n': push.attempts + 1,
            ':reason': outcome.reason,
            ':due': dueAt,
            ':at': at,
            ':dlsk': dueKeys(push.recordId, dueAt).dlsk,
          },
        );
      }
      const settled = {
        ':state': outcome.state,
        ':at': at,
        ':gsi1sk': pushSortKey(push.agency, outcome.state, push.recordId),
      };
      if (outcome.state === 'accepted')
        return update(
          push,
          'SET push.#state = :state, push.receipt = :receipt, push.acceptedAt = :at, push.updatedAt = :at, gsi1sk = :gsi1sk REMOVE push.reason, dlpk, dlsk, dueAt, kind, subjectId, leaseUntil',
          '',
          { ...settled, ':receipt': outcome.receipt },
        );
      return update(
        push,
        `SET push.#state = :state, push.reason = :reason, push.updatedAt = :at, gsi1sk = :gsi1sk${outcome.field ? ', push.field = :field' : ''} REMOVE dlpk, dlsk, dueAt, kind, subjectId, leaseUntil`,
        '',
        { ...settled, ':reason': outcome.reason, ...(outcome.field ? { ':field': outcome.field } : {}) },
      );
    },

    all,

    async forAgency({ agency, state, limit, cursor }) {
      // One shard after the other; the cursor names the shard and the key within it.
      const shape = { agency, state };
      const prefix = `${agency}#${state}#`;
      const decoded = decodeCursor(cursor, shape, (p) => {
        const { shard, key } = p as { shard?: unknown; key?: unknown };
        if (typeof shard !== 'number' || !Number.isInteger(shard) || shard < 0 || shard >= PUSH_SHARDS)
          return false;
        return (
          key === undefined ||
          isStartKey(
            key,
            startKeyRules('gsi1', pushPartition(shard), (sk) => sk.startsWith(prefix)),
          )
        );
      }) as { shard: number; key?: Record<string, unknown> } | undefined;
      const items: UpstreamPush[] = [];
      let shard = decoded?.shard ?? 0;
      let start = decoded?.key;
      while (shard < PUSH_SHARDS && items.length < limit) {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pushPartition(shard), ':prefix': prefix },
            Limit: limit - items.length,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...(out.Items ?? []).map((item) => item.push as UpstreamPush));
        start = out.LastEvaluatedKey;
        if (!start) shard++;
      }
      const more = shard < PUSH_SHARDS;
      return {
        items,
        cursor: more ? encodeCursor(shape, { shard, ...(start ? { key: start } : {}) }) : undefined,
      };
    },
  };
}
