import { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * One retention for every log group of the service. China's Cybersecurity Law (art. 21)
 * asks network operators to keep network logs for at least six months; `SIX_MONTHS` is
 * 180 days, which can fall short of six calendar months, so a year keeps a clear margin.
 */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

/**
 * A log group with the service's retention. Retained when the stack is deleted: the logs
 * are evidence of who did what, and expire on their own through the retention.
 */
export function serviceLogGroup(scope: Construct, id: string): LogGroup {
  return new LogGroup(scope, id, { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.RETAIN });
}
