/**
 * Load from this process (autocannon) against a server in another: public reads rotating
 * over many seeded ids, and registrations, each a transaction, with unique document numbers.
 */
import autocannon from 'autocannon';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { round } from './read-cost.ts';

export interface LoadResult {
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly seconds: number;
}

async function run(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon(options);
  const ok = result['2xx'];
  return {
    rps: round(ok / result.duration, 1),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  };
}

/**
 * Read load on two servers in alternating rounds (a, b, a, b, …), so a machine whose other
 * work comes and goes weighs on both alike. Totals over the rounds; p99 is the worst round's.
 */
export async function alternatingReadLoad(
  urls: { a: string; b: string },
  ids: readonly string[],
  { seconds, rounds }: { seconds: number; rounds: number },
) {
  const results: { a: LoadResult[]; b: LoadResult[] } = { a: [], b: [] };
  const each = seconds / rounds;
  for (let i = 0; i < rounds; i++) {
    results.a.push(await readLoad(urls.a, ids, each));
    results.b.push(await readLoad(urls.b, ids, each));
  }
  return { a: combine(results.a), b: combine(results.b), rounds };
}

function combine(runs: readonly LoadResult[]): LoadResult & { rounds_rps: number[] } {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((s, r) => s + f(r), 0);
  const seconds = sum((r) => r.seconds);
  return {
    rps: round(sum((r) => r.rps * r.seconds) / seconds, 1),
    p50_ms: Math.max(...runs.map((r) => r.p50_ms)),
    p99_ms: Math.max(...runs.map((r) => r.p99_ms)),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    seconds,
    rounds_rps: runs.map((r) => r.rps),
  };
}

/** Fails the bench when a load run had errors or answers other than 2xx. */
export function assertClean(name: string, result: LoadResult): void {
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || result.requests === 0)
    throw new Error(`${name}: ${JSON.stringify(result)}`);
}

/** GET /v1/disclosures/{id}, each request the next id of the list. */
export function readLoad(baseUrl: string, ids: readonly string[], seconds: number, connections = 32) {
  let next = 0;
  return run({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/v1/disclosures/${ids[next++ % ids.length]}` }),
      },
    ],
  });
}

/** POST /v1/records with an agency token, a new document number every request. */
export function writeLoad(
  baseUrl: string,
  token: string,
  makeInput: (n: number) => RecordInput,
  seconds: number,
  connections = 16,
) {
  let n = 0;
  return run({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/records',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(makeInput(n++)) }),
      },
    ],
  });
}
