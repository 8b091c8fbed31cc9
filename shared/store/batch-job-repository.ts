import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type BatchJob,
  type BatchJobStore,
  type BatchRow,
  JOB_RETENTION_DAYS,
  jobAfterChunk,
  jobChanged,
  type RowResult,
} from '../domain/records/batch-job.ts';
import { BATCH_JOB_TYPE, chunkSk, HEADER_SK, JOB_STATES, jobPk } from './batch-job-items.ts';
import type { Store } from './client.ts';
import { deadlineEntry } from './deadline-items.ts';
import { TABLE } from './table.ts';
import { transactWrite } from './transactions.ts';

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

const JOB_FIELDS = [
  'id',
  'agency',
  'actor',
  'options',
  'columnOf',
  'rows',
  'chunks',
  'chunksDone',
  'summary',
  'status',
  'submittedAt',
  'updatedAt',
  'finishedAt',
] as const satisfies readonly (keyof BatchJob)[];

function jobOf(item: Record<string, unknown>): BatchJob {
  const job: Record<string, unknown> = {};
  for (const field of JOB_FIELDS) if (item[field] !== undefined) job[field] = item[field];
  return job as unknown as BatchJob;
}

const expiresAt = (submittedAt: string) =>
  Math.floor(new Date(submittedAt).getTime() / 1000) + JOB_RETENTION_DAYS * 86_400;

function deadlineFields(id: string, dueAt: string) {
  const { item } = deadlineEntry(jobPk(id), id, { kind: 'batch-job', dueAt });
  return { kind: item.kind, subjectId: item.subjectId, dueAt: item.dueAt, dlpk: item.dlpk, dlsk: item.dlsk };
}

export function batchJobRepository({ client, tableName }: Store): BatchJobStore {
  return {
    async create(job, chunks, dueAt) {
      if (chunks.length + 1 > MAX_TRANSACTION_ITEMS) throw new Error(`a job of ${chunks.length} chunks`);
      const ttl = { [TABLE.ttlAttribute]: expiresAt(job.submittedAt) };
      const queued = new Date(dueAt).getTime() <= new Date(job.submittedAt).getTime();
      await transactWrite(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: {
                pk: jobPk(job.id),
                sk: HEADER_SK,
                type: BATCH_JOB_TYPE,
                ...job,
                state: queued ? JOB_STATES.queued : JOB_STATES.inline,
                ...deadlineFields(job.id, dueAt),
                ...ttl,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...chunks.map((rows, index) => ({
            Put: {
              TableName: tableName,
              // Rows as JSON text: a caller's input holds anything (empty strings, deep
              // arrays), and is handed back to the schema exactly as it came.
              Item: {
                pk: jobPk(job.id),
                sk: chunkSk(index),
                type: 'batch-chunk',
                rows: JSON.stringify(rows),
                ...ttl,
              },
            },
          })),
        ],
        jobChanged,
      );
    },

    async get(id) {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: jobPk(id), sk: HEADER_SK }, ConsistentRead: true }),
      );
      return out.Item?.type === BATCH_JOB_TYPE ? jobOf(out.Item) : undefined;
    },

    async chunk(id, index) {
      const out = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: jobPk(id), sk: chunkSk(index) },
          ConsistentRead: true,
        }),
      );
      if (!out.Item) throw new Error(`job ${id} has no chunk ${index}`);
      return JSON.parse(out.Item.rows as string) as BatchRow[];
    },

    async completeChunk(job, index, results, at, dueAt) {
      const next = jobAfterChunk(job, index, results, at);
      const done = next.status === 'done';
      const deadline = deadlineFields(job.id, dueAt);
      await transactWrite(
        client,
        [
          {
            Update: {
              TableName: tableName,
              Key: { pk: jobPk(job.id), sk: chunkSk(index) },
              UpdateExpression: 'SET results = :results',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(results)',
              ExpressionAttributeValues: { ':results': JSON.stringify(results) },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: { pk: jobPk(job.id), sk: HEADER_SK },
              // Finished: out of the deadlines index, so no worker looks at it again.
              UpdateExpression: done
                ? 'SET chunksDone = :done, summary = :summary, updatedAt = :at, #state = :taken, #status = :status, finishedAt = :at REMOVE dlpk, dlsk, dueAt'
                : 'SET chunksDone = :done, summary = :summary, updatedAt = :at, #state = :taken, dueAt = :dueAt, dlsk = :dlsk',
              ConditionExpression: 'chunksDone = :index',
              ExpressionAttributeNames: { '#state': 'state', ...(done ? { '#status': 'status' } : {}) },
              ExpressionAttributeValues: {
                ':done': index + 1,
                ':summary': next.summary,
                ':at': at,
                ':index': index,
                // Out of `queued`: the stream's trigger fires only on the step into it.
                ':taken': JOB_STATES.taken,
                ...(done ? { ':status': 'done' } : { ':dueAt': deadline.dueAt, ':dlsk': deadline.dlsk }),
              },
            },
          },
        ],
        jobChanged,
      );
      return next;
    },

    async results(id, chunks) {
      const out: RowResult[] = [];
      if (chunks === 0) return out;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
            ExpressionAttributeValues: {
              ':pk': jobPk(id),
              ':first': chunkSk(0),
              ':last': chunkSk(chunks - 1),
            },
            ProjectionExpression: 'results',
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          if (typeof item.results === 'string') out.push(...(JSON.parse(item.results) as RowResult[]));
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    async release(job, at) {
      const deadline = deadlineFields(job.id, at);
      await client
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: jobPk(job.id), sk: HEADER_SK },
            UpdateExpression: 'SET #state = :queued, dueAt = :dueAt, dlsk = :dlsk',
            ConditionExpression: 'chunksDone = :index AND #status = :running',
            ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
            ExpressionAttributeValues: {
              ':queued': JOB_STATES.queued,
              ':dueAt': deadline.dueAt,
              ':dlsk': deadline.dlsk,
              ':index': job.chunksDone,
              ':running': 'running',
            },
          }),
        )
        .catch((error: Error) => {
          // Someone else moved it on meanwhile: theirs to hand over, not ours.
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    },
  };
}
