import { makeSweeps } from '../../functions/sweeps/sweeps.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { calendarYearsFrom, makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import { makeRecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { eventRepository } from '../../shared/store/event-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { AGENCY } from './record-builders.ts';

/** A settable clock: tests move time across deadlines. */
export function testClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, set: (instant: string) => (now = new Date(instant)) };
}

export const AGENCY_ACTOR: Actor = { role: 'agency', id: AGENCY };
export const ADMIN_ACTOR: Actor = { role: 'admin', id: 'credit-office' };

/** The use cases and sweeps of one store, all on one test clock. */
export function timerWorld(store: Store, start: string, settings = { autoPublish: true }) {
  const time = testClock(start);
  const records = recordRepository(store);
  const calendarStore = calendarRepository(store);
  return {
    time,
    records,
    useCases: makeRecordUseCases({
      records,
      calendarYears: calendarYearsFrom(calendarStore),
      clock: time.clock,
    }),
    calendar: makeCalendarUseCases({ store: calendarStore, clock: time.clock }),
    sweep: makeSweeps(store, time.clock, settings),
    events: eventRepository(store),
  };
}
