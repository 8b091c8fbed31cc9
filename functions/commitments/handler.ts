import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeCommitmentUseCases } from '../../shared/domain/commitments/use-cases.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { commitmentRepository } from '../../shared/store/commitment-repository.ts';
import { idempotencyRepository } from '../../shared/store/idempotency-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { commitmentRoutes } from './routes.ts';

const store = storeFromEnv();

export const handler = httpHandler(
  'commitments',
  commitmentRoutes(
    makeCommitmentUseCases({
      commitments: commitmentRepository(store),
      records: recordRepository(store),
      agencies: agencyRepository(store),
      calendarYears: calendarYearsFrom(calendarRepository(store)),
      clock: systemClock,
    }),
  ),
  { idempotency: idempotencyRepository(store) },
);
