import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SweepName } from '../shared/domain/deadlines/kinds.ts';
import { METRICS_NAMESPACE } from '../shared/observability/metrics.ts';
import { ALARM_PERIOD, type ServiceAlarms } from './alarms.ts';
import { deadLetterQueue } from './queues.ts';
import { ServiceFunction } from './service-function.ts';
import { SERVICE_DIMENSION } from './service-metrics.ts';

/**
 * The sending domain when a deployment names none (`-c mailDomain=…`, read in build-app.ts):
 * a reserved name (RFC 2606) that nobody can verify, so `cdk synth` works unconfigured and a
 * deployment that forgot the setting sends nothing (each mail fails, is retried, and ends
 * as a dead letter, which alarms) rather than mail from someone else's domain.
 */
export const DEFAULT_MAIL_DOMAIN = 'example.com';

/** The local part of the sender: nobody reads replies (the inbox is the channel to answer in). */
export const MAIL_LOCAL_PART = 'noreply';

/** The sweep that sends mail (shared/schedules.ts), and so the `Sweep` dimension of its metrics. */
const MAIL_SWEEP: SweepName = 'notifications';

/** SES's detail-types on the default bus for the two events that make an address unusable. */
export const SES_SUPPRESSION_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'] as const;

/** A domain name (IDNs in punycode, e.g. `xn--fiqs8s` for 中国), at least two labels; checked before SES sees it. */
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])$/;

/** Tries of a failed suppression beyond the first, within the hour, before it is parked. */
const RETRY_ATTEMPTS = 2;
const MAX_EVENT_AGE = Duration.hours(1);

export interface ServiceNotificationsProps {
  readonly table: ITableV2;
  readonly alarms: ServiceAlarms;
  /** The function that sends the mail: the sweeps function (SweepTimers.function). */
  readonly sender: ServiceFunction;
  /** The domain mail is sent from; must be verified in SES (docs/notifications-aws.md). */
  readonly mailDomain: string;
  /** `https://<distribution domain>`: the links in the mail point at the site. */
  readonly siteUrl: string;
}

/**
 * Mail on AWS: the SES domain identity and a configuration set that keeps reputation metrics
 * and suppresses addresses that bounced or complained; SES reports those two events to the
 * default EventBridge bus, where a rule hands them to the bounce function, which marks the
 * contact as suppressed in the table. The sweeps function may send through that identity and
 * configuration set, from one address, and nothing else; it learns the settings from its
 * environment (MAIL_TRANSPORT, MAIL_FROM, SES_CONFIGURATION_SET, SITE_URL).
 */
export class ServiceNotifications extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity: EmailIdentity;
  readonly mailFrom: string;
  readonly bounceFunction: ServiceFunction;
  readonly bounceRule: Rule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ServiceNotificationsProps) {
    super(scope, id);
    const domain = props.mailDomain.trim().toLowerCase();
    if (!DOMAIN_NAME.test(domain))
      throw new Error(
        `context mailDomain must be a domain name such as mail.example.cn, not ${props.mailDomain}`,
      );
    this.mailFrom = `${MAIL_LOCAL_PART}@${domain}`;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // The mail names records and objections of people and companies: never in clear text
      // over the internet. A receiving server without TLS gets no mail; the inbox still has it.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    // SES publishes to the default bus only; just the two events that make an address unusable.
    this.configurationSet.addEventDestination('Suppressions', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(domain),
      // Mail sent without naming a set still goes through this one (and its suppression).
      configurationSet: this.configurationSet,
    });

    this.deadLetterQueue = deadLetterQueue(
      this,
      'DeadLetterQueue',
      'bounce and complaint events the bounce function could not record after its retries',
    );
    this.bounceFunction = this.bounceHandler(props.table);
    this.bounceRule = new Rule(this, 'SuppressionRule', {
      description: 'SES bounces and complaints of the service configuration set, to the bounce function',
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_SUPPRESSION_DETAIL_TYPES],
        // Only this set's events: the default bus is shared with everything else in the account.
        detail: { mail: { tags: { 'ses:configuration-set': [this.configurationSet.configurationSetName] } } },
      },
      targets: [
        new LambdaFunction(this.bounceFunction, {
          retryAttempts: RETRY_ATTEMPTS,
          maxEventAge: MAX_EVENT_AGE,
          deadLetterQueue: this.deadLetterQueue,
        }),
      ],
    });

    this.allowSending(props.sender);
    props.sender.addEnvironment('MAIL_TRANSPORT', 'ses');
    props.sender.addEnvironment('MAIL_FROM', this.mailFrom);
    props.sender.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    props.sender.addEnvironment('SITE_URL', props.siteUrl);

    this.addAlarms(props.alarms);
    this.addDkimOutputs();
  }

  /** The configuration set's ARN, as IAM and SES name it. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** The metric the sweep writes when it gives up on a mail (contract: MailDeadLettered). */
  static mailDeadLettered(): Metric {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'MailDeadLettered',
      dimensionsMap: { ...SERVICE_DIMENSION, Sweep: MAIL_SWEEP },
      statistic: Stats.SUM,
      period: ALARM_PERIOD,
    });
  }

  private bounceHandler(table: ITableV2): ServiceFunction {
    const fn = new ServiceFunction(this, 'BounceFunction', {
      name: 'notify',
      description: 'Marks the contacts whose mail bounced for good, or who complained, as suppressed',
      table,
      tableAccess: 'read-write',
      memorySize: 256,
    });
    // The rule invokes the function asynchronously: its target's retries and queue cover
    // delivery only; a run that throws is retried by Lambda and then parked in the same queue.
    fn.configureAsyncInvoke({
      retryAttempts: RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    return fn;
  }

  /**
   * SendEmail (SES v2, simple content) on exactly this identity and configuration set, and
   * only from MAIL_FROM; SendRawEmail is not needed for simple content and is not granted.
   */
  private allowSending(sender: ServiceFunction): void {
    sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
  }

  private addAlarms(alarms: ServiceAlarms): void {
    alarms.whenAny(
      this,
      'MailDeadLetteredAlarm',
      ServiceNotifications.mailDeadLettered(),
      'Mail was given up after its retries (GET /v1/admin/mail/dead-letters lists it with its last ' +
        'error): check the SES identity, the sandbox and the sweeps log.',
    );
    alarms.whenAny(
      this,
      'BounceErrorsAlarm',
      this.bounceFunction.metricErrors({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      'The bounce function failed to record a bounce or complaint (it is retried): see its log.',
    );
    alarms.whenAny(
      this,
      'BounceDeadLetterAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      'A bounce or complaint was not recorded after its retries: the address stays mailable in the ' +
        "table (SES's own suppression list still blocks it); read the message in the queue.",
    );
  }

  /** The three CNAME records that verify the domain (Easy DKIM), for whoever runs its DNS. */
  private addDkimOutputs(): void {
    this.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DNS record ${i + 1} of 3 that verifies the mail domain in SES (Easy DKIM)`,
      });
    });
  }
}
