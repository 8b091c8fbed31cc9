import { makeAgencyWorklist } from '../../shared/domain/agency-worklist.ts';
import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { pushRepository } from '../../shared/store/push-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { worklistRoutes } from './routes.ts';

const store = storeFromEnv();
const worklist = makeAgencyWorklist({
  records: recordRepository(store),
  workflows: workflowRepository(store),
  calendarYears: calendarYearsFrom(calendarRepository(store)),
  clock: systemClock,
  pushes: pushRepository(store),
});

export const handler = httpHandler('worklist', worklistRoutes(worklist));
