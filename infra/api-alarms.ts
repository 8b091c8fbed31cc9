import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ServiceAlarms } from './alarms.ts';
import {
  MIN_REQUESTS_FOR_ERROR_RATE,
  SERVER_ERROR_RATE_PERCENT,
  serverErrorRate,
  throttlesAcross,
} from './service-metrics.ts';

export interface ApiAlarmsProps {
  readonly api: IHttpApi;
  /** The functions behind the API's routes (not the sweeps: infra/timers.ts watches those). */
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly alarms: ServiceAlarms;
}

/** Alarms on the request path: the 5xx rate of the API and throttled API functions. */
export class ApiAlarms extends Construct {
  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    props.alarms.alarm(this, 'ServerErrorRateAlarm', {
      metric: serverErrorRate(props.api),
      threshold: SERVER_ERROR_RATE_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No requests at all is no evidence of errors.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        `More than ${SERVER_ERROR_RATE_PERCENT} % of the API's responses in five minutes were 5xx ` +
        `(counted from ${MIN_REQUESTS_FOR_ERROR_RATE} requests on): see the API access log and the ` +
        'logs of the functions.',
    });
    // A throttled request is an error the caller sees (API Gateway answers 503), however few.
    // The first keeps its original id, so an existing alarm is not replaced on deploy.
    throttlesAcross(props.functions).forEach((throttles, i) => {
      props.alarms.whenAny(
        this,
        i === 0 ? 'ThrottlesAlarm' : `ThrottlesAlarm${i + 1}`,
        throttles,
        'An API function was throttled: the account or function concurrency is exhausted.',
      );
    });
  }
}
