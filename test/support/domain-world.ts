import { makeRowRegistration } from '../../functions/records/batch.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { calendarYearsFrom, makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import type { CheckStore } from '../../shared/domain/checks/ports.ts';
import type { CommitmentStore } from '../../shared/domain/commitments/ports.ts';
import type { SweepName } from '../../shared/domain/deadlines/kinds.ts';
import { runSweep } from '../../shared/domain/deadlines/sweep.ts';
import type { ListStore } from '../../shared/domain/lists/ports.ts';
import type { NotificationStore } from '../../shared/domain/notifications/ports.ts';
import { makeObjectionUseCases } from '../../shared/domain/objections/use-cases.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { makeRecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { makeRepairUseCases } from '../../shared/domain/repairs/use-cases.ts';
import { deadlineHandlers } from '../../shared/domain/timers.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import { fakeBatchJobStore } from './fakes/batch-jobs.ts';
import { testClock } from './fakes/clock.ts';
import {
  fakeCalendarStore,
  fakeDeadlines,
  fakeRecomputePorts,
  fakeRecordStore,
  fakeWorkflowStore,
} from './fakes/stores.ts';
import { InMemoryTable } from './fakes/table.ts';
import { AGENCY, COMPANY } from './record-builders.ts';

/**
 * Every use case and timer of the domain on in-memory fakes of its ports and one settable
 * clock: the world the rule tests of test/unit run in, in milliseconds, without DynamoDB.
 */
export function domainWorld(start = '2026-12-04T10:00:00+08:00', settings = { autoPublish: true }) {
  const table = new InMemoryTable();
  const time = testClock(start);
  const records = fakeRecordStore(table);
  const workflows = fakeWorkflowStore(table);
  const calendarStore = fakeCalendarStore(table);
  const calendarYears = calendarYearsFrom(calendarStore);
  const deps = { records, workflows, calendarYears, clock: time.clock };
  const recordUseCases = makeRecordUseCases(deps);
  const batchJobs = fakeBatchJobStore(table);
  /** Chunks one 'batch-jobs' run takes before handing the job on: time, counted in chunks. */
  const batchRun = { chunks: Number.POSITIVE_INFINITY };
  // Lists and checks are tested on their rules (test/unit/lists) and end to end; a use here
  // fails loudly instead of passing quietly.
  const absent = <T extends object>(what: string) =>
    new Proxy({} as T, {
      get: (_target, name) => () =>
        Promise.reject(new Error(`no ${what} store in the domain world (${String(name)})`)),
    });
  const handlers = deadlineHandlers({
    records,
    workflows,
    lists: absent<ListStore>('list'),
    checks: absent<CheckStore>('check'),
    commitments: absent<CommitmentStore>('commitment'),
    calendarYears,
    recompute: fakeRecomputePorts(table),
    autoPublish: settings.autoPublish,
    // The rule tests of this world do not run the notifications sweep: its store is DynamoDB's
    // (test/e2e/notifications-*.test.ts). Any use here fails loudly instead of passing quietly.
    notifications: {
      store: new Proxy({} as NotificationStore, {
        get: (_target, name) => () =>
          Promise.reject(new Error(`no notification store in the domain world (${String(name)})`)),
      }),
      sender: { send: () => Promise.reject(new Error('no mail in the domain world')) },
      siteUrl: 'http://localhost',
      clock: time.clock,
    },
    batchJobs: {
      store: batchJobs,
      registerRow: makeRowRegistration(recordUseCases),
      clock: time.clock,
      budget: () => {
        let left = batchRun.chunks;
        return () => left-- > 0;
      },
    },
  });
  return {
    table,
    time,
    records,
    workflows,
    recordUseCases,
    batchJobs,
    batchRun,
    objections: makeObjectionUseCases(deps),
    repairs: makeRepairUseCases(deps),
    disclosures: makePublicDisclosureUseCases({ records, clock: time.clock }),
    calendar: makeCalendarUseCases({ store: calendarStore, clock: time.clock }),
    /** Runs one sweep now, as the schedule would, with every handler of the service. */
    sweep: (sweep: SweepName) =>
      runSweep({ sweep, handlers, deadlines: fakeDeadlines(table), clock: time.clock }),
    /** The route's validation, as the HTTP layer passes it in (here: zod's own error). */
    validate: (content: unknown) => recordInputSchema.parse(content),
  };
}

export type DomainWorld = ReturnType<typeof domainWorld>;

export const AGENCY_ACTOR: Actor = { role: 'agency', id: AGENCY };
export const ENTITY_ACTOR: Actor = { role: 'entity', id: COMPANY };
