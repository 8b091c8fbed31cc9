import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../shared/domain/events.ts';
import { deadlineEntry } from '../../shared/store/deadline-items.ts';
import { eventItem } from '../../shared/store/event-items.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const PIPE = 'AWS::Pipes::Pipe';

interface PipeProps {
  RoleArn: { 'Fn::GetAtt': [string, string] };
  Source: unknown;
  Target: unknown;
  SourceParameters: {
    FilterCriteria: { Filters: { Pattern: string }[] };
    DynamoDBStreamParameters: {
      StartingPosition: string;
      BatchSize: number;
      MaximumRetryAttempts?: number;
      DeadLetterConfig?: { Arn: unknown };
    };
  };
  TargetParameters: {
    EventBridgeEventBusParameters: { DetailType: string; Source: string };
    InputTemplate: string;
  };
}

type AttributeValue = Record<string, unknown>;

/** DynamoDB JSON, as the stream carries an item (strings, numbers, booleans, lists, maps). */
function marshall(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  return { M: marshallItem(value as Record<string, unknown>) };
}
const marshallItem = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).map(([key, value]) => [key, marshall(value)]));

/** A stream record as the pipe reads it (NEW_IMAGE). */
const streamRecord = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Record<string, unknown>) => ({
  eventName,
  eventSource: 'aws:dynamodb',
  dynamodb: { NewImage: marshallItem(item), StreamViewType: 'NEW_IMAGE' },
});

/** EventBridge's matching for patterns of exact values, the only kind the pipe's filter uses. */
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value);
  if (typeof pattern !== 'object' || pattern === null) throw new Error('unsupported pattern');
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern).every(([key, inner]) =>
    matches(inner, (value as Record<string, unknown>)[key]),
  );
}

/** `$.a.b.c` in `record`; the JSON paths the pipe's parameters and template use. */
function at(record: unknown, path: string): unknown {
  expect(path.startsWith('$.')).toBe(true);
  return path
    .slice(2)
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], record);
}

/** The input template filled in from `record`: quoted placeholders take strings, bare ones JSON. */
function render(template: string, record: unknown): string {
  const value = (path: string) => {
    const found = at(record, path);
    expect(found, path).toBeDefined();
    return JSON.stringify(found);
  };
  return template
    .replace(/"<(\$[^>]+)>"/g, (_all, path: string) => value(path))
    .replace(/<(\$[^>]+)>/g, (_all, path: string) => value(path));
}

const EVENT = recordEvent(
  'overdue',
  { id: 'rec-1', revision: 3, authority: { uscc: '11100000000013127D' } },
  new Date('2026-10-09T16:00:00Z'),
  { late: true, dueAt: '2026-10-10T00:00:00+08:00', workingDays: 7 },
);

describe('events to EventBridge', () => {
  let synth: Synthesized;
  let pipe: PipeProps;
  let busId: string;
  let queueId: string;
  let tableId: string;
  beforeAll(() => {
    synth = synthesizeService();
    const pipes = Object.values(synth.template.findResources(PIPE));
    expect(pipes).toHaveLength(1);
    pipe = pipes[0]?.Properties as PipeProps;
    busId = synth.logicalId(synth.stack.events.bus);
    queueId = synth.logicalId(synth.stack.events.deadLetterQueue);
    tableId = synth.logicalId(synth.stack.table);
  });
  afterAll(() => synth?.dispose());

  it('streams the new image of every item of the table', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('has one bus, disclosure-events, whose name is a stack output', () => {
    synth.template.resourceCountIs('AWS::Events::EventBus', 1);
    synth.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'disclosure-events' });
    synth.template.hasOutput('EventBusName', { Value: { Ref: busId } });
  });

  it('pipes the table stream, from its latest record, to the bus', () => {
    expect(pipe.Source).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(pipe.Target).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    expect(pipe.SourceParameters.DynamoDBStreamParameters).toMatchObject({ StartingPosition: 'LATEST' });
    expect(pipe.SourceParameters.DynamoDBStreamParameters.BatchSize).toBeLessThanOrEqual(10);
  });

  it('lets only inserted outbox items (type = event) through', () => {
    const filters = pipe.SourceParameters.FilterCriteria.Filters;
    expect(filters).toHaveLength(1);
    expect(JSON.parse(filters[0]?.Pattern ?? '')).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['event'] } } },
    });
  });

  it('matches the items eventItem() writes, and no other write to the table', () => {
    const pattern = JSON.parse(pipe.SourceParameters.FilterCriteria.Filters[0]?.Pattern ?? '');
    const outbox = eventItem(EVENT);
    const deadline = deadlineEntry('RECORD#rec-1', 'rec-1', {
      kind: 'disclosure-due',
      dueAt: '2026-10-10T00:00:00+08:00',
    }).item;

    expect(matches(pattern, streamRecord('INSERT', outbox))).toBe(true);
    expect(matches(pattern, streamRecord('MODIFY', outbox))).toBe(false);
    expect(matches(pattern, streamRecord('REMOVE', outbox))).toBe(false);
    expect(matches(pattern, streamRecord('INSERT', deadline))).toBe(false);
  });

  it('puts each event on the bus with source disclosure-service and its type as detail-type', () => {
    const params = pipe.TargetParameters.EventBridgeEventBusParameters;
    expect(params.Source).toBe('disclosure-service');
    expect(at(streamRecord('INSERT', eventItem(EVENT)), params.DetailType)).toBe('overdue');
  });

  it('makes the DomainEvent the detail: its fields as JSON, `data` in DynamoDB JSON', () => {
    const detail = JSON.parse(
      render(pipe.TargetParameters.InputTemplate, streamRecord('INSERT', eventItem(EVENT))),
    );

    expect(detail).toEqual({ ...EVENT, data: marshallItem(EVENT.data) });
  });

  it('parks what it cannot deliver after bounded retries in an encrypted dead-letter queue', () => {
    const stream = pipe.SourceParameters.DynamoDBStreamParameters;
    expect(stream.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(stream.MaximumRetryAttempts).toBeGreaterThan(0);
    const queue = synth.template.findResources('AWS::SQS::Queue')[queueId];
    expect(queue?.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('runs as a role that pipes alone assume, reading the stream and writing only to the bus and queue', () => {
    const roleId = pipe.RoleArn['Fn::GetAtt'][0];
    const role = synth.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    ]);
    const [policyId, policy] =
      Object.entries(synth.template.findResources('AWS::IAM::Policy')).find(([, p]) =>
        JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`),
      ) ?? [];
    if (!policy) throw new Error('the pipe role has no policy');
    const statements = policy.Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
    }[];
    const grants = Object.fromEntries(
      statements.map((s) => [JSON.stringify(s.Resource), [s.Action].flat().sort()]),
    );
    expect(grants).toEqual({
      [JSON.stringify({ 'Fn::GetAtt': [tableId, 'StreamArn'] })]: [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
      ],
      [JSON.stringify({ 'Fn::GetAtt': [busId, 'Arn'] })]: ['events:PutEvents'],
      [JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] })]: [
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ],
      [JSON.stringify({ 'Fn::GetAtt': [synth.logicalId(synth.stack.events.pipeLogGroup), 'Arn'] })]: [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
    });
    // Created after its permissions, or it could start without them.
    synth.template.hasResource(PIPE, { DependsOn: Match.arrayWith([policyId]) });
  });

  it('alarms as soon as a message waits in the events dead-letter queue', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });
});
