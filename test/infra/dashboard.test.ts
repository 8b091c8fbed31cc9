import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FUNCTION_GROUPS, type FunctionGroup } from '../../shared/http/routes.ts';
import { emitMetrics, METRICS_NAMESPACE } from '../../shared/observability/metrics.ts';
import { SCHEDULES } from '../../shared/schedules.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const ALARM = 'AWS::CloudWatch::Alarm';

/** The business metrics, as the store writes them (shared/store/changes.ts, workflow-repository.ts). */
const BUSINESS_METRICS = [
  'RecordsRegistered',
  'RecordsPublished',
  'RecordsPublishedLate',
  'ObjectionsFiled',
  'ObjectionsDecided',
  'ObjectionsOverdue',
  'RepairsFiled',
  'RepairsDecided',
  'RepairsOverdue',
];
const SWEEP_METRICS = ['SweepItemsProcessed', 'SweepItemsDeadLettered'];

/** One line of a graph: namespace, name, dimensions, options (CloudWatch's array form, parsed). */
interface Line {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  options: { expression?: string; stat?: string; label?: string };
}
interface Query {
  Id: string;
  Expression?: string;
  ReturnData?: boolean;
  MetricStat?: {
    Metric: { MetricName: string; Namespace: string; Dimensions: { Name: string; Value: unknown }[] };
    Stat: string;
    Period: number;
  };
}
/** The properties of an alarm on one metric (MetricName…) or on a math expression (Metrics). */
interface AlarmProps {
  Metrics?: Query[];
  MetricName?: string;
  Namespace?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Threshold: number;
  [key: string]: unknown;
}
interface Widget {
  type: string;
  properties: { title?: string; metrics?: unknown[][]; alarms?: string[] };
}

/** A CloudFormation value as text that can stand inside a JSON string: `[Ref:X]`, `[X.Attr]`. */
function render(part: unknown): string {
  if (typeof part === 'string') return part;
  const v = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (v.Ref) return `[Ref:${v.Ref}]`;
  if (v['Fn::GetAtt']) return `[${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}]`;
  throw new Error(`unexpected part ${JSON.stringify(part)}`);
}

function parseLine(entry: unknown[]): Line {
  const last = entry[entry.length - 1];
  const options = (typeof last === 'object' ? last : {}) as Line['options'];
  const values = (typeof last === 'object' ? entry.slice(0, -1) : entry) as string[];
  if (values.length === 0) return { namespace: '', name: '', dimensions: {}, options };
  const [namespace = '', name = '', ...pairs] = values;
  const dimensions: Record<string, string> = {};
  for (let i = 0; i < pairs.length; i += 2) dimensions[pairs[i] ?? ''] = pairs[i + 1] ?? '';
  return { namespace, name, dimensions, options };
}

/** What one EMF line of the service declares: its dimension names and their values. */
function emittedDimensions(dimensions: Record<string, string>): Record<string, string> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.stubEnv('METRICS', 'on');
  try {
    emitMetrics({ RecordsRegistered: 1 }, dimensions);
    const line = JSON.parse(String(write.mock.calls[0]?.[0])) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] };
    };
    const [declared] = line._aws.CloudWatchMetrics;
    expect(declared?.Namespace).toBe(METRICS_NAMESPACE);
    const names = declared?.Dimensions[0] ?? [];
    return Object.fromEntries(names.map((name) => [name, String(line[name])]));
  } finally {
    write.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('the dashboard and the operations alarms', () => {
  let synth: Synthesized;
  let widgets: Widget[];
  let lines: (Line & { title: string })[];
  let alarms: Record<string, { Properties: AlarmProps }>;
  beforeAll(() => {
    synth = synthesizeService();
    const dashboards = Object.values(synth.template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = dashboards[0]?.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
    widgets = (JSON.parse(body['Fn::Join'][1].map(render).join('')) as { widgets: Widget[] }).widgets;
    lines = widgets.flatMap((widget) =>
      (widget.properties.metrics ?? []).map((entry) => ({
        ...parseLine(entry),
        title: widget.properties.title ?? '',
      })),
    );
    alarms = synth.template.findResources(ALARM) as typeof alarms;
  });
  afterAll(() => synth?.dispose());

  const linesOf = (namespace: string, name: string) =>
    lines.filter((line) => line.namespace === namespace && line.name === name);
  const ref = (construct: Parameters<Synthesized['logicalId']>[0]) => `[Ref:${synth.logicalId(construct)}]`;

  it.each(BUSINESS_METRICS)('graphs %s under the dimensions the service writes it with', (name) => {
    const found = linesOf(METRICS_NAMESPACE, name);
    expect(found).toHaveLength(1);
    expect(found[0]?.dimensions).toEqual(emittedDimensions({}));
    expect(found[0]?.options.stat).toBe('Sum');
  });

  it.each(SWEEP_METRICS)('graphs %s once per schedule, under the dimensions a sweep writes', (name) => {
    const found = linesOf(METRICS_NAMESPACE, name);
    expect(
      found.map((line) => line.dimensions).sort((a, b) => (a.Sweep ?? '').localeCompare(b.Sweep ?? '')),
    ).toEqual(
      SCHEDULES.map((spec) => emittedDimensions({ Sweep: spec.sweep })).sort((a, b) =>
        (a.Sweep ?? '').localeCompare(b.Sweep ?? ''),
      ),
    );
  });

  it('graphs the API’s requests, 4xx and 5xx, and its latency at p50 and p99', () => {
    const api = { ApiId: ref(synth.stack.api.api) };
    for (const name of ['Count', '4xx', '5xx']) {
      expect(linesOf('AWS/ApiGateway', name).map((line) => [line.dimensions, line.options.stat])).toEqual([
        [api, 'Sum'],
      ]);
    }
    const latency = linesOf('AWS/ApiGateway', 'Latency');
    expect(latency.map((line) => line.dimensions)).toEqual([api, api]);
    expect(latency.map((line) => line.options.stat).sort()).toEqual(['p50', 'p99']);
  });

  it.each(['Errors', 'Throttles'])('graphs the Lambda %s of every function of the service', (name) => {
    const { stack } = synth;
    const functions = [...Object.values(stack.functions), stack.preTokenFunction, stack.timers.function];
    expect(
      linesOf('AWS/Lambda', name)
        .map((line) => line.dimensions.FunctionName)
        .sort(),
    ).toEqual(functions.map(ref).sort());
  });

  it('graphs the depth of both dead-letter queues', () => {
    const queues = [synth.stack.timers.deadLetterQueue, synth.stack.events.deadLetterQueue];
    expect(
      linesOf('AWS/SQS', 'ApproximateNumberOfMessagesVisible')
        .map((line) => line.dimensions.QueueName)
        .sort(),
    ).toEqual(queues.map((queue) => `[${synth.logicalId(queue)}.QueueName]`).sort());
  });

  it('shows the state of every alarm of the stack', () => {
    const widget = widgets.find((w) => w.type === 'alarm');
    expect(widget?.properties.alarms?.sort()).toEqual(
      Object.keys(alarms)
        .map((id) => `[${id}.Arn]`)
        .sort(),
    );
  });

  const alarmsReading = (metricName: string) =>
    Object.values(alarms)
      .map((alarm) => alarm.Properties)
      .filter((props) => props.Metrics?.some((q) => q.MetricStat?.Metric.MetricName === metricName));

  describe('the API 5xx-rate alarm', () => {
    let props: AlarmProps;
    let queries: Query[];
    beforeAll(() => {
      const found = alarmsReading('5xx');
      expect(found).toHaveLength(1);
      props = found[0] as AlarmProps;
      queries = props.Metrics ?? [];
    });
    const idOf = (metricName: string) => {
      const query = queries.find((q) => q.MetricStat?.Metric.MetricName === metricName);
      expect(query?.MetricStat).toMatchObject({
        Metric: {
          Namespace: 'AWS/ApiGateway',
          Dimensions: [{ Name: 'ApiId', Value: { Ref: synth.logicalId(synth.stack.api.api) } }],
        },
        Stat: 'Sum',
      });
      return query?.Id ?? '';
    };

    it('alarms on the math expression 5xx / Count, in percent, above 1 % over five minutes', () => {
      const [expression] = queries.filter((q) => q.ReturnData);
      const errors = idOf('5xx');
      const requests = idOf('Count');
      expect(expression?.Expression).toContain(`100 * FILL(${errors}, 0) / ${requests}`);
      expect(props).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
      expect(queries.filter((q) => q.MetricStat).map((q) => q.MetricStat?.Period)).toEqual([300, 300]);
    });

    it('counts only from a minimum of requests, so that a single 5xx cannot page', () => {
      const [expression] = queries.filter((q) => q.ReturnData);
      const requests = idOf('Count');
      const guard = new RegExp(`^IF\\(${requests} >= (\\d+), (.+), 0\\)$`).exec(expression?.Expression ?? '');
      expect(guard).not.toBeNull();
      const minimum = Number(guard?.[1]);
      // One error among the fewest requests that are counted stays at or under the threshold.
      expect((100 * 1) / minimum).toBeLessThanOrEqual(props.Threshold);
    });
  });

  it('alarms on any throttle of the API functions, summed in alarms of at most 10 metrics each', () => {
    const apiFunctions = (Object.keys(FUNCTION_GROUPS) as FunctionGroup[]).map((group) =>
      synth.logicalId(synth.stack.functions[group]),
    );
    const found = alarmsReading('Throttles');
    expect(found).toHaveLength(Math.ceil(apiFunctions.length / 10));
    const watched = found.flatMap((alarm) => {
      const queries = alarm.Metrics ?? [];
      const metrics = queries.filter((q) => q.MetricStat);
      expect(metrics.length).toBeLessThanOrEqual(10);
      expect(metrics.map((q) => q.MetricStat?.Metric.Dimensions)).toEqual(
        metrics.map(() => [{ Name: 'FunctionName', Value: expect.anything() }]),
      );
      const [expression] = queries.filter((q) => q.ReturnData);
      expect(expression?.Expression?.split(' + ').sort()).toEqual(
        metrics.map((q) => `FILL(${q.Id}, 0)`).sort(),
      );
      expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
      return metrics.map(
        (q) => (q.MetricStat?.Metric.Dimensions[0]?.Value as { Ref?: string } | undefined)?.Ref,
      );
    });
    expect(watched.sort()).toEqual(apiFunctions.sort());
  });

  it.each(SCHEDULES.map((spec) => spec.sweep))(
    'alarms as soon as the %s sweep dead-letters an item',
    (sweep) => {
      const found = Object.values(alarms).filter(
        (alarm) =>
          alarm.Properties.MetricName === 'SweepItemsDeadLettered' &&
          JSON.stringify(alarm.Properties.Dimensions).includes(`"${sweep}"`),
      );
      expect(found).toHaveLength(1);
      const dimensions = Object.fromEntries(
        (found[0]?.Properties.Dimensions ?? []).map((d) => [d.Name, d.Value]),
      );
      expect(dimensions).toEqual(emittedDimensions({ Sweep: sweep }));
      expect(found[0]?.Properties).toMatchObject({
        Namespace: METRICS_NAMESPACE,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
    },
  );

  it('publishes the dashboard name as a stack output', () => {
    synth.template.hasOutput('DashboardName', {
      Value: { Ref: synth.logicalId(synth.stack.dashboard.dashboard) },
    });
  });
});
