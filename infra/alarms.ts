import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  type IAlarm,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Every alarm of the service looks at five-minute windows. */
export const ALARM_PERIOD = Duration.minutes(5);

/**
 * Where the service's alarms go: one SNS topic that operators subscribe to (its ARN is a
 * stack output). Encrypted with a key of its own, because CloudWatch cannot publish to a
 * topic under the AWS-managed key (aws/sns): that key's policy cannot be given to
 * cloudwatch.amazonaws.com.
 */
export class ServiceAlarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;
  private readonly created: Alarm[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: 'Encrypts the alarm notifications of the disclosure service',
      enableKeyRotation: true,
      // SNS keeps nothing at rest once a message is delivered, so no data outlives the key;
      // a retained key would cost its monthly fee for nothing.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // As the CloudWatch guide prescribes for alarms on an encrypted topic.
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Disclosure service alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy that enforceSSL writes replaces SNS's default one, so CloudWatch needs
    // an explicit allow; limited to alarms of this account (confused-deputy guard).
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.action = new SnsAction(this.topic);
  }

  /** Every alarm made through this construct so far, wherever it lives (for the dashboard). */
  get alarms(): readonly IAlarm[] {
    return [...this.created];
  }

  /**
   * An alarm, in `scope`, that fires as soon as `metric` is above zero in a period and
   * clears when it is back to zero; no data (nothing ran, nothing queued) is fine.
   */
  whenAny(scope: Construct, id: string, metric: IMetric, description: string): Alarm {
    return this.alarm(scope, id, {
      metric,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
  }

  /** An alarm, in `scope`, that tells the topic when it fires and when it clears. */
  alarm(scope: Construct, id: string, props: AlarmProps): Alarm {
    const alarm = new Alarm(scope, id, props);
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.created.push(alarm);
    return alarm;
  }
}
