import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { BATCH_JOB_TYPE, JOB_STATES } from '../shared/store/batch-job-items.ts';

/**
 * A batch job's start on AWS: the table stream invokes the sweeps function as soon as a job
 * steps into `queued` (stored by a request too large to run it, or handed over by a runner
 * out of time). The handler runs the 'batch-jobs' sweep, which finds every due job; the
 * minute schedule is the safety net for a trigger lost or a worker that died. Locally the
 * server wakes the same sweep in-process (local/job-worker.ts).
 */
export function startBatchJobsFromStream(fn: IFunction, table: ITableV2, deadLetters: IQueue): void {
  fn.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: 10,
      maxBatchingWindow: Duration.seconds(0),
      // A run that fails is tried twice more, then the records go to the dead letters; the
      // job stays due, and the minute schedule runs it anyway.
      retryAttempts: 2,
      onFailure: new SqsDlq(deadLetters),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.or('INSERT', 'MODIFY'),
          dynamodb: {
            NewImage: {
              type: { S: FilterRule.isEqual(BATCH_JOB_TYPE) },
              state: { S: FilterRule.isEqual(JOB_STATES.queued) },
            },
          },
        }),
      ],
    }),
  );
}
