import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { makeCheckUseCases } from '../../shared/domain/checks/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeListUseCases } from '../../shared/domain/lists/use-cases.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { checkRepository } from '../../shared/store/check-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { idempotencyRepository } from '../../shared/store/idempotency-repository.ts';
import { listRepository } from '../../shared/store/list-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { checkRoutes, listRoutes } from './routes.ts';

const store = storeFromEnv();
const lists = listRepository(store);
const records = recordRepository(store);
const calendarYears = calendarYearsFrom(calendarRepository(store));
const names = cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env));

export const handler = httpHandler(
  'lists',
  {
    ...listRoutes(makeListUseCases({ lists, records, calendarYears, clock: systemClock })),
    ...checkRoutes(
      makeCheckUseCases({
        checks: checkRepository(store),
        lists,
        records,
        calendarYears,
        clock: systemClock,
      }),
      names,
    ),
  },
  { idempotency: idempotencyRepository(store) },
);
