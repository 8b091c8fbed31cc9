import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_NAMES } from '../../shared/domain/deadlines/kinds.ts';
import { SCHEDULES } from '../../shared/schedules.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const SCHEDULE = 'AWS::Scheduler::Schedule';
const ALARM = 'AWS::CloudWatch::Alarm';

interface ScheduleProps {
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  FlexibleTimeWindow: { Mode: string };
  Target: {
    Arn: unknown;
    RoleArn: unknown;
    Input: string;
    RetryPolicy?: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
    DeadLetterConfig?: { Arn: unknown };
  };
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

describe('the sweep timers', () => {
  let synth: Synthesized;
  let schedules: ScheduleProps[];
  let fnId: string;
  let queueId: string;
  let topicId: string;
  beforeAll(() => {
    synth = synthesizeService();
    schedules = Object.values(synth.template.findResources(SCHEDULE)).map(
      (r) => r.Properties as ScheduleProps,
    );
    fnId = synth.logicalId(synth.stack.timers.function);
    queueId = synth.logicalId(synth.stack.timers.deadLetterQueue);
    topicId = synth.logicalId(synth.stack.alarms.topic);
  });
  afterAll(() => synth?.dispose());

  const scheduleFor = (sweep: string): ScheduleProps => {
    const found = schedules.filter((s) => (JSON.parse(s.Target.Input) as { sweep: string }).sweep === sweep);
    expect(found).toHaveLength(1);
    return found[0] as ScheduleProps;
  };
  const policiesOf = (roleId: string) =>
    Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);

  it('has exactly one schedule per entry of SCHEDULES, each for a sweep the handler knows', () => {
    const sweeps = schedules.map((s) => (JSON.parse(s.Target.Input) as { sweep: string }).sweep);
    expect(sweeps.sort()).toEqual(SCHEDULES.map((s) => s.sweep).sort());
    for (const sweep of sweeps) expect(SWEEP_NAMES).toContain(sweep);
  });

  it.each(SCHEDULES.map((spec) => [spec.sweep, spec] as const))(
    'runs %s on its declared cron in Asia/Shanghai, invoking the sweeps function with its name',
    (sweep, spec) => {
      const schedule = scheduleFor(sweep);
      expect(schedule.ScheduleExpression).toBe(spec.cron);
      expect(schedule.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
      expect(schedule.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(JSON.parse(schedule.Target.Input)).toEqual({ sweep });
      expect(schedule.Target.Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    },
  );

  it.each(SCHEDULES.map((spec) => spec.sweep))(
    'retries a failed delivery of %s twice within the hour, then parks it in the dead-letter queue',
    (sweep) => {
      const { Target } = scheduleFor(sweep);
      expect(Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
      expect(Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    },
  );

  it('lets the schedules assume a role that the scheduler of this account alone can assume', () => {
    const roleIds = new Set(schedules.map((s) => JSON.stringify(s.Target.RoleArn)));
    expect(roleIds.size).toBe(1);
    const roleArn = schedules[0]?.Target.RoleArn as { 'Fn::GetAtt': [string, string] } | undefined;
    const roleId = roleArn?.['Fn::GetAtt'][0] ?? '';
    const role = synth.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    const statements = policiesOf(roleId);
    expect(statements.flatMap(actionsOf).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    const invoke = statements.find((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    const fnArn = { 'Fn::GetAtt': [fnId, 'Arn'] };
    expect(invoke?.Resource).toEqual([fnArn, { 'Fn::Join': ['', [fnArn, ':*']] }]);
  });

  it('runs the sweeps function on nodejs24.x arm64 for up to 5 minutes, with the table and the policy', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('sweep'),
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 300,
      MemorySize: 1024,
      Environment: {
        Variables: {
          TABLE_NAME: { Ref: synth.logicalId(synth.stack.table) },
          AUTO_PUBLISH_OVERDUE: 'true',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
    const fn = synth.template.findResources('AWS::Lambda::Function')[fnId];
    expect(fn?.Properties.Timeout).toBe(300);
  });

  it('lets the sweeps function read and write the table', () => {
    const role = synth.stack.timers.function.role;
    if (!role) throw new Error('function without role');
    const tableArn = JSON.stringify({ 'Fn::GetAtt': [synth.logicalId(synth.stack.table), 'Arn'] });
    const actions = policiesOf(synth.logicalId(role))
      .filter((s) => JSON.stringify(s.Resource).includes(tableArn))
      .flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:Query',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ]),
    );
    expect(actions).toContain('dynamodb:BatchWriteItem');
  });

  it('sends a sweep that still fails after Lambda’s own retries to the same dead-letter queue', () => {
    // Scheduler invokes Lambda asynchronously: a thrown error is retried by Lambda, not by it.
    synth.template.resourcePropertiesCountIs(
      'AWS::Lambda::EventInvokeConfig',
      { FunctionName: { Ref: fnId } },
      1,
    );
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });

  it('keeps the dead-letter queue encrypted and reachable over TLS only', () => {
    const queue = synth.template.findResources('AWS::SQS::Queue')[queueId];
    expect(queue?.Properties.SqsManagedSseEnabled).toBe(true);
    synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  const alarmOn = (metric: string, namespace: string, dimension: unknown, statistic: string) => {
    synth.template.hasResourceProperties(ALARM, {
      MetricName: metric,
      Namespace: namespace,
      Dimensions: [dimension],
      Statistic: statistic,
      Period: 300,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
    });
  };

  it('alarms on any error of the sweeps function in five minutes', () => {
    alarmOn('Errors', 'AWS/Lambda', { Name: 'FunctionName', Value: { Ref: fnId } }, 'Sum');
  });

  it('alarms on any throttle of the sweeps function in five minutes', () => {
    alarmOn('Throttles', 'AWS/Lambda', { Name: 'FunctionName', Value: { Ref: fnId } }, 'Sum');
  });

  it('alarms as soon as a message waits in the sweeps dead-letter queue', () => {
    alarmOn(
      'ApproximateNumberOfMessagesVisible',
      'AWS/SQS',
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
      'Maximum',
    );
  });

  it('starts a batch job from the table stream when a job steps into queued, failures to the dead letters', () => {
    const mappings = Object.values(synth.template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => JSON.stringify(m.Properties.FunctionName).includes(fnId),
    );
    expect(mappings).toHaveLength(1);
    const props = mappings[0]?.Properties;
    expect(props).toMatchObject({
      StartingPosition: 'LATEST',
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    expect(JSON.stringify(props.EventSourceArn)).toContain('StreamArn');
    const pattern = JSON.parse(props.FilterCriteria.Filters[0].Pattern);
    expect(pattern).toEqual({
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { type: { S: ['batch-job'] }, state: { S: ['queued'] } } },
    });
  });
});
