import { makeCalendarPreview } from '../../shared/domain/calendar/preview.ts';
import { makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { recomputePorts } from '../../shared/store/job-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { calendarRoutes } from './routes.ts';

const store = storeFromEnv();
const calendars = calendarRepository(store);
const calendar = {
  ...makeCalendarUseCases({ store: calendars, clock: systemClock }),
  ...makeCalendarPreview({
    calendars,
    records: recordRepository(store),
    workflows: workflowRepository(store),
    openDeadlines: recomputePorts(store),
  }),
};

export const handler = httpHandler('calendar', calendarRoutes(calendar));
