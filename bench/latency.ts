/**
 * `api_vs_minimal_server_ratio` (the goal) and `api_overhead_ratio`: GET /v1/disclosures/{id}
 * through the local server against a minimal server that does only the GetItem it needs over
 * the same HTTP hop (what the service adds), and against the raw GetItem (what the HTTP hop
 * adds as well), all sent one at a time from this process, interleaved, after a warm-up.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../shared/store/client.ts';
import { round } from './read-cost.ts';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One request on `agent` (keep-alive, so one connection serves them all), its whole answer. */
export function httpRequest(
  agent: Agent,
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Medians of three ways to read one record, one request at a time, interleaved and in a
 * rotating order: through the local server, through the minimal server (the HTTP hop and
 * the GetItem, nothing else) and the raw GetItem from this process.
 */
export async function measureApiOverhead(
  urls: { api: string; minimal: string },
  store: Store,
  ids: readonly string[],
  { warmup = 100, samples = 500 } = {},
) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const viaHttp = (base: string) => async (id: string) => {
    const started = performance.now();
    const out = await httpRequest(agent, `${base}/v1/disclosures/${id}`);
    const ms = performance.now() - started;
    if (out.status !== 200) throw new Error(`GET ${base}/v1/disclosures/${id}: ${out.status} ${out.body}`);
    return ms;
  };
  const raw = async (id: string) => {
    const started = performance.now();
    const out = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: { pk: `REC#${id}`, sk: 'REC' } }),
    );
    const ms = performance.now() - started;
    if (!out.Item) throw new Error(`GetItem REC#${id}: no item`);
    return ms;
  };
  const ways = [viaHttp(urls.api), viaHttp(urls.minimal), raw];
  const times: number[][] = [[], [], []];
  try {
    for (let i = 0; i < warmup + samples; i++) {
      const id = ids[i % ids.length] as string;
      for (let k = 0; k < 3; k++) {
        const way = (i + k) % 3;
        const ms = await (ways[way] as (id: string) => Promise<number>)(id);
        if (i >= warmup) times[way]?.push(ms);
      }
    }
    const [api, minimal, getItem] = times.map(median) as [number, number, number];
    return {
      figures: {
        // What the service adds to the HTTP hop and the GetItem: judged by a goal.
        api_vs_minimal_server_ratio: round(api / minimal, 3),
        // Against the bare GetItem: the HTTP hop alone already costs the minimal server this much.
        api_overhead_ratio: round(api / getItem, 3),
        minimal_server_overhead_ratio: round(minimal / getItem, 3),
        api_get_median_ms: round(api, 3),
        minimal_server_get_median_ms: round(minimal, 3),
        raw_getitem_median_ms: round(getItem, 3),
      },
      detail: { samples },
    };
  } finally {
    agent.destroy();
  }
}
