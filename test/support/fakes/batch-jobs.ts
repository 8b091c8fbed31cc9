import {
  type BatchJob,
  type BatchJobStore,
  type BatchRow,
  jobAfterChunk,
  jobChanged,
  type RowResult,
} from '../../../shared/domain/records/batch-job.ts';
import type { InMemoryTable } from './table.ts';

/**
 * Batch jobs in memory, with the store's conditions: a chunk is completed once, in order.
 * A running job is an open 'batch-job' deadline in the table, as in DynamoDB's index.
 */
export function fakeBatchJobStore(table: InMemoryTable): BatchJobStore & { chunkReads: number } {
  const jobs = new Map<string, BatchJob>();
  const chunks = new Map<string, { rows: readonly BatchRow[]; results?: readonly RowResult[] }>();
  const due = (id: string, dueAt: string) =>
    table.deadlines.set(`batch-job#${id}`, { kind: 'batch-job', subjectId: id, dueAt });
  const fake = {
    chunkReads: 0,
    async create(job: BatchJob, rows: readonly (readonly BatchRow[])[], dueAt: string) {
      if (jobs.has(job.id)) throw jobChanged();
      jobs.set(job.id, job);
      rows.forEach((chunk, i) => {
        chunks.set(`${job.id}#${i}`, { rows: structuredClone(chunk) });
      });
      due(job.id, dueAt);
    },
    get: async (id: string) => jobs.get(id),
    async chunk(id: string, index: number) {
      fake.chunkReads++;
      const chunk = chunks.get(`${id}#${index}`);
      if (!chunk) throw new Error(`job ${id} has no chunk ${index}`);
      return structuredClone(chunk.rows);
    },
    async completeChunk(
      job: BatchJob,
      index: number,
      results: readonly RowResult[],
      at: string,
      dueAt: string,
    ) {
      const chunk = chunks.get(`${job.id}#${index}`);
      if (jobs.get(job.id)?.chunksDone !== index || !chunk || chunk.results) throw jobChanged();
      const next = jobAfterChunk(job, index, results, at);
      chunks.set(`${job.id}#${index}`, { ...chunk, results });
      jobs.set(job.id, next);
      if (next.status === 'done') table.deadlines.delete(`batch-job#${job.id}`);
      else due(job.id, dueAt);
      return next;
    },
    async results(id: string, count: number) {
      return Array.from({ length: count }, (_, i) => chunks.get(`${id}#${i}`)?.results ?? []).flat();
    },
    async release(job: BatchJob, at: string) {
      const current = jobs.get(job.id);
      if (current?.status === 'running' && current.chunksDone === job.chunksDone) due(job.id, at);
    },
  };
  return fake;
}
