import type { CalendarYearsPort } from './calendar/load-calendar.ts';
import type { DeadlineKind } from './deadlines/kinds.ts';
import { makeRecomputeHandler, type RecomputePorts } from './deadlines/recompute.ts';
import type { DeadlineHandler } from './deadlines/sweep.ts';
import { type BatchJobWorker, makeBatchJobHandler } from './records/batch-job.ts';
import { makeRecordDeadlineHandlers } from './records/deadline-handlers.ts';
import type { RecordStore } from './records/ports.ts';
import { makeWorkflowDeadlineHandlers } from './workflows/deadline-handlers.ts';
import type { WorkflowStore } from './workflows/ports.ts';

export interface TimerDeps {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly calendarYears: CalendarYearsPort;
  readonly recompute: RecomputePorts;
  readonly batchJobs: BatchJobWorker;
  /** Publish a public record automatically when its disclosure deadline passes. */
  readonly autoPublish: boolean;
}

/**
 * The timers: what each kind of deadline does when it falls due. The map is total, so a
 * deadline kind added without its handler does not compile.
 */
export function deadlineHandlers(deps: TimerDeps): Readonly<Record<DeadlineKind, DeadlineHandler>> {
  const records = makeRecordDeadlineHandlers(deps);
  const workflows = makeWorkflowDeadlineHandlers(deps);
  return {
    ...records.handlers,
    ...workflows.handlers,
    'calendar-recompute': makeRecomputeHandler(deps.recompute, {
      ...records.recomputers,
      ...workflows.recomputers,
    }),
    'batch-job': makeBatchJobHandler(deps.batchJobs),
  };
}
