import { Aws, type CfnElement, Duration, TimeZone, Validations } from 'aws-cdk-lib';
import { Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SweepName } from '../shared/domain/deadlines/kinds.ts';
import { SCHEDULE_TIME_ZONE, SCHEDULES } from '../shared/schedules.ts';
import { ALARM_PERIOD, type ServiceAlarms } from './alarms.ts';
import { startBatchJobsFromStream } from './batch-trigger.ts';
import { pascal } from './names.ts';
import { deadLetterQueue } from './queues.ts';
import { ServiceFunction } from './service-function.ts';
import { sweepMetric } from './service-metrics.ts';

export interface SweepTimersProps {
  readonly table: ITableV2;
  readonly alarms: ServiceAlarms;
  /**
   * The policy switch: publish an overdue record late (if it is publishable) instead
   * of only marking it overdue. On unless a deployment says otherwise, with
   * `cdk deploy -c autoPublishOverdue=false` (read in build-app.ts).
   */
  readonly autoPublishOverdue: boolean;
}

/**
 * A failed run is tried twice more within the hour, then parked in the dead-letter queue.
 * Safe because sweeps are idempotent; and the next scheduled run redoes the work anyway.
 */
const RETRY_ATTEMPTS = 2;
const MAX_EVENT_AGE = Duration.hours(1);

/**
 * The timers: one Lambda runs every sweep, one EventBridge Scheduler schedule per
 * entry of SCHEDULES (shared/schedules.ts) invokes it with `{ "sweep": "<name>" }` in
 * Asia/Shanghai time, and alarms watch its errors, throttles and dead letters.
 */
export class SweepTimers extends Construct {
  readonly function: ServiceFunction;
  readonly deadLetterQueue: Queue;
  readonly schedules: ReadonlyMap<SweepName, Schedule>;

  constructor(scope: Construct, id: string, props: SweepTimersProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(
      this,
      'DeadLetterQueue',
      'sweep runs the scheduler could not deliver, or that still failed after their retries',
    );
    this.function = new ServiceFunction(this, 'SweepsFunction', {
      name: 'sweeps',
      description: 'Runs one timer sweep ({ "sweep": name }) over the open-deadlines index',
      table: props.table,
      tableAccess: 'read-write',
      // The handler stops taking new batches 20 s before its time is up; the next run
      // continues where it stopped, so a backlog drains over several runs.
      timeout: Duration.minutes(5),
      // More memory is also more CPU for the batch transactions, and so a shorter run.
      memorySize: 1024,
      // The policy switch, 'true' unless a deployment sets `-c autoPublishOverdue=false`.
      environment: { AUTO_PUBLISH_OVERDUE: String(props.autoPublishOverdue) },
    });
    // EventBridge Scheduler invokes Lambda asynchronously: its retry policy and dead-letter
    // queue below cover only delivery (throttled, function gone). A sweep that throws is
    // retried by Lambda's own async invocation, configured here to end in the same queue.
    this.function.configureAsyncInvoke({
      retryAttempts: RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    const role = this.schedulerRole();
    const schedules = new Map<SweepName, Schedule>();
    for (const spec of SCHEDULES) {
      const schedule = new Schedule(this, `${pascal(spec.sweep)}Schedule`, {
        // The declared expression as is, so the stack cannot drift from the local runtime.
        schedule: ScheduleExpression.expression(spec.cron, TimeZone.of(SCHEDULE_TIME_ZONE)),
        description: spec.description,
        target: new LambdaInvoke(this.function, {
          role,
          input: ScheduleTargetInput.fromObject({ sweep: spec.sweep }),
          retryAttempts: RETRY_ATTEMPTS,
          maxEventAge: MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetterQueue,
        }),
      });
      schedules.set(spec.sweep, schedule);
    }
    this.schedules = schedules;
    startBatchJobsFromStream(this.function, props.table, this.deadLetterQueue);
    this.addAlarms(props.alarms);
  }

  /** One role for all schedules, assumable by the scheduler of this account only. */
  private schedulerRole(): Role {
    const role = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'Lets EventBridge Scheduler start the sweeps function',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.functionLogicalId()}.Arn>:*]`,
      reason:
        "LambdaInvoke's grantInvoke adds <function>:* beside the function ARN, so the invoke " +
        'permission also covers versions and aliases of the sweeps function; nothing else.',
    });
    return role;
  }

  private functionLogicalId(): string {
    const cfn = this.function.node.defaultChild as CfnElement;
    return this.function.stack.resolve(cfn.logicalId) as string;
  }

  private addAlarms(alarms: ServiceAlarms): void {
    const period = { period: ALARM_PERIOD, statistic: Stats.SUM };
    alarms.whenAny(
      this,
      'ErrorsAlarm',
      this.function.metricErrors(period),
      'A sweep failed (it is retried, then parked in the dead-letter queue): see the sweeps log.',
    );
    alarms.whenAny(
      this,
      'ThrottlesAlarm',
      this.function.metricThrottles(period),
      'The sweeps function was throttled: the account or function concurrency is exhausted.',
    );
    alarms.whenAny(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      'A sweep run gave up after its retries: read the message in the sweeps dead-letter queue.',
    );
    // A run that succeeds can still give up on single items (runSweep dead-letters an item
    // that keeps failing, and goes on with the rest): the sweep's own count, per sweep, so
    // the alarm names the one to look at.
    for (const spec of SCHEDULES) {
      alarms.whenAny(
        this,
        `${pascal(spec.sweep)}DeadLetteredAlarm`,
        sweepMetric('SweepItemsDeadLettered', spec.sweep),
        `The ${spec.sweep} sweep parked items it could not process (each keeps its error in the ` +
          'table, off the open-deadlines index): see the sweeps log.',
      );
    }
  }
}
