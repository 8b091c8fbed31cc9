import type { Actor } from '../../shared/domain/audit.ts';
import { DomainError, InvalidInputError } from '../../shared/domain/errors.ts';
import { MAX_BATCH_ROWS } from '../../shared/domain/records/batch.ts';
import { csvRowsToRecordInputs } from '../../shared/domain/records/csv/import.ts';
import type { RecordUseCases } from '../../shared/domain/records/use-cases.ts';
import type { RecordKind } from '../../shared/domain/records/vocabulary.ts';
import type { BodyFormat } from '../../shared/http/body.ts';
import { toProblem } from '../../shared/http/error-map.ts';
import { fieldProblems } from '../../shared/http/validation.ts';
import { registerRecordBody } from '../../shared/schemas/records/record-input.ts';

const CONCURRENCY = 8;

export type RowResult =
  | { row: number; status: 'created' | 'existing'; id: string }
  | {
      row: number;
      status: 'error';
      code: string;
      field?: string;
      column?: string;
      message: { zh: string; en: string };
    };

export interface BatchResult {
  readonly summary: {
    readonly rows: number;
    readonly created: number;
    readonly existing: number;
    readonly error: number;
  };
  readonly results: readonly RowResult[];
}

export type BatchRegistration = (
  agency: string,
  body: unknown,
  format: BodyFormat | undefined,
  actor: Actor,
  options: { kind?: RecordKind | undefined; publish?: boolean | undefined },
) => Promise<BatchResult>;

function tooMany(): InvalidInputError {
  return new InvalidInputError({
    code: 'batch_too_large',
    field: 'body',
    messages: { zh: `一次最多登记 ${MAX_BATCH_ROWS} 条`, en: `at most ${MAX_BATCH_ROWS} rows per batch` },
  });
}

/** Rows of the body, numbered from 1: a JSON array of records, or a CSV with Chinese headers. */
function rowsOf(
  body: unknown,
  format: BodyFormat | undefined,
  kind: RecordKind | undefined,
): { rows: readonly { row: number; input: unknown }[]; columnOf?: ReadonlyMap<string, string> } {
  // A malformed file is a CsvFormatError, itself a 400 naming the column or line to blame.
  if (format === 'csv') return csvRowsToRecordInputs(String(body), kind);
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

/**
 * Registers up to MAX_BATCH_ROWS rows, each on its own: valid rows are stored even when others fail,
 * and since each registration is idempotent, sending the same file again creates nothing new.
 */
export function makeBatchRegistration(records: RecordUseCases): BatchRegistration {
  return async (agency, body, format, actor, options) => {
    const { rows, columnOf } = rowsOf(body, format, options.kind);
    if (rows.length === 0) {
      throw new InvalidInputError({
        code: 'batch_empty',
        field: 'body',
        messages: { zh: '没有要登记的记录', en: 'the batch has no rows' },
      });
    }
    if (rows.length > MAX_BATCH_ROWS) throw tooMany();
    const results: RowResult[] = new Array(rows.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const { row, input } = rows[i] as { row: number; input: unknown };
        const result = await registerRow(records, agency, row, input, actor, options.publish);
        // In a CSV, also name the column the user wrote, not only the field path.
        const column = result.status === 'error' && result.field ? columnOf?.get(result.field) : undefined;
        results[i] = result.status === 'error' && column ? { ...result, column } : result;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
    const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length;
    return {
      summary: {
        rows: rows.length,
        created: count('created'),
        existing: count('existing'),
        error: count('error'),
      },
      results,
    };
  };
}

async function registerRow(
  records: RecordUseCases,
  agency: string,
  row: number,
  input: unknown,
  actor: Actor,
  publishAll: boolean | undefined,
): Promise<RowResult> {
  const parsed = registerRecordBody.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const [first] = fieldProblems('', parsed.error);
    return {
      row,
      status: 'error',
      code: first?.code ?? 'validation_failed',
      field: first?.field.replace(/^\./, ''),
      message: first?.message ?? { zh: '记录无效', en: 'invalid record' },
    };
  }
  const { publish, ...content } = parsed.data;
  try {
    const { record, created } = await records.register({ uscc: agency }, content, {
      publish: publish ?? publishAll,
      actor,
    });
    return { row, status: created ? 'created' : 'existing', id: record.id };
  } catch (error) {
    // A domain refusal or a passing fault of the store is this row's answer; the rest go on.
    const problem = toProblem(error);
    if (!(error instanceof DomainError) && problem.status !== 503) throw error;
    return {
      row,
      status: 'error',
      code: problem.code,
      ...(problem.field ? { field: problem.field } : {}),
      message: problem.messages,
    };
  }
}
