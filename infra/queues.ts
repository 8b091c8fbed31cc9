import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that only ever holds what failed elsewhere, for an operator to read and redrive.
 * SQS-managed encryption: EventBridge Scheduler, Lambda and Pipes all write to it without a
 * key policy to keep in step, and the messages hold names and ids, no personal data.
 * The longest retention SQS allows, so a failure noticed late is still there to look at.
 */
export function deadLetterQueue(scope: Construct, id: string, holds: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      `This queue is itself a dead-letter queue (${holds}); nothing consumes it automatically, ` +
      'so a dead-letter queue behind it would never receive anything. Its depth is alarmed.',
  });
  return queue;
}
