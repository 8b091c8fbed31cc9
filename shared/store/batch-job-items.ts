/**
 * A batch job is one header item and one item per chunk, all in the partition `BATCH#<id>`.
 * While running, the header is its own open deadline (kind 'batch-job') in the `deadlines`
 * index, due when a worker should take it; finishing removes it from the index. `state` is
 * what the table stream's trigger looks at (infra/batch-trigger.ts): a job stepping into
 * `queued` asks for a worker now; `inline` says the submitting request runs it itself, and
 * `taken` that a worker has it.
 */
export const BATCH_JOB_TYPE = 'batch-job';
export const JOB_STATES = { queued: 'queued', inline: 'inline', taken: 'taken' } as const;

export const jobPk = (id: string) => `BATCH#${id}`;
export const HEADER_SK = 'JOB';
export const chunkSk = (index: number) => `CHUNK#${String(index).padStart(4, '0')}`;
