import { Aws } from 'aws-cdk-lib';
import { Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_ITEM_TYPE } from '../shared/store/event-items.ts';
import { ALARM_PERIOD, type ServiceAlarms } from './alarms.ts';
import { serviceLogGroup } from './logs.ts';
import { deadLetterQueue } from './queues.ts';

/** The `source` of every event the service puts on its bus. */
export const EVENT_SOURCE = 'disclosure-service';
export const EVENT_BUS_NAME = 'disclosure-events';

/** The DomainEvent (shared/domain/events.ts) in a stream record of an outbox item. */
const EVENT = '$.dynamodb.NewImage.event.M';

/**
 * New outbox items only: eventItem() (shared/store/event-items.ts) writes each event once,
 * with `type: 'event'`. Every other write to the table is dropped here, before it costs a
 * pipe invocation.
 */
const OUTBOX_INSERTS = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [EVENT_ITEM_TYPE] } } } };

/**
 * The event's `detail`: the DomainEvent's fields as plain JSON. `data` differs per event
 * type and an input template cannot unmarshal a map, so it stays in DynamoDB JSON
 * (`{"late":{"BOOL":true}}`); strings are quoted placeholders, maps are not.
 */
const DETAIL_TEMPLATE = `{
  "id": "<${EVENT}.id.S>",
  "type": "<${EVENT}.type.S>",
  "at": "<${EVENT}.at.S>",
  "subject": {
    "kind": "<${EVENT}.subject.M.kind.S>",
    "id": "<${EVENT}.subject.M.id.S>",
    "agency": "<${EVENT}.subject.M.agency.S>"
  },
  "data": <${EVENT}.data.M>
}`;

export interface ServiceEventsProps {
  /** The service table, with its stream enabled (infra/table.ts). */
  readonly table: ITableV2;
  readonly alarms: ServiceAlarms;
}

/**
 * The outbox's way out on AWS: an EventBridge Pipe reads the table's stream and puts each new
 * event item on the service's bus, detail-type = the event type (`overdue`, `reminder`, …).
 * The events are written in the same transaction as the change they report; the pipe only
 * forwards them, at least once. Locally the outbox is read from the table; nothing to do.
 */
export class ServiceEvents extends Construct {
  readonly bus: EventBus;
  readonly pipe: CfnPipe;
  readonly deadLetterQueue: Queue;
  readonly pipeLogGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceEventsProps) {
    super(scope, id);
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('the service table needs its stream for the event pipe');

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: EVENT_BUS_NAME,
      description: 'Domain events of the disclosure service (overdue, reminder, expired, …)',
    });
    this.deadLetterQueue = deadLetterQueue(
      this,
      'DeadLetterQueue',
      'stream batches the pipe could not put on the bus after its retries',
    );
    this.pipeLogGroup = serviceLogGroup(this, 'PipeLogs');

    const role = new Role(this, 'PipeRole', {
      // No aws:SourceArn condition: the pipe's ARN depends on this role.
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'Lets the outbox pipe read the table stream and put events on the bus',
    });
    props.table.grantStreamRead(role);
    this.bus.grantPutEventsTo(role);
    this.deadLetterQueue.grantSendMessages(role);
    this.pipeLogGroup.grantWrite(role);

    this.pipe = new CfnPipe(this, 'OutboxPipe', {
      description: 'Forwards new outbox items (domain events) from the table stream to the bus',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_INSERTS) }] },
        dynamoDbStreamParameters: {
          // A recreated pipe would otherwise put up to 24 h of forwarded events on the bus
          // again; events written before the pipe existed are in the outbox, not lost.
          startingPosition: 'LATEST',
          // PutEvents takes at most 10 entries a call.
          batchSize: 10,
          // Unlimited retries (the default) would hold up the shard until the records expire.
          // After ten, the batch's position (not its records) goes to the queue; the events
          // themselves stay in the outbox (GET /v1/admin/events), to be read or re-sent.
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        },
      },
      target: this.bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: { detailType: `${EVENT}.type.S`, source: EVENT_SOURCE },
        inputTemplate: DETAIL_TEMPLATE,
      },
      // Why a batch failed (a denied PutEvents, a template that does not fit) and no more.
      logConfiguration: {
        level: 'ERROR',
        cloudwatchLogsLogDestination: { logGroupArn: this.pipeLogGroup.logGroupArn },
      },
    });
    // The pipe checks its role when it starts: create it after the role's policy.
    this.pipe.node.addDependency(role);

    props.alarms.whenAny(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      'Events did not reach the bus: the queue holds the stream positions; replay them from the outbox.',
    );
  }
}
