import { performance } from 'node:perf_hooks';
import type { Actor } from '../../shared/domain/audit.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import { AccessDeniedError, DomainError, InvalidInputError } from '../../shared/domain/errors.ts';
import { MAX_BATCH_ROWS, SYNC_MAX_ROWS } from '../../shared/domain/records/batch.ts';
import {
  type BatchJob,
  type BatchJobStore,
  type BatchRow,
  type BatchSummary,
  chunkRows,
  JOB_LEASE_MS,
  newBatchJob,
  type Paced,
  type RowRegistration,
  type RowResult,
  runBatchJob,
} from '../../shared/domain/records/batch-job.ts';
import { decodeCsvBytes } from '../../shared/domain/records/csv/decode.ts';
import { csvRowsToRecordInputs } from '../../shared/domain/records/csv/import.ts';
import type { RecordUseCases } from '../../shared/domain/records/use-cases.ts';
import type { RecordKind } from '../../shared/domain/records/vocabulary.ts';
import type { BodyFormat } from '../../shared/http/body.ts';
import { toProblem } from '../../shared/http/error-map.ts';
import { fieldProblems } from '../../shared/http/validation.ts';
import { registerRecordBody } from '../../shared/schemas/records/record-input.ts';

/** How long a request runs a small batch itself before handing it to the worker. */
export const SYNC_BUDGET_MS = 8_000;

export interface BatchResult {
  readonly summary: BatchSummary;
  readonly results: readonly RowResult[];
}

export type BatchSubmission =
  | { readonly state: 'done'; readonly job: BatchJob; readonly result: BatchResult }
  | { readonly state: 'running'; readonly job: BatchJob };

export interface BatchJobs {
  submit(
    agency: string,
    body: unknown,
    format: BodyFormat | undefined,
    actor: Actor,
    options: { kind?: RecordKind | undefined; publish?: boolean | undefined },
  ): Promise<BatchSubmission>;
  /** A job of the agency's, with the results of the rows done so far; another's is not found. */
  status(agency: string, id: string): Promise<{ job: BatchJob; results: RowResult[] }>;
}

function tooMany(): InvalidInputError {
  return new InvalidInputError({
    code: 'batch_too_large',
    field: 'body',
    messages: { zh: `一次最多登记 ${MAX_BATCH_ROWS} 条`, en: `at most ${MAX_BATCH_ROWS} rows per batch` },
  });
}

/**
 * Rows of the body, numbered from 1: a JSON array of records, or a file with the standard's
 * Chinese headers (a CSV in UTF-8 or GB18030, or an .xlsx), all through one mapping. A job
 * stores the rows' record inputs, never the file: a chunk is then the same for every format.
 */
async function rowsOf(
  body: unknown,
  format: BodyFormat | undefined,
  kind: RecordKind | undefined,
): Promise<{ rows: readonly BatchRow[]; columnOf?: ReadonlyMap<string, string> }> {
  // A malformed file is a CsvFormatError or XlsxFormatError, a 400 naming what to blame.
  if (format === 'csv') return csvRowsToRecordInputs(csvText(body), kind);
  if (format === 'xlsx') return (await xlsxReader()).xlsxRowsToRecordInputs(body as Uint8Array, kind);
  if (!Array.isArray(body)) {
    throw new InvalidInputError({
      code: 'batch_not_array',
      field: 'body',
      messages: { zh: 'JSON 请求体须为记录数组', en: 'a JSON batch must be an array of records' },
    });
  }
  if (body.length > MAX_BATCH_ROWS) throw tooMany();
  return { rows: body.map((input, i) => ({ row: i + 1, input })) };
}

/** The .xlsx reader, loaded on the first workbook: exceljs adds some 270 ms to a cold start. */
const xlsxReader = () => import('../../shared/domain/records/xlsx/read.ts');

/** A CSV's text: bytes from the HTTP layer are decoded (UTF-8, BOM or GB18030) here. */
const csvText = (body: unknown) => (body instanceof Uint8Array ? decodeCsvBytes(body).text : String(body));

/** A time budget from now, on the monotonic clock (the domain's clock may be fixed in tests). */
export const budgetOf = (ms: number) => () => {
  const started = performance.now();
  return () => performance.now() - started < ms;
};

/**
 * The worker's pace: after each chunk it rests as long as the chunk took, so a job uses at
 * most half of the time of the table it shares with everyone else. A 1,000-row job at full
 * speed slowed public reads sevenfold (bench: batch_job_read_p50_ratio); a job is not in a
 * hurry, the public is. A request running a small batch itself does not rest.
 */
export const WORKER_DUTY = 0.5;

export const pacedAt =
  (duty: number): Paced =>
  async (work) => {
    const started = performance.now();
    const result = await work();
    const rest = (performance.now() - started) * (1 / duty - 1);
    await new Promise((resolve) => setTimeout(resolve, rest));
    return result;
  };

/**
 * Batch registration as jobs: the upload is checked as a file (a 400 for a malformed one,
 * storing nothing), stored, and then run here if small or handed to the worker.
 */
export function makeBatchJobs(deps: {
  records: RecordUseCases;
  store: BatchJobStore;
  clock: Clock;
}): BatchJobs {
  const registerRow = makeRowRegistration(deps.records);
  return {
    async submit(agency, body, format, actor, options) {
      const { rows, columnOf } = await rowsOf(body, format, options.kind);
      if (rows.length === 0) {
        throw new InvalidInputError({
          code: 'batch_empty',
          field: 'body',
          messages: { zh: '没有要登记的记录', en: 'the batch has no rows' },
        });
      }
      if (rows.length > MAX_BATCH_ROWS) throw tooMany();
      const chunks = chunkRows(rows);
      const now = deps.clock();
      const job = newBatchJob({
        agency,
        actor,
        options: { kind: options.kind, publish: options.publish },
        columnOf: columnOf ? Object.fromEntries(columnOf) : undefined,
        rows: rows.length,
        chunks: chunks.length,
        at: now.toISOString(),
      });
      const inline = rows.length <= SYNC_MAX_ROWS;
      // Run here: leased to this request, so the worker leaves it alone unless it dies.
      const dueAt = inline ? new Date(now.getTime() + JOB_LEASE_MS) : now;
      await deps.store.create(job, chunks, dueAt.toISOString());
      if (!inline) return { state: 'running', job };
      let after: BatchJob;
      try {
        after = await runBatchJob({ ...deps, registerRow }, job, budgetOf(SYNC_BUDGET_MS)());
      } catch (error) {
        // A passing fault of the store: the job is stored, so the worker finishes it rather
        // than the caller hearing 503 about rows that will be registered all the same.
        if (toProblem(error).status !== 503) throw error;
        const current = (await deps.store.get(job.id)) ?? job;
        await deps.store.release(current, deps.clock().toISOString());
        return { state: 'running', job: current };
      }
      if (after.status !== 'done') {
        await deps.store.release(after, deps.clock().toISOString());
        return { state: 'running', job: after };
      }
      return {
        state: 'done',
        job: after,
        result: { summary: after.summary, results: await deps.store.results(after.id, after.chunks) },
      };
    },

    async status(agency, id) {
      const job = await deps.store.get(id);
      if (!job || job.agency !== agency) {
        // As for records: another agency's job and one that does not exist look the same.
        throw new AccessDeniedError({
          code: 'job_not_accessible',
          messages: { zh: '无权访问该任务，或其不存在', en: 'no such job among those you may access' },
        });
      }
      return { job, results: await deps.store.results(id, job.chunksDone) };
    },
  };
}

/** Registers one row of a job as the agency that submitted it; a refusal is the row's answer. */
export function makeRowRegistration(records: RecordUseCases): RowRegistration {
  return async (job, { row, input }) => {
    const result = await registerRow(records, job, row, input);
    // In a CSV, also name the column the user wrote, not only the field path.
    const column = result.status === 'error' && result.field ? job.columnOf?.[result.field] : undefined;
    return result.status === 'error' && column ? { ...result, column } : result;
  };
}

async function registerRow(
  records: RecordUseCases,
  job: BatchJob,
  row: number,
  input: unknown,
): Promise<RowResult> {
  const parsed = registerRecordBody.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const [first] = fieldProblems('', parsed.error);
    return {
      row,
      status: 'error',
      code: first?.code ?? 'validation_failed',
      ...(first ? { field: first.field.replace(/^\./, '') } : {}),
      message: first?.message ?? { zh: '记录无效', en: 'invalid record' },
    };
  }
  const { publish, ...content } = parsed.data;
  try {
    const { record, created } = await records.register({ uscc: job.agency }, content, {
      publish: publish ?? job.options.publish,
      actor: job.actor,
    });
    return { row, status: created ? 'created' : 'existing', id: record.id };
  } catch (error) {
    // A domain refusal is this row's answer; the rest go on. A passing fault of the store is
    // not: the chunk is not stored, and whoever runs the job next tries it again.
    if (!(error instanceof DomainError)) throw error;
    const problem = toProblem(error);
    return {
      row,
      status: 'error',
      code: problem.code,
      ...(problem.field ? { field: problem.field } : {}),
      message: problem.messages,
    };
  }
}
