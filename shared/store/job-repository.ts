import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RecomputeJob, RecomputePorts } from '../domain/deadlines/recompute.ts';
import type { Store } from './client.ts';
import { DEADLINE_SHARDS } from './deadline-items.ts';
import { deadlineRepository } from './deadline-repository.ts';
import { jobKey } from './job-items.ts';

export function recomputePorts(store: Store): RecomputePorts {
  const { client, tableName } = store;
  const deadlines = deadlineRepository(store);
  return {
    shards: DEADLINE_SHARDS,
    async getJob(id) {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: jobKey(id), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const job = out.Item.job as Omit<RecomputeJob, 'progress'>;
      return { ...job, progress: out.Item.progress as RecomputeJob['progress'] };
    },
    async saveProgress(id, progress) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: jobKey(id),
          UpdateExpression: 'SET progress = :p',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':p': progress },
        }),
      );
    },
    async finish(id) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: jobKey(id) }));
    },
    openIn: (kind, shard, from, to, limit, startKey) =>
      deadlines.openIn(kind, shard, from, to, limit, startKey),
  };
}
