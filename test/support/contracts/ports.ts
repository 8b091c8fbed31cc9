import type { CalendarStore } from '../../../shared/domain/calendar/ports.ts';
import type { DueDeadlinesPort } from '../../../shared/domain/deadlines/sweep.ts';
import type { RecordStore } from '../../../shared/domain/records/ports.ts';
import type { WorkflowStore } from '../../../shared/domain/workflows/ports.ts';
import { fakeCalendarStore, fakeDeadlines, fakeRecordStore, fakeWorkflowStore } from '../fakes/stores.ts';
import { InMemoryTable } from '../fakes/table.ts';

/** The domain's ports over one store: what each contract is run against. */
export interface Ports {
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  readonly deadlines: DueDeadlinesPort;
  readonly calendars: CalendarStore;
}

export type MakePorts = () => Promise<Ports>;

/** The in-memory fakes the unit tests use, over a fresh table. */
export const inMemoryPorts: MakePorts = async () => {
  const table = new InMemoryTable();
  return {
    records: fakeRecordStore(table),
    workflows: fakeWorkflowStore(table),
    deadlines: fakeDeadlines(table),
    calendars: fakeCalendarStore(table),
  };
};
