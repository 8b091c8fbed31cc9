import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const ALARM = 'AWS::CloudWatch::Alarm';

describe('the alarm topic', () => {
  let synth: Synthesized;
  let topicId: string;
  beforeAll(() => {
    synth = synthesizeService();
    topicId = synth.logicalId(synth.stack.alarms.topic);
  });
  afterAll(() => synth?.dispose());

  it('is encrypted with a rotated key that CloudWatch may use', () => {
    const topic = synth.template.findResources('AWS::SNS::Topic')[topicId];
    const [keyId] = topic?.Properties.KmsMasterKeyId['Fn::GetAtt'] ?? [];
    const key = synth.template.findResources('AWS::KMS::Key')[keyId];
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(key?.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      ]),
    );
  });

  it('accepts publications over TLS only, and from the alarms of this account', () => {
    synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('is told when each alarm fires and when it clears', () => {
    const alarms = Object.values(synth.template.findResources(ALARM));
    expect(alarms.length).toBeGreaterThanOrEqual(4);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('publishes its ARN as a stack output, for operators to subscribe', () => {
    synth.template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
  });
});
