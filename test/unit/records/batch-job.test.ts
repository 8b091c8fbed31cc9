import { describe, expect, it } from 'vitest';
import { makeRowRegistration } from '../../../functions/records/batch.ts';
import {
  type BatchRow,
  chunkRows,
  MAX_CHUNK_BYTES,
  newBatchJob,
  ROWS_PER_CHUNK,
  type RowRegistration,
  runBatchJob,
} from '../../../shared/domain/records/batch-job.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, penaltyInput } from '../../support/record-builders.ts';

const rowsOf = (inputs: readonly unknown[]): BatchRow[] => inputs.map((input, i) => ({ row: i + 1, input }));
const penalties = (n: number) => rowsOf(Array.from({ length: n }, () => penaltyInput()));

/** A job of these rows stored in the world's fake store, due for the worker now. */
async function submitted(world: ReturnType<typeof domainWorld>, rows: readonly BatchRow[], publish = false) {
  const chunks = chunkRows(rows);
  const at = world.time.clock().toISOString();
  const job = newBatchJob({
    agency: AGENCY,
    actor: AGENCY_ACTOR,
    options: { publish },
    rows: rows.length,
    chunks: chunks.length,
    at,
  });
  await world.batchJobs.create(job, chunks, at);
  return job;
}

describe('splitting an upload into chunks', () => {
  it('keeps every row once, in order, at most ROWS_PER_CHUNK a chunk', () => {
    const rows = penalties(1000);
    const chunks = chunkRows(rows);
    expect(chunks).toHaveLength(1000 / ROWS_PER_CHUNK);
    expect(chunks.flat().map((r) => r.row)).toEqual(rows.map((r) => r.row));
  });

  it('starts a new chunk before one grows past MAX_CHUNK_BYTES', () => {
    const big = 'x'.repeat(MAX_CHUNK_BYTES / 4);
    const chunks = chunkRows(rowsOf(Array.from({ length: 10 }, () => ({ facts: big }))));
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 3, 1]);
  });

  it('gives a single row larger than a chunk a chunk of its own', () => {
    const chunks = chunkRows(rowsOf([{ a: 1 }, { facts: 'x'.repeat(MAX_CHUNK_BYTES + 1) }, { b: 2 }]));
    expect(chunks.map((c) => c.length)).toEqual([1, 1, 1]);
  });
});

describe('a batch job run by the worker', () => {
  it('registers every row once over several runs, and ends with the summary and results in row order', async () => {
    const world = domainWorld();
    const rows = [...penalties(60), { row: 61, input: { kind: 'penalty' } }];
    const job = await submitted(world, rows, true);
    world.batchRun.chunks = 1;

    const actions: string[] = [];
    for (let run = 0; run < 10; run++) {
      const report = await world.sweep('batch-jobs');
      actions.push(...Object.keys(report.actions));
      if ((await world.batchJobs.get(job.id))?.status === 'done') break;
    }

    const done = await world.batchJobs.get(job.id);
    expect(done).toMatchObject({
      status: 'done',
      chunksDone: 3,
      summary: { rows: 61, created: 60, existing: 0, error: 1 },
    });
    expect(actions).toEqual(['batch-continues', 'batch-continues', 'batch-done']);
    const results = await world.batchJobs.results(job.id, 3);
    expect(results.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    expect(results[60]).toMatchObject({ row: 61, status: 'error' });
    expect(world.table.records.size).toBe(60);
    expect([...world.table.records.values()].every((r) => r.status === 'published')).toBe(true);
    // Finished: out of the worker's way.
    expect(world.table.deadlines.has(`batch-job#${job.id}`)).toBe(false);
  });

  it('resumes after a worker died mid-chunk: no row lost, none registered twice', async () => {
    const world = domainWorld();
    const rows = penalties(50);
    const job = await submitted(world, rows);
    const register = world.batchJobs; // the store both workers share
    let calls = 0;
    const real: RowRegistration = makeRowRegistration(world.recordUseCases);
    const dying: RowRegistration = async (j, row) => {
      if (++calls > 35) throw new Error('worker killed');
      return real(j, row);
    };

    await expect(
      runBatchJob({ store: register, registerRow: dying, clock: world.time.clock }, job, () => true),
    ).rejects.toThrow('worker killed');
    const halfway = await world.batchJobs.get(job.id);
    if (!halfway) throw new Error('the job is gone');
    expect(halfway).toMatchObject({ status: 'running', chunksDone: 1 });

    // The next worker takes the job where the store says it is.
    const after = await runBatchJob(
      { store: register, registerRow: real, clock: world.time.clock },
      halfway,
      () => true,
    );

    expect(after).toMatchObject({ status: 'done', summary: { rows: 50, error: 0 } });
    expect(after.summary.created + after.summary.existing).toBe(50);
    expect(world.table.records.size).toBe(50);
    const ids = (await world.batchJobs.results(job.id, 2)).map((r) => (r.status === 'error' ? r.code : r.id));
    expect(new Set(ids).size).toBe(50);
  });

  it('lets only one of two workers on the same chunk store it; the other loses with a conflict', async () => {
    const world = domainWorld();
    const job = await submitted(world, penalties(10));
    const real = makeRowRegistration(world.recordUseCases);
    const worker = () =>
      runBatchJob({ store: world.batchJobs, registerRow: real, clock: world.time.clock }, job, () => true);

    const outcomes = await Promise.allSettled([worker(), worker()]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'job_changed' } });
    expect(world.table.records.size).toBe(10);
    expect((await world.batchJobs.get(job.id))?.summary).toMatchObject({ rows: 10, created: 10 });
  });

  it('checks the time only between chunks: a run out of time stores the chunk it began', async () => {
    const world = domainWorld();
    const job = await submitted(world, penalties(60));
    const real = makeRowRegistration(world.recordUseCases);
    let checks = 0;

    const after = await runBatchJob(
      { store: world.batchJobs, registerRow: real, clock: world.time.clock },
      job,
      () => checks++ < 1,
    );

    expect(after).toMatchObject({ status: 'running', chunksDone: 1, summary: { created: ROWS_PER_CHUNK } });
    expect(world.table.records.size).toBe(ROWS_PER_CHUNK);
  });
});
