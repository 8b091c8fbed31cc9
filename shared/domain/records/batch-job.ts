import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { DeadlineHandler } from '../deadlines/sweep.ts';
import { ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { RecordKind } from './vocabulary.ts';

/**
 * A batch registration as a job: the upload is stored first, in chunks, and its rows are
 * registered chunk by chunk, each chunk's results stored with the job's progress in one
 * write. Whoever runs it (the request itself for a small batch, the worker otherwise) can
 * stop between chunks and anyone can go on from there: a crash loses at most the chunk in
 * hand, whose rows are registered again idempotently (answering `existing`), never twice.
 */

/** One row of an upload, numbered from 1 as the caller counts them. */
export interface BatchRow {
  readonly row: number;
  readonly input: unknown;
}

export type RowResult =
  | { readonly row: number; readonly status: 'created' | 'existing'; readonly id: string }
  | {
      readonly row: number;
      readonly status: 'error';
      readonly code: string;
      readonly field?: string;
      /** In a CSV, the column the user wrote, not only the field path. */
      readonly column?: string;
      readonly message: { readonly zh: string; readonly en: string };
    };

export interface BatchSummary {
  readonly rows: number;
  readonly created: number;
  readonly existing: number;
  readonly error: number;
}

export interface BatchOptions {
  readonly kind?: RecordKind | undefined;
  readonly publish?: boolean | undefined;
}

export type BatchJobStatus = 'running' | 'done';

export interface BatchJob {
  readonly id: string;
  readonly agency: string;
  readonly actor: Actor;
  readonly options: BatchOptions;
  /** CSV uploads: the column each field path came from, to name it in a row's error. */
  readonly columnOf?: Readonly<Record<string, string>> | undefined;
  readonly rows: number;
  readonly chunks: number;
  readonly chunksDone: number;
  /** Counts over the chunks done so far. */
  readonly summary: BatchSummary;
  readonly status: BatchJobStatus;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly finishedAt?: string | undefined;
}

/**
 * A chunk is small enough that one worker registers it in a few seconds and its rows and
 * results fit one item each, far below DynamoDB's 400 KB.
 */
export const ROWS_PER_CHUNK = 25;
export const MAX_CHUNK_BYTES = 200_000;

/** Rows registered at once within a chunk. */
export const ROW_CONCURRENCY = 4;

/** Runs a chunk's work and answers its result; the worker's version rests afterwards. */
export type Paced = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * How long a worker holds a job it is running before another may take it over: far longer
 * than a chunk takes, so only a worker that died loses it.
 */
export const JOB_LEASE_MS = 60_000;

/** Jobs and their results are kept this long after submission, then expire. */
export const JOB_RETENTION_DAYS = 30;

/** Another worker stored this chunk first, or moved the job on: this run lost the race. */
export const jobChanged = () =>
  new ConflictError({
    code: 'job_changed',
    messages: { zh: '任务已由另一处理进程推进', en: 'another worker moved the job on' },
  });

export interface BatchJobStore {
  /** Stores a new job with its chunks, due for a worker at `dueAt`. */
  create(job: BatchJob, chunks: readonly (readonly BatchRow[])[], dueAt: string): Promise<void>;
  get(id: string): Promise<BatchJob | undefined>;
  chunk(id: string, index: number): Promise<readonly BatchRow[]>;
  /**
   * Stores the results of chunk `index` and moves the job past it, if nobody else did
   * meanwhile (else a ConflictError). A job not done is due again at `dueAt`.
   */
  completeChunk(
    job: BatchJob,
    index: number,
    results: readonly RowResult[],
    at: string,
    dueAt: string,
  ): Promise<BatchJob>;
  /** The results of the first `chunks` chunks, in row order. */
  results(id: string, chunks: number): Promise<RowResult[]>;
  /** Hands a job still running to the worker at once: its runner stopped for time. */
  release(job: BatchJob, at: string): Promise<void>;
}

/** Registers one row and says how it went; a refusal is the row's answer, not an error. */
export type RowRegistration = (job: BatchJob, row: BatchRow) => Promise<RowResult>;

/** Splits rows into chunks of at most ROWS_PER_CHUNK rows and about MAX_CHUNK_BYTES. */
export function chunkRows(rows: readonly BatchRow[]): BatchRow[][] {
  const chunks: BatchRow[][] = [];
  let current: BatchRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row.input ?? null).length;
    if (current.length > 0 && (current.length >= ROWS_PER_CHUNK || bytes + size > MAX_CHUNK_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function newBatchJob(input: {
  agency: string;
  actor: Actor;
  options: BatchOptions;
  columnOf?: Readonly<Record<string, string>> | undefined;
  rows: number;
  chunks: number;
  at: string;
}): BatchJob {
  return {
    id: newId('job'),
    agency: input.agency,
    actor: input.actor,
    options: input.options,
    ...(input.columnOf ? { columnOf: input.columnOf } : {}),
    rows: input.rows,
    chunks: input.chunks,
    chunksDone: 0,
    summary: { rows: input.rows, created: 0, existing: 0, error: 0 },
    status: 'running',
    submittedAt: input.at,
    updatedAt: input.at,
  };
}

/** How many results of each status: what a chunk adds to the job's summary. */
export function tally(results: readonly RowResult[]): Omit<BatchSummary, 'rows'> {
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), existing: count('existing'), error: count('error') };
}

/** The job once chunk `index` is done with these results: counted, and finished after its last. */
export function jobAfterChunk(
  job: BatchJob,
  index: number,
  results: readonly RowResult[],
  at: string,
): BatchJob {
  const added = tally(results);
  const done = index + 1 >= job.chunks;
  return {
    ...job,
    chunksDone: index + 1,
    summary: {
      rows: job.summary.rows,
      created: job.summary.created + added.created,
      existing: job.summary.existing + added.existing,
      error: job.summary.error + added.error,
    },
    updatedAt: at,
    ...(done ? { status: 'done' as const, finishedAt: at } : {}),
  };
}

/** `f` over `items`, at most `limit` at once, results in the items' order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Runs a job chunk by chunk while `timeLeft()` says so, and answers where it got to. It only
 * checks the time between chunks: a chunk begun is finished and stored before it returns,
 * so nothing is left running when its caller answers.
 */
export async function runBatchJob(
  deps: {
    store: BatchJobStore;
    registerRow: RowRegistration;
    clock: Clock;
    /** Runs each chunk's registrations, and may rest after them: the worker's pace. */
    paced?: Paced | undefined;
  },
  job: BatchJob,
  timeLeft: () => boolean,
): Promise<BatchJob> {
  const paced = deps.paced ?? ((work) => work());
  let current = job;
  while (current.status === 'running' && timeLeft()) {
    const index = current.chunksDone;
    const rows = await deps.store.chunk(current.id, index);
    const running = current;
    const results = await paced(() =>
      mapBounded(rows, ROW_CONCURRENCY, (row) => deps.registerRow(running, row)),
    );
    const at = deps.clock();
    current = await deps.store.completeChunk(
      current,
      index,
      results,
      at.toISOString(),
      new Date(at.getTime() + JOB_LEASE_MS).toISOString(),
    );
  }
  return current;
}

export interface BatchJobWorker {
  readonly store: BatchJobStore;
  readonly registerRow: RowRegistration;
  readonly clock: Clock;
  /** Starts one run's time budget: the answer is false once the run should hand over. */
  readonly budget: () => () => boolean;
  readonly paced?: Paced | undefined;
}

/**
 * The 'batch-job' timer: runs a due job for one budget. A job still running after it is
 * handed over at once (due now), so the next run, or the trigger, goes on without waiting
 * for the lease to run out.
 */
export function makeBatchJobHandler(worker: BatchJobWorker): DeadlineHandler {
  return async (item) => {
    const job = await worker.store.get(item.subjectId);
    if (!job) return 'stale';
    // A job just finished can still be listed by the (eventually consistent) index.
    if (job.status === 'done') return 'batch-done';
    const after = await runBatchJob(worker, job, worker.budget());
    if (after.status === 'done') return 'batch-done';
    await worker.store.release(after, worker.clock().toISOString());
    return 'batch-continues';
  };
}
