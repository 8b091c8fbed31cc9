/**
 * Business metrics in CloudWatch's embedded metric format: one JSON line on stdout, which
 * Lambda's log pipeline turns into metrics with no API call and no extra latency. Locally
 * the same lines appear in the server's output.
 */
export const METRICS_NAMESPACE = 'DisclosureService';
export const METRICS_SERVICE = 'disclosure';

/** Every metric the service emits, declared once; the dashboard and the alarms read these. */
export const RECORD_METRICS = [
  'RecordsRegistered',
  'RecordsPublished',
  'RecordsPublishedLate',
  'RecordsCorrected',
  'RecordsRevoked',
  'PublicationsEnded',
] as const;
export const OBJECTION_METRICS = ['ObjectionsFiled', 'ObjectionsDecided', 'ObjectionsOverdue'] as const;
export const REPAIR_METRICS = ['RepairsFiled', 'RepairsDecided', 'RepairsOverdue'] as const;
/** Per sweep run, with the dimension `Sweep`. */
export const SWEEP_METRICS = ['SweepItemsProcessed', 'SweepItemsDeadLettered'] as const;
/** Per run of the notifications sweep (dimension `Sweep: notifications`): what became of each mail tried. */
export const MAIL_METRICS = ['MailSent', 'MailFailed', 'MailDeadLettered', 'MailSkipped'] as const;
/** Per run of the upstream sweep (dimension `Sweep: upstream`): what became of each push tried. */
export const UPSTREAM_METRICS = ['UpstreamAccepted', 'UpstreamRefused', 'UpstreamRetried'] as const;

export type MetricName =
  | (typeof RECORD_METRICS)[number]
  | (typeof OBJECTION_METRICS)[number]
  | (typeof REPAIR_METRICS)[number]
  | (typeof SWEEP_METRICS)[number]
  | (typeof MAIL_METRICS)[number]
  | (typeof UPSTREAM_METRICS)[number];

export type MetricCounts = Readonly<Partial<Record<MetricName, number>>>;

export function emitMetrics(counts: MetricCounts, dimensions: Readonly<Record<string, string>> = {}): void {
  const names = (Object.keys(counts) as MetricName[]).filter((name) => (counts[name] ?? 0) !== 0);
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
    Service: METRICS_SERVICE,
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
