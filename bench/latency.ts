/**
 * `api_overhead_ratio`: GET /v1/disclosures/{id} through the local server against the raw
 * GetItem it needs, both sent one at a time from this process, interleaved, after a warm-up.
 */
import { Agent, get } from 'node:http';
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

function httpGet(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    }).on('error', reject);
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
    const out = await httpGet(agent, `${base}/v1/disclosures/${id}`);
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
        api_overhead_ratio: round(api / getItem, 3),
        api_get_median_ms: round(api, 3),
        raw_getitem_median_ms: round(getItem, 3),
      },
      detail: {
        samples,
        minimal_server_get_median_ms: round(minimal, 3),
        minimal_server_overhead_ratio: round(minimal / getItem, 3),
      },
    };
  } finally {
    agent.destroy();
  }
}
