import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { MathExpression, Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  OBJECTION_METRICS,
  RECORD_METRICS,
  REPAIR_METRICS,
  SWEEP_METRICS,
} from '../shared/observability/metrics.ts';
import { ALARM_PERIOD } from './alarms.ts';

/**
 * The metrics the handlers write in embedded metric format (shared/observability/metrics.ts),
 * as CloudWatch stores them: namespace `DisclosureService`, every one with the dimension
 * `Service`, the sweep metrics with `Sweep` as well. A metric is only found under its full
 * set of dimensions, so both the dashboard and the alarms build them here.
 */
export const SERVICE_DIMENSION = { Service: METRICS_SERVICE } as const;

export { OBJECTION_METRICS, RECORD_METRICS, REPAIR_METRICS, SWEEP_METRICS };

export type SweepMetric = (typeof SWEEP_METRICS)[number];

/** A business count, summed per period (each EMF line carries the count of one transaction). */
export function businessMetric(metricName: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { ...SERVICE_DIMENSION },
    statistic: Stats.SUM,
    period: ALARM_PERIOD,
  });
}

/** A sweep count of one sweep (a SCHEDULES entry), summed per period (no label: alarms read it as is). */
export function sweepMetric(metricName: SweepMetric, sweep: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { ...SERVICE_DIMENSION, Sweep: sweep },
    statistic: Stats.SUM,
    period: ALARM_PERIOD,
  });
}

/**
 * Below this many requests in a period the 5xx rate is reported as 0: under 100 requests a
 * single 5xx is already more than 1 %, and one failed request on a quiet night is a bug to
 * read about in the morning, not a page. From 100 requests on, two errors (2 %) page.
 */
export const MIN_REQUESTS_FOR_ERROR_RATE = 100;
/** The 5xx rate, in percent, above which the API pages. */
export const SERVER_ERROR_RATE_PERCENT = 1;

/**
 * The API's 5xx responses as a percentage of its requests, per five minutes. `FILL`: the HTTP
 * API may report no 5xx data point in a period with requests, which means none.
 */
export function serverErrorRate(api: IHttpApi): MathExpression {
  const sum = { statistic: Stats.SUM, period: ALARM_PERIOD };
  return new MathExpression({
    expression: `IF(requests >= ${MIN_REQUESTS_FOR_ERROR_RATE}, 100 * FILL(errors, 0) / requests, 0)`,
    usingMetrics: { errors: api.metricServerError(sum), requests: api.metricCount(sum) },
    period: ALARM_PERIOD,
    label: '5xx rate (%)',
  });
}

/** CloudWatch's hard limit on the metrics one alarm's math expression may read. */
const MAX_METRICS_PER_ALARM = 10;

/**
 * The throttles of all `functions`, summed per five minutes, as few expressions as CloudWatch's
 * limit of metrics per alarm allows (one alarm each): the service grows function groups with
 * each wave, and an alarm that refused to synthesize would stop the deploy. Each function is
 * filled with 0 where it has no data point (a function nobody called in the period), so the
 * sum is not lost with it.
 */
export function throttlesAcross(functions: Readonly<Record<string, IFunction>>): MathExpression[] {
  const entries = Object.values(functions);
  const groups: IFunction[][] = [];
  for (let i = 0; i < entries.length; i += MAX_METRICS_PER_ALARM) {
    groups.push(entries.slice(i, i + MAX_METRICS_PER_ALARM));
  }
  return groups.map((group, g) => {
    const usingMetrics = Object.fromEntries(
      group.map((fn, i) => [`t${i}`, fn.metricThrottles({ statistic: Stats.SUM, period: ALARM_PERIOD })]),
    );
    return new MathExpression({
      expression: Object.keys(usingMetrics)
        .map((id) => `FILL(${id}, 0)`)
        .join(' + '),
      usingMetrics,
      period: ALARM_PERIOD,
      label:
        groups.length === 1
          ? 'Throttles of the API functions'
          : `Throttles of the API functions (${g + 1}/${groups.length})`,
    });
  });
}
