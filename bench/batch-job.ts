/**
 * `batch_job_s_per_1000_rows`: a batch of rows with the longest fields allowed, sent to
 * `POST /v1/records/batch?publish=true` as an asynchronous job (202, `GET /v1/jobs/{id}`
 * polled until its `status` is `done`), and the public reads' median latency while it runs
 * against just before (`batch_job_read_p50_ratio`). Measured only when the API document
 * says the route answers 202; before the job exists it is reported as not measured.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { httpRequest, median } from './latency.ts';
import { longestRows } from './longest-rows.ts';
import type { Random } from './names.ts';
import { round } from './read-cost.ts';

type Penalty = Extract<RecordInput, { kind: 'penalty' }>;

interface OpenApi {
  readonly paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

/** Whether the running server's API document has the job: a 202 on the batch route and the job resource. */
export async function batchJobDeclared(baseUrl: string): Promise<boolean> {
  const agent = new Agent({ keepAlive: false });
  try {
    const out = await httpRequest(agent, `${baseUrl}/v1/openapi.json`);
    if (out.status !== 200) throw new Error(`GET /v1/openapi.json: ${out.status}`);
    const paths = (JSON.parse(out.body) as OpenApi).paths ?? {};
    return (
      paths['/v1/records/batch']?.post?.responses?.['202'] !== undefined &&
      paths['/v1/jobs/{id}']?.get !== undefined
    );
  } finally {
    agent.destroy();
  }
}

/**
 * Public reads, one at a time on each of `workers` connections, until `stop()` says so (and
 * for at least `minSeconds`); their latencies.
 */
async function readWhile(
  baseUrl: string,
  ids: readonly string[],
  stop: () => boolean,
  { workers = 4, minSeconds = 0 } = {},
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const times: number[] = [];
  const until = performance.now() + minSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (!stop() || performance.now() < until) {
      const id = ids[next++ % ids.length] as string;
      const started = performance.now();
      const out = await httpRequest(agent, `${baseUrl}/v1/disclosures/${id}`);
      if (out.status !== 200) throw new Error(`GET /v1/disclosures/${id} during the job: ${out.status}`);
      times.push(performance.now() - started);
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, worker));
    return times;
  } finally {
    agent.destroy();
  }
}

interface JobAnswer {
  readonly id?: string;
  readonly status?: string;
  readonly summary?: { rows?: number; created?: number; existing?: number; error?: number };
}

export async function measureBatchJob(
  baseUrl: string,
  token: string,
  ids: readonly string[],
  make: { base: () => Penalty; random: Random; rows: number },
  {
    readSeconds = 5,
    timeoutSeconds = 900,
    floorUrl,
  }: {
    readSeconds?: number;
    timeoutSeconds?: number;
    /** The minimal server: read through it too, to tell a slower table from a busier service. */
    floorUrl?: string;
  } = {},
) {
  const batch = longestRows(make.base, make.random, make.rows);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { authorization: `Bearer ${token}` };
  try {
    // The public reads' median just before the job.
    const floorUntil = (stop: () => boolean, minSeconds = 0) =>
      floorUrl ? readWhile(floorUrl, ids, stop, { workers: 1, minSeconds }) : Promise.resolve([]);
    const [before, floorBefore] = await Promise.all([
      readWhile(baseUrl, ids, () => true, { minSeconds: readSeconds }),
      floorUntil(() => true, readSeconds),
    ]);

    let done = false;
    const reading = readWhile(baseUrl, ids, () => done);
    const floorReading = floorUntil(() => done);
    reading.catch(() => undefined); // awaited below
    floorReading.catch(() => undefined);
    const started = performance.now();
    let answer: JobAnswer = {};
    let acceptedMs = 0;
    let polls = 0;
    let synchronous = false;
    try {
      const post = await httpRequest(agent, `${baseUrl}/v1/records/batch?publish=true`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(batch.rows),
      });
      acceptedMs = performance.now() - started;
      if (post.status === 200) {
        // Small enough to run within the request: the answer is the result.
        answer = { status: 'done', ...(JSON.parse(post.body) as JobAnswer) };
        synchronous = true;
      } else if (post.status !== 202) {
        throw new Error(`POST /v1/records/batch: ${post.status} ${post.body.slice(0, 500)}`);
      } else {
        const location =
          String(post.headers.location ?? '') || `/v1/jobs/${(JSON.parse(post.body) as JobAnswer).id}`;
        const deadline = started + timeoutSeconds * 1000;
        for (;;) {
          const out = await httpRequest(agent, new URL(location, baseUrl).href, { headers: auth });
          polls++;
          if (out.status !== 200) throw new Error(`GET ${location}: ${out.status} ${out.body.slice(0, 500)}`);
          answer = JSON.parse(out.body) as JobAnswer;
          if (answer.status === 'done') break;
          if (answer.status === 'failed')
            throw new Error(`job ${location} failed: ${out.body.slice(0, 1000)}`);
          if (performance.now() > deadline)
            throw new Error(`job ${location} not done in ${timeoutSeconds} s`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      done = true;
    }
    const seconds = (performance.now() - started) / 1000;
    const during = await reading;
    const floorDuring = await floorReading;
    const s = answer.summary ?? {};
    if (s.rows !== make.rows || (s.created ?? 0) + (s.existing ?? 0) !== make.rows || s.error !== 0)
      throw new Error(`job ended with ${JSON.stringify(s)}, expected ${make.rows} rows stored`);

    const p50Before = median(before);
    const p50During = median(during);
    return {
      figures: {
        batch_job_s_per_1000_rows: round((seconds / make.rows) * 1000, 1),
        // Only a job answers before the work is done; a synchronous answer is the work.
        ...(synchronous ? {} : { batch_job_accept_ms: round(acceptedMs, 1) }),
        batch_job_read_p50_ratio: round(p50During / p50Before, 3),
      },
      detail: {
        rows: make.rows,
        answered: synchronous ? '200 with the results' : '202 with a job',
        seconds: round(seconds, 1),
        polls,
        summary: s,
        body_bytes: batch.body_bytes,
        field_lengths: batch.lengths,
        field_limits: batch.limits,
        read_p50_before_ms: round(p50Before, 2),
        read_p50_during_ms: round(p50During, 2),
        reads_before: before.length,
        reads_during: during.length,
        ...(floorUrl
          ? {
              minimal_server_read_p50_before_ms: round(median(floorBefore), 2),
              minimal_server_read_p50_during_ms: round(median(floorDuring), 2),
              minimal_server_read_p50_ratio: round(median(floorDuring) / median(floorBefore), 3),
            }
          : {}),
      },
    };
  } finally {
    agent.destroy();
  }
}
