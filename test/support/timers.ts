import { makeSweeps } from '../../functions/sweeps/sweeps.ts';
import { calendarYearsFrom, makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import { makeRecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { eventRepository } from '../../shared/store/event-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { testClock } from './fakes/clock.ts';

/** The record use cases and the sweeps of one DynamoDB Local store, all on one test clock. */
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
