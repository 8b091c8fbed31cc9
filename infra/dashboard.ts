import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCHEDULES } from '../shared/schedules.ts';
import { ALARM_PERIOD } from './alarms.ts';
import {
  businessMetric,
  OBJECTION_METRICS,
  RECORD_METRICS,
  REPAIR_METRICS,
  type SweepMetric,
  serverErrorRate,
  sweepMetric,
} from './service-metrics.ts';

export interface ServiceDashboardProps {
  readonly api: IHttpApi;
  /** Every function of the service, by the name its line carries on the graphs. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** The dead-letter queues, by the name their line carries. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  readonly alarms: readonly IAlarm[];
}

/** Half of the dashboard's 24 columns: two graphs a row, readable on a laptop screen. */
const HALF = { width: 12, height: 6 };
const sum = { statistic: Stats.SUM, period: ALARM_PERIOD };

/**
 * The dashboard: what the API answers and how fast, how the functions fare, what the
 * service did for the public (records, objections, repairs), what the timers did, and what
 * waits in the dead-letter queues — over the same five-minute periods the alarms look at.
 */
export class ServiceDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    const { api } = props;
    const functions = Object.entries(props.functions);
    const graph = (title: string, left: IMetric[], extra: { right?: IMetric[] } = {}) =>
      new GraphWidget({ title, left, ...extra, ...HALF });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      // One per stack (and so per account and region): the stack's name finds it.
      dashboardName: Stack.of(this).stackName,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Disclosure service\nAPI, functions, business counts (namespace `DisclosureService`, ' +
          '`Service=disclosure`), sweeps and dead-letter queues, per five minutes.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24 }),
    );
    this.dashboard.addWidgets(
      graph(
        'API requests and errors',
        [
          api.metricCount({ ...sum, label: 'Requests' }),
          api.metricClientError({ ...sum, label: '4xx' }),
          api.metricServerError({ ...sum, label: '5xx' }),
        ],
        { right: [serverErrorRate(api)] },
      ),
      graph('API latency (ms)', [
        api.metricLatency({ statistic: Stats.p(50), period: ALARM_PERIOD, label: 'p50' }),
        api.metricLatency({ statistic: Stats.p(99), period: ALARM_PERIOD, label: 'p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Lambda errors',
        functions.map(([name, fn]) => fn.metricErrors({ ...sum, label: name })),
      ),
      graph(
        'Lambda throttles',
        functions.map(([name, fn]) => fn.metricThrottles({ ...sum, label: name })),
      ),
    );
    this.dashboard.addWidgets(
      graph('Records', RECORD_METRICS.map(businessMetric)),
      graph('Objections and credit repairs', [...OBJECTION_METRICS, ...REPAIR_METRICS].map(businessMetric)),
    );
    const perSweep = (metric: SweepMetric) =>
      SCHEDULES.map((spec) => sweepMetric(metric, spec.sweep).with({ label: spec.sweep }));
    this.dashboard.addWidgets(
      graph('Sweep items processed', perSweep('SweepItemsProcessed')),
      graph('Sweep items dead-lettered', perSweep('SweepItemsDeadLettered')),
    );
    this.dashboard.addWidgets(
      graph(
        'Dead-letter queue depth',
        Object.entries(props.deadLetterQueues).map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({
            statistic: Stats.MAXIMUM,
            period: ALARM_PERIOD,
            label: name,
          }),
        ),
      ),
    );
  }
}
