import { makeCalendarUseCases } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { calendarRoutes } from './routes.ts';

const calendar = makeCalendarUseCases({ store: calendarRepository(storeFromEnv()), clock: systemClock });

export const handler = httpHandler('calendar', calendarRoutes(calendar));
