/**
 * Business metrics in CloudWatch's embedded metric format: one JSON line on stdout, which
 * Lambda's log pipeline turns into metrics with no API call and no extra latency. Locally
 * the same lines appear in the server's output.
 */
export const METRICS_NAMESPACE = 'DisclosureService';
const SERVICE = 'disclosure';

export type MetricCounts = Readonly<Record<string, number>>;

export function emitMetrics(counts: MetricCounts, dimensions: Readonly<Record<string, string>> = {}): void {
  const names = Object.keys(counts).filter((name) => (counts[name] ?? 0) !== 0);
  if (names.length === 0 || process.env.METRICS === 'off') return;
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [['Service', ...Object.keys(dimensions)]],
          Metrics: names.map((Name) => ({ Name, Unit: 'Count' })),
        },
      ],
    },
    Service: SERVICE,
    ...dimensions,
    ...Object.fromEntries(names.map((name) => [name, counts[name]])),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Adds counts together, e.g. the metrics of every write of one transaction. */
export function sumCounts(all: readonly (MetricCounts | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all)
    for (const [name, n] of Object.entries(counts ?? {})) out[name] = (out[name] ?? 0) + n;
  return out;
}
