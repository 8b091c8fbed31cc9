import type { CalendarYearsPort } from './calendar/load-calendar.ts';
import { makeCheckDeadlineHandlers } from './checks/deadline-handlers.ts';
import type { CheckStore } from './checks/ports.ts';
import { makeCommitmentDeadlineHandlers } from './commitments/deadline-handlers.ts';
import type { CommitmentStore } from './commitments/ports.ts';
import type { DeadlineKind } from './deadlines/kinds.ts';
import { makeRecomputeHandler, type RecomputePorts } from './deadlines/recompute.ts';
import type { DeadlineHandler } from './deadlines/sweep.ts';
import { makeListDeadlineHandlers } from './lists/deadline-handlers.ts';
import type { ListStore } from './lists/ports.ts';
import { type MailDeliveryDeps, makeMailDeliveryHandler } from './notifications/delivery.ts';
import { makeMatterOf } from './notifications/matter.ts';
import { makeNotifyHandler } from './notifications/produce.ts';
import { type BatchJobWorker, makeBatchJobHandler } from './records/batch-job.ts';
import { makeRecordDeadlineHandlers } from './records/deadline-handlers.ts';
import type { RecordStore } from './records/ports.ts';
import { makeUpstreamPushHandler, type PushDeps } from './sharing/upstream.ts';
import { makeWorkflowDeadlineHandlers } from './workflows/deadline-handlers.ts';
import type { WorkflowStore } from './workflows/ports.ts';

export interface TimerDeps {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly lists: ListStore;
  readonly checks: CheckStore;
  readonly commitments: CommitmentStore;
  readonly calendarYears: CalendarYearsPort;
  readonly recompute: RecomputePorts;
  readonly batchJobs: BatchJobWorker;
  /** Publish a public record automatically when its disclosure deadline passes. */
  readonly autoPublish: boolean;
  /** The city's credit platform; without it, pushes stay pending until it is configured. */
  readonly upstream?: Omit<PushDeps, 'records' | 'clock'> | undefined;
  /** Where notices go and how e-mail leaves. */
  readonly notifications: MailDeliveryDeps & { readonly clock: () => Date };
}

/**
 * The timers: what each kind of deadline does when it falls due. The map is total, so a
 * deadline kind added without its handler does not compile.
 */
export function deadlineHandlers(deps: TimerDeps): Readonly<Record<DeadlineKind, DeadlineHandler>> {
  const records = makeRecordDeadlineHandlers(deps);
  const workflows = makeWorkflowDeadlineHandlers(deps);
  const lists = makeListDeadlineHandlers(deps);
  const checks = makeCheckDeadlineHandlers(deps);
  const commitments = makeCommitmentDeadlineHandlers(deps);
  return {
    ...records.handlers,
    ...workflows.handlers,
    ...lists.handlers,
    ...checks.handlers,
    ...commitments.handlers,
    'calendar-recompute': makeRecomputeHandler(deps.recompute, {
      ...records.recomputers,
      ...workflows.recomputers,
      ...lists.recomputers,
      ...checks.recomputers,
      ...commitments.recomputers,
    }),
    'batch-job': makeBatchJobHandler(deps.batchJobs),
    notify: makeNotifyHandler({
      store: deps.notifications.store,
      matterOf: makeMatterOf({ ...deps, clock: deps.notifications.clock }),
    }),
    'mail-delivery': makeMailDeliveryHandler(deps.notifications),
    'upstream-push': deps.upstream
      ? makeUpstreamPushHandler({ ...deps.upstream, records: deps.records, clock: deps.notifications.clock })
      : async () => 'upstream-not-configured',
  };
}
