/**
 * The soak's HTTP client: many concurrent callers on loopback, every answer counted by kind
 * and status, every latency kept for percentiles. A 5xx is recorded, never retried away.
 */

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field by the soak
  readonly json: any;
}

export class SoakClient {
  readonly statuses = new Map<string, Map<number, number>>();
  readonly latencies = new Map<string, number[]>();
  readonly failures: string[] = [];
  /** Lists that could not be read to the end (the verification then counts what it got). */
  readonly incomplete: string[] = [];

  constructor(readonly baseUrl: string) {}

  async send(
    kind: string,
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown } = {},
  ): Promise<Answer> {
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    const ms = performance.now() - started;
    const byStatus = this.statuses.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.statuses.set(kind, byStatus);
    const times = this.latencies.get(kind) ?? [];
    times.push(ms);
    this.latencies.set(kind, times);
    if (status === 0 || status >= 500)
      this.failures.push(`${kind} ${method} ${path}: ${status} ${text.slice(0, 200)}`);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status, json };
  }

  /** Every item of a paged list. */
  // biome-ignore lint/suspicious/noExplicitAny: list items are read field by field
  async all(kind: string, path: string, token?: string): Promise<any[]> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    const join = path.includes('?') ? '&' : '?';
    do {
      const page = await this.send(
        kind,
        'GET',
        `${path}${join}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      );
      if (page.status !== 200) {
        this.incomplete.push(`${path} answered ${page.status}`);
        break;
      }
      items.push(...page.json.items);
      cursor = page.json.cursor;
    } while (cursor);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    return items as any[];
  }
}

/** Runs `tasks` on `clients` concurrent workers, reporting progress now and then. */
export async function pool<T>(
  tasks: readonly T[],
  clients: number,
  run: (task: T) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) {
      await run(tasks[i] as T);
      done++;
      if (done % 500 === 0) progress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, tasks.length) }, worker));
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}
