import type { Actor, ChainHead } from '../audit.ts';
import type { CalendarYear } from './calendar-year.ts';

/** A year as loaded into the service, with what optimistic concurrency and the audit need. */
export interface StoredCalendarYear {
  readonly year: CalendarYear;
  readonly version: number;
  readonly updatedAt: string;
  readonly head: ChainHead;
}

/** Where loaded calendar years are kept (the table, on AWS and locally). */
export interface CalendarStore {
  getYears(years: readonly number[]): Promise<StoredCalendarYear[]>;
  putYear(
    year: CalendarYear,
    previous: StoredCalendarYear | undefined,
    change: { actor: Actor; at: string },
  ): Promise<StoredCalendarYear>;
}
