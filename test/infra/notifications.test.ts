import { Match } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { DEFAULT_MAIL_DOMAIN, SES_SUPPRESSION_DETAIL_TYPES } from '../../infra/notifications.ts';
import { cdkJsonContext, NO_BUNDLING, type Synthesized, synthesizeService } from './synthesize.ts';

const ALARM = 'AWS::CloudWatch::Alarm';
const MAIL_DOMAIN = 'credit.example.cn';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/**
 * SES cannot run here: these tests read the synthesized template, the same one `cdk deploy`
 * would send, with a sending domain set the way a deployment sets it (`-c mailDomain=…`).
 */
describe('mail through SES', () => {
  let synth: Synthesized;
  let configurationSetId: string;
  let identityId: string;
  let bounceFnId: string;
  let sweepsFnId: string;
  let queueId: string;
  beforeAll(() => {
    synth = synthesizeService({ mailDomain: MAIL_DOMAIN });
    const { notifications, timers } = synth.stack;
    configurationSetId = synth.logicalId(notifications.configurationSet);
    identityId = synth.logicalId(notifications.identity);
    bounceFnId = synth.logicalId(notifications.bounceFunction);
    sweepsFnId = synth.logicalId(timers.function);
    queueId = synth.logicalId(notifications.deadLetterQueue);
  });
  afterAll(() => synth?.dispose());

  const statementsOf = (roleId: string) =>
    Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  const roleIdOf = (fn: IFunction) => {
    if (!fn.role) throw new Error('function without role');
    return synth.logicalId(fn.role);
  };
  /** An ARN as the stack writes it: partition literal (cdk.json), the account a reference. */
  const arnOf = (service: string, resource: string, name: unknown) => ({
    'Fn::Join': [
      '',
      [`arn:aws:${service}:ap-northeast-1:`, { Ref: 'AWS::AccountId' }, `:${resource}/`, name],
    ],
  });

  it('keeps reputation metrics, suppresses bounces and complaints, and delivers over TLS only', () => {
    expect(
      synth.template.findResources('AWS::SES::ConfigurationSet')[configurationSetId]?.Properties,
    ).toMatchObject({
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });

  it('verifies the domain of the mailDomain context with Easy DKIM, sending through the configuration set', () => {
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: MAIL_DOMAIN,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
    expect(synth.template.findResources('AWS::SES::EmailIdentity')).toHaveProperty([identityId]);
    const outputs = Object.keys(synth.template.findOutputs('*')).filter((name) =>
      name.includes('DkimRecord'),
    );
    expect(outputs).toHaveLength(3);
  });

  it('publishes only bounces and complaints, to the default event bus', () => {
    synth.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: {
          EventBusArn: {
            'Fn::Join': [
              '',
              ['arn:aws:events:ap-northeast-1:', { Ref: 'AWS::AccountId' }, ':event-bus/default'],
            ],
          },
        },
      },
    });
  });

  it("routes SES's bounce and complaint events of this configuration set, and no other, to the bounce function", () => {
    const rules = Object.values(synth.template.findResources('AWS::Events::Rule')).filter((rule) =>
      JSON.stringify(rule.Properties.Targets).includes(`"${bounceFnId}"`),
    );
    expect(rules).toHaveLength(1);
    const rule = rules[0]?.Properties;
    expect(rule.EventBusName).toBeUndefined();
    expect(rule.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': [...SES_SUPPRESSION_DETAIL_TYPES],
      detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: configurationSetId }] } } },
    });
    expect(rule.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [bounceFnId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      }),
    ]);
  });

  it('parks a bounce the function failed to record, after its retries, in the same queue', () => {
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: bounceFnId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('lets the bounce function write the table, and nothing in SES', () => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[bounceFnId]?.Properties;
    expect(fn.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: synth.logicalId(synth.stack.table) },
    });
    const actions = statementsOf(roleIdOf(synth.stack.notifications.bounceFunction)).flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:Query']));
    expect(actions.filter((action) => action.startsWith('ses:'))).toEqual([]);
  });

  it('lets the sweeps function call SendEmail only, on this identity and configuration set, from noreply@<domain>', () => {
    const sesStatements = statementsOf(roleIdOf(synth.stack.timers.function)).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('ses:')),
    );
    expect(sesStatements).toHaveLength(1);
    expect(sesStatements[0]?.Resource).toHaveLength(2);
    expect(sesStatements).toEqual([
      {
        Effect: 'Allow',
        Action: 'ses:SendEmail',
        Resource: expect.arrayContaining([
          arnOf('ses', 'identity', { Ref: identityId }),
          arnOf('ses', 'configuration-set', { Ref: configurationSetId }),
        ]),
        Condition: { StringEquals: { 'ses:FromAddress': `noreply@${MAIL_DOMAIN}` } },
      },
    ]);
  });

  it('grants SES actions to no other role of the stack', () => {
    const sweepsRoleId = roleIdOf(synth.stack.timers.function);
    const others = Object.values(synth.template.findResources('AWS::IAM::Policy')).filter(
      (policy) => !JSON.stringify(policy.Properties.Roles).includes(`"${sweepsRoleId}"`),
    );
    const sesActions = others
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[])
      .flatMap(actionsOf)
      .filter((action) => action.startsWith('ses:'));
    expect(sesActions).toEqual([]);
  });

  it('tells the sweeps function how to send: SES, the sender, the configuration set and the site URL', () => {
    const fn = synth.template.findResources('AWS::Lambda::Function')[sweepsFnId]?.Properties;
    expect(fn.Environment.Variables).toMatchObject({
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: `noreply@${MAIL_DOMAIN}`,
      SES_CONFIGURATION_SET: { Ref: configurationSetId },
      SITE_URL: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [synth.logicalId(synth.stack.website.distribution), 'DomainName'] }],
        ],
      },
    });
  });

  it('alarms as soon as the notifications sweep dead-letters a mail', () => {
    const topicId = synth.logicalId(synth.stack.alarms.topic);
    synth.template.hasResourceProperties(ALARM, {
      Namespace: 'DisclosureService',
      MetricName: 'MailDeadLettered',
      Dimensions: Match.arrayEquals([
        { Name: 'Service', Value: 'disclosure' },
        { Name: 'Sweep', Value: 'notifications' },
      ]),
      Statistic: 'Sum',
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
  });

  it('alarms on errors of the bounce function and on anything in its dead-letter queue', () => {
    synth.template.hasResourceProperties(ALARM, {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: bounceFnId } }],
      Threshold: 0,
    });
    synth.template.hasResourceProperties(ALARM, {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 0,
    });
  });
});

describe('the mailDomain context', () => {
  const build = (mailDomain?: string) =>
    buildApp({ context: { ...cdkJsonContext(), ...NO_BUNDLING, ...(mailDomain ? { mailDomain } : {}) } });

  it('defaults to a placeholder domain nobody can verify, so an unconfigured deployment sends nothing', () => {
    const { stack } = build();
    expect(DEFAULT_MAIL_DOMAIN).toBe('example.com');
    expect(stack.notifications.mailFrom).toBe('noreply@example.com');
  });

  it('refuses a value that is not a domain name, before anything is deployed', () => {
    expect(() => build('noreply@credit.example.cn')).toThrow(/mailDomain must be a domain name/);
  });
});
